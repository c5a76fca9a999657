package cn.gaoxin.approval.audit.simulation.construction;

import java.util.List;
import java.util.Random;

/** Building projects and sites the simulated construction cases are about (from the source reports' examples). */
final class Projects {

  record Project(String name, String address) {}

  private static final List<Project> ALL = List.of(
      new Project("国药科技城一期研发楼", "青岛高新区锦业路 1 号"),
      new Project("青岛中医药传承创新基地", "青岛高新区火炬支路以东"),
      new Project("铁姆肯 (湘潭) 轴承有限公司扩产项目", "湘潭高新区晓塘路 9 号"),
      new Project("金杯电工新能源线缆项目", "湘潭高新区杨柳路 18 号"),
      new Project("青岛蔚蓝生物股份有限公司研发中心", "青岛高新区科荟路 8 号"),
      new Project("大汉龙云台三期", "湘潭高新区吉安路 55 号"),
      new Project("长春新区智能装备产业园二期", "长春新区硅谷大街 3399 号"),
      new Project("银川中关村创新园孵化楼", "银川高新区创新园路 6 号"));

  private Projects() {}

  static Project pick(Random random) {
    return ALL.get(random.nextInt(ALL.size()));
  }
}
