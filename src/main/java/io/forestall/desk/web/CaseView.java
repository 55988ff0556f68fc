package io.forestall.desk.web;

import io.forestall.cases.CaseRow;
import io.forestall.cases.CaseService;
import io.forestall.cases.EvidenceFinding;
import io.forestall.outreach.MessageLog;
import io.forestall.outreach.OutreachMessage;
import io.forestall.tasks.AgentTask;
import io.forestall.tasks.TaskService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * One case: who, which playbook version, the evidence condition by condition, its messages (with
 * why one was not sent) and its tasks.
 */
@Named
@RequestScoped
public class CaseView {

  @Inject CaseService cases;
  @Inject TaskService taskService;
  @Inject MessageLog messageLog;

  private Long id;
  private CaseRow row;
  private List<EvidenceFinding> findings;
  private List<AgentTask> tasks;
  private List<OutreachMessage> messages;

  public void load() {
    row = cases.get(id);
    tasks = taskService.ofCase(id);
    findings = EvidenceFinding.of(row.getCase());
    messages = messageLog.ofCase(id);
  }

  public List<OutreachMessage> getMessages() {
    return messages;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public CaseRow getRow() {
    return row;
  }

  public List<EvidenceFinding> getFindings() {
    return findings;
  }

  public List<AgentTask> getTasks() {
    return tasks;
  }
}
