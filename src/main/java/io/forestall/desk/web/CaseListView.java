package io.forestall.desk.web;

import io.forestall.cases.CaseQuery;
import io.forestall.cases.CaseRow;
import io.forestall.cases.CaseService;
import io.forestall.cases.CaseState;
import io.forestall.tasks.AgentTask;
import io.forestall.tasks.TaskService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The tenant's cases, newest first, with the open tasks beside them. */
@Named
@ViewScoped
public class CaseListView implements Serializable {

  private static final int PAGE = 100;

  @Inject CaseService cases;
  @Inject TaskService taskService;

  private Long playbook;
  private CaseState state;
  private String customer;
  private List<CaseRow> rows;
  private long total;

  public void load() {
    CaseQuery query =
        new CaseQuery(
            playbook,
            state,
            customer == null || customer.isBlank() ? null : customer.strip(),
            null,
            0,
            PAGE);
    rows = cases.list(query);
    total = cases.count(query);
  }

  public List<AgentTask> getTasks() {
    return taskService.openTasks(50);
  }

  public CaseState[] getStates() {
    return CaseState.values();
  }

  public List<CaseRow> getRows() {
    return rows;
  }

  public long getTotal() {
    return total;
  }

  public Long getPlaybook() {
    return playbook;
  }

  public void setPlaybook(Long playbook) {
    this.playbook = playbook;
  }

  public CaseState getState() {
    return state;
  }

  public void setState(CaseState state) {
    this.state = state;
  }

  public String getCustomer() {
    return customer;
  }

  public void setCustomer(String customer) {
    this.customer = customer;
  }
}
