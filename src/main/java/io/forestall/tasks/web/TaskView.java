package io.forestall.tasks.web;

import io.forestall.cases.CaseRow;
import io.forestall.cases.CaseService;
import io.forestall.cases.CaseStep;
import io.forestall.cases.CaseTransitions;
import io.forestall.cases.EvidenceFinding;
import io.forestall.kernel.Caller;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.ViolationException;
import io.forestall.outreach.MessageLog;
import io.forestall.outreach.OutreachMessage;
import io.forestall.platform.faces.FormErrors;
import io.forestall.platform.faces.Messages;
import io.forestall.platform.security.CurrentSession;
import io.forestall.tasks.Outcome;
import io.forestall.tasks.TaskNote;
import io.forestall.tasks.TaskRow;
import io.forestall.tasks.TaskService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backs tasks/task.xhtml: one task with its case's context (customer, evidence, messages, timeline)
 * and notes; claiming, releasing, reassigning, noting and closing it. Holds form state only.
 */
@Named
@ViewScoped
public class TaskView implements Serializable {

  private static final int SUGGESTIONS = 10;

  @Inject TaskService tasks;
  @Inject CaseService cases;
  @Inject CaseTransitions transitions;
  @Inject MessageLog messageLog;
  @Inject CurrentSession session;

  private Long id;
  private TaskRow row;
  private CaseRow caseRow;
  private List<EvidenceFinding> findings;
  private List<OutreachMessage> messages;
  private List<TaskNote> notes;
  private List<CaseStep> timeline;

  private String owner;
  private String text;
  private Outcome outcome;
  private String rootCause;
  private String note;

  public void load() {
    if (id == null) {
      throw new NotFoundException("Task", "without an id");
    }
    row = tasks.get(id);
    long caseId = row.getTask().getCaseId();
    caseRow = cases.get(caseId);
    findings = EvidenceFinding.of(caseRow.getCase());
    messages = messageLog.ofCase(caseId);
    notes = tasks.notes(id);
    timeline = transitions.timeline(caseId);
  }

  public void claim() {
    act(() -> tasks.claim(id), "tasks.claimed");
  }

  public void release() {
    act(() -> tasks.release(id), "task.released");
  }

  public void reassign() {
    try {
      tasks.reassign(id, owner);
      owner = null;
      Messages.info("task.reassigned");
      load();
    } catch (ViolationException e) {
      FormErrors.show("work", e.violations(), "task.field.");
    } catch (ConflictException e) {
      Messages.error("tasks.conflict", e.getMessage());
      load();
    }
  }

  public void addNote() {
    try {
      tasks.note(id, text);
      text = null;
      Messages.info("task.noted");
      load();
    } catch (ViolationException e) {
      FormErrors.show("notes", e.violations(), "task.field.");
    }
  }

  public void close() {
    try {
      tasks.close(id, outcome == null ? null : outcome.name(), rootCause, note);
      Messages.info("task.closed");
      load();
    } catch (ViolationException e) {
      FormErrors.show("closing", e.violations(), "task.field.");
    } catch (ConflictException e) {
      Messages.error("tasks.conflict", e.getMessage());
      load();
    }
  }

  public List<String> completeRootCause(String query) {
    return tasks.rootCauses(query, SUGGESTIONS);
  }

  public List<String> completeOwner(String query) {
    String q = query == null ? "" : query.strip();
    return tasks.owners().stream().filter(o -> o.contains(q)).limit(SUGGESTIONS).toList();
  }

  private void act(Runnable action, String done) {
    try {
      action.run();
      Messages.info(done, Long.toString(id));
    } catch (ConflictException e) {
      Messages.error("tasks.conflict", e.getMessage());
    }
    load();
  }

  /** Whether the signed-in user owns the task. */
  public boolean isMine() {
    String me = session.caller().map(Caller::username).orElse(null);
    return me != null && me.equals(row.getTask().getOwner());
  }

  public Outcome[] getOutcomes() {
    return Outcome.values();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public TaskRow getRow() {
    return row;
  }

  public CaseRow getCaseRow() {
    return caseRow;
  }

  public List<EvidenceFinding> getFindings() {
    return findings;
  }

  public List<OutreachMessage> getMessages() {
    return messages;
  }

  public List<TaskNote> getNotes() {
    return notes;
  }

  public List<CaseStep> getTimeline() {
    return timeline;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public void setOutcome(Outcome outcome) {
    this.outcome = outcome;
  }

  public String getRootCause() {
    return rootCause;
  }

  public void setRootCause(String rootCause) {
    this.rootCause = rootCause;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
