package cn.gaoxin.approval.countersign;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The officials of a department, as the signers of an 或签 that any one of them may sign: in a model,
 * {@code camunda:collection="${signingOfficials.of('housing-construction')}"} with the element variable as the
 * signer task's assignee. Read from the users and groups the administrators keep (Camunda Admin), at the moment the
 * countersign starts.
 */
@Component("signingOfficials")
public class SigningOfficials {

  private final IdentityService identityService;

  public SigningOfficials(IdentityService identityService) {
    this.identityService = identityService;
  }

  public List<String> of(String group) {
    List<String> officials = identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
        .stream().map(User::getId).toList();
    if (officials.isEmpty()) {
      throw new ProcessEngineException("部门 " + group + " 没有可签署的人员, 请先在管理后台为该部门添加人员");
    }
    return officials;
  }
}
