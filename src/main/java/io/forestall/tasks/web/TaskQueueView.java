package io.forestall.tasks.web;

import io.forestall.kernel.Caller;
import io.forestall.kernel.ConflictException;
import io.forestall.platform.faces.Messages;
import io.forestall.platform.faces.PagedModel;
import io.forestall.platform.security.CurrentSession;
import io.forestall.tasks.AgentTask;
import io.forestall.tasks.TaskQuery;
import io.forestall.tasks.TaskRow;
import io.forestall.tasks.TaskService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.LazyDataModel;

/**
 * Backs tasks/queue.xhtml: the team's work queue, open tasks most urgent first, mine, or done; an
 * agent claims one from the list.
 */
@Named
@ViewScoped
public class TaskQueueView implements Serializable {

  /** The queue's views: every open task, the caller's own open tasks, and closed ones. */
  static final List<String> VIEWS = List.of("open", "mine", "done");

  @Inject TaskService tasks;
  @Inject CurrentSession session;

  private String view = "open";
  private String team;
  private List<String> teams;
  private LazyDataModel<TaskRow> model;

  @PostConstruct
  void init() {
    teams = tasks.teams();
    model =
        new PagedModel<>(
            () -> tasks.count(query(0, 1)),
            (offset, limit) -> tasks.list(query(offset, limit)),
            TaskRow::getId);
  }

  private TaskQuery query(int offset, int limit) {
    String status = view.equals("done") ? AgentTask.DONE : AgentTask.OPEN;
    String owner = view.equals("mine") ? session.caller().map(Caller::username).orElse("-") : null;
    return new TaskQuery(team, status, owner, offset, limit);
  }

  public void claim(long id) {
    try {
      tasks.claim(id);
      Messages.info("tasks.claimed", Long.toString(id));
    } catch (ConflictException e) {
      Messages.error("tasks.conflict", e.getMessage());
    }
  }

  public LazyDataModel<TaskRow> getModel() {
    return model;
  }

  public List<String> getViews() {
    return VIEWS;
  }

  public String getView() {
    return view;
  }

  public void setView(String view) {
    this.view = VIEWS.contains(view) ? view : "open";
  }

  public List<String> getTeams() {
    return teams;
  }

  public String getTeam() {
    return team;
  }

  public void setTeam(String team) {
    this.team = team == null || team.isBlank() ? null : team;
  }

  /** The signed-in user's username, to tell their own tasks apart. */
  public String getMe() {
    return session.caller().map(Caller::username).orElse("");
  }
}
