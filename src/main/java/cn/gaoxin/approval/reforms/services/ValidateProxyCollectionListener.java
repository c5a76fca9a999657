package cn.gaoxin.approval.reforms.services;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the courier's or agent's record of a door-to-door collection (上门收件) before the task completes:
 * collected materials must be named, must belong to the ordered item, and the proxy authorisation must be
 * signed; a cancelled order needs its reason. Every problem is reported at once; nothing changes until they are
 * fixed.
 */
@Component("validateProxyCollection")
public class ValidateProxyCollectionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object result = task.getVariable("collectionResult");
    List<String> problems = new ArrayList<>();
    if ("COLLECTED".equals(result)) {
      if (!Boolean.TRUE.equals(task.getVariable("authorisationSigned"))) {
        problems.add("请确认申请人已签署帮代办授权委托书");
      }
      List<String> collected = CaseVariables.strings(task, "collectedMaterials");
      if (collected.isEmpty()) {
        problems.add("请勾选已收取的材料");
      }
      Set<String> known = new LinkedHashSet<>();
      CaseVariables.list(task, "orderedMaterialOptions", java.util.Map.class)
          .forEach(option -> known.add(String.valueOf(option.get("value"))));
      List<String> unknown = collected.stream().filter(c -> !known.contains(c)).toList();
      if (!unknown.isEmpty()) {
        problems.add("以下材料不属于所点事项: " + String.join(", ", unknown));
      }
    } else if ("CANCELLED".equals(result)) {
      Object note = task.getVariable("collectionNote");
      if (note == null || note.toString().isBlank()) {
        problems.add("未能收件或申请人撤单的, 请写明原因");
      }
    } else {
      problems.add("请选择收件结果: 已收取材料 (COLLECTED) 或 未能收件 / 申请人撤单 (CANCELLED)");
    }
    if (!problems.isEmpty()) {
      throw new NotValidException(String.join("; ", problems));
    }
  }
}
