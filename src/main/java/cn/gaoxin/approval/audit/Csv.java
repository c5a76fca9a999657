package cn.gaoxin.approval.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * CSV that Excel opens correctly with Chinese text: UTF-8 with a byte-order mark, CRLF line ends, every text field
 * quoted. Text that a spreadsheet would take for a formula ({@code = + - @}, tab, CR) is prefixed with an apostrophe,
 * so hostile case data cannot run in the auditor's Excel; numbers are written as numbers.
 */
public final class Csv implements AutoCloseable {

  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Writer out;

  public Csv(OutputStream stream) {
    try {
      stream.write(BOM);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
  }

  public Csv row(Object... cells) {
    return row(Arrays.asList(cells));
  }

  public Csv row(List<?> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    line.append("\r\n");
    try {
      out.write(line.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
