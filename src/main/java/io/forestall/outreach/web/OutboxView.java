package io.forestall.outreach.web;

import io.forestall.kernel.ConflictException;
import io.forestall.outreach.MessageLog;
import io.forestall.outreach.OutreachMessage;
import io.forestall.platform.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backs outreach/outbox.xhtml: dead, not sent and held-back messages, and sending dead ones again.
 */
@Named
@ViewScoped
public class OutboxView implements Serializable {

  static final List<String> STATES = List.of("DEAD", "SKIPPED", "QUEUED");

  @Inject MessageLog messages;

  private String state = "DEAD";
  private List<OutreachMessage> rows;

  public void load() {
    rows = messages.inState(state, 0, 200);
  }

  public void retry(long id) {
    try {
      messages.retry(id);
      Messages.info("outbox.retried");
    } catch (ConflictException e) {
      Messages.error("template.conflict", e.getMessage());
    }
    load();
  }

  public List<String> getStates() {
    return STATES;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = STATES.contains(state) ? state : "DEAD";
  }

  public List<OutreachMessage> getRows() {
    return rows;
  }
}
