package io.forestall.tasks.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.cases.CaseStep;
import io.forestall.platform.rest.JsonInput;
import io.forestall.tasks.AgentTask;
import io.forestall.tasks.TaskNote;
import io.forestall.tasks.TaskRow;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Tasks on the API: the task, its owner and outcome, its case's customer; notes and steps. */
final class TaskJson {

  private TaskJson() {}

  /** What opening a task asks for, read strictly. */
  record Opening(
      long caseId, String kind, String team, int priority, Instant due, String summary) {}

  static JsonObjectBuilder of(TaskRow row) {
    AgentTask t = row.getTask();
    JsonObjectBuilder customer =
        JSON.createObjectBuilder().add("externalId", row.getCustomerExternalId());
    if (row.getCustomerName() != null) {
      customer.add("name", row.getCustomerName());
    }
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", t.getId())
            .add("kind", t.getKind())
            .add("team", t.getTeam())
            .add("priority", t.getPriority())
            .add("status", t.getStatus())
            .add("summary", t.getSummary())
            .add("dueAt", t.getDueAt().toString())
            .add("createdAt", t.getCreatedAt().toString())
            .add(
                "case",
                JSON.createObjectBuilder()
                    .add("id", t.getCaseId())
                    .add("state", row.getCaseState().name())
                    .add("playbook", row.getPlaybookName())
                    .add("customer", customer));
    if (t.getOwner() != null) {
      json.add(
          "owner",
          JSON.createObjectBuilder()
              .add("username", t.getOwner())
              .add("name", t.getOwnerName())
              .add("claimedAt", t.getClaimedAt().toString()));
    }
    if (t.isDone()) {
      json.add("outcome", t.getOutcome())
          .add("closedAt", t.getClosedAt().toString())
          .add("closedBy", t.getClosedBy());
      if (t.getRootCause() != null) {
        json.add("rootCause", t.getRootCause());
      }
    }
    return json;
  }

  static JsonObject note(TaskNote n) {
    return JSON.createObjectBuilder()
        .add("id", n.getId())
        .add("at", n.getAt().toString())
        .add("author", n.getAuthor())
        .add("authorName", n.getAuthorName())
        .add("text", n.getText())
        .build();
  }

  static JsonObject step(CaseStep s) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("at", s.getAt().toString())
            .add("state", s.getState().name())
            .add("actor", s.getActor());
    if (s.getNote() != null) {
      json.add("note", s.getNote());
    }
    return json.build();
  }

  /**
   * {@code {caseId, kind, team, priority, dueIn | dueAt, summary?}}: the due time as an ISO
   * duration from now or an ISO instant.
   */
  static Opening opening(JsonValue body, Instant now) {
    JsonInput in =
        JsonInput.of(body)
            .allowOnly(Set.of("caseId", "kind", "team", "priority", "dueIn", "dueAt", "summary"));
    BigDecimal caseId = in.number("caseId");
    if (caseId == null && !in.failed("caseId")) {
      in.error("caseId", "is required");
    }
    BigDecimal priority = in.number("priority");
    if (priority != null && priority.stripTrailingZeros().scale() > 0) {
      in.error("priority", "must be a whole number");
    }
    String dueIn = in.string("dueIn");
    String dueAt = in.string("dueAt");
    Instant due = null;
    if ((dueIn == null) == (dueAt == null)) {
      in.error("dueIn", "give either dueIn (an ISO duration such as PT15M) or dueAt");
    } else if (dueIn != null) {
      try {
        due = now.plus(Duration.parse(dueIn.strip()));
      } catch (DateTimeParseException e) {
        in.error("dueIn", "must be an ISO duration such as PT15M");
      }
    } else {
      try {
        due = Instant.parse(dueAt.strip());
      } catch (DateTimeParseException e) {
        in.error("dueAt", "must be an ISO instant such as 2026-01-31T12:00:00Z");
      }
    }
    String kind = in.string("kind");
    String team = in.string("team");
    String summary = in.string("summary");
    in.finish();
    return new Opening(
        caseId.longValue(), kind, team, priority == null ? 3 : priority.intValue(), due, summary);
  }
}
