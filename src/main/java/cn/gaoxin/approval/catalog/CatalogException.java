package cn.gaoxin.approval.catalog;

/** A catalog file that cannot be used; the message names the file, the item and the field. */
public class CatalogException extends RuntimeException {

  public CatalogException(String file, String item, String field, String problem) {
    super("事项目录有误: 文件 " + file + ", 事项 " + (item == null ? "-" : item) + ", 字段 " + field + ": " + problem);
  }

  public CatalogException(String file, String problem, Throwable cause) {
    super("事项目录有误: 文件 " + file + ": " + problem, cause);
  }
}
