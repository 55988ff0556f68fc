package io.forestall.desk.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.cases.CaseJson;
import io.forestall.cases.CaseQuery;
import io.forestall.cases.CaseService;
import io.forestall.cases.CaseState;
import io.forestall.cases.CaseStep;
import io.forestall.cases.CaseTransitions;
import io.forestall.outreach.MessageJson;
import io.forestall.outreach.MessageLog;
import io.forestall.outreach.Remedies;
import io.forestall.platform.rest.InvalidInputException;
import io.forestall.platform.rest.JsonInput;
import io.forestall.platform.rest.Paging;
import io.forestall.platform.rest.ProblemJson;
import io.forestall.tasks.AgentTask;
import io.forestall.tasks.TaskService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The cases API: cases with their evidence, messages and tasks. */
@Path("/cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

  @Inject CaseService cases;
  @Inject TaskService taskService;
  @Inject MessageLog messageLog;
  @Inject CaseTransitions transitions;
  @Inject Remedies remedies;

  @GET
  @Operation(summary = "The tenant's cases, newest first, by playbook, state or customer")
  public JsonObject list(
      @QueryParam("playbook") Long playbook,
      @QueryParam("state") String state,
      @QueryParam("customer") String customer,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Paging.check(offset, limit);
    CaseQuery query =
        new CaseQuery(playbook, state(state), blankToNull(customer), null, offset, limit);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    cases.list(query).forEach(row -> items.add(CaseJson.of(row).build()));
    return JSON.createObjectBuilder()
        .add("items", items)
        .add("total", cases.count(query))
        .add("offset", offset)
        .add("limit", limit)
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One case with its evidence, messages, agent tasks and timeline")
  public JsonObject get(@PathParam("id") long id) {
    JsonArrayBuilder tasks = JSON.createArrayBuilder();
    for (AgentTask t : taskService.ofCase(id)) {
      tasks.add(
          JSON.createObjectBuilder()
              .add("id", t.getId())
              .add("kind", t.getKind())
              .add("team", t.getTeam())
              .add("priority", t.getPriority())
              .add("status", t.getStatus())
              .add("dueAt", t.getDueAt().toString())
              .add("createdAt", t.getCreatedAt().toString()));
    }
    JsonArrayBuilder messages = JSON.createArrayBuilder();
    messageLog.ofCase(id).forEach(m -> messages.add(MessageJson.of(m)));
    JsonArrayBuilder timeline = JSON.createArrayBuilder();
    for (CaseStep step : transitions.timeline(id)) {
      JsonObjectBuilder json =
          JSON.createObjectBuilder()
              .add("at", step.getAt().toString())
              .add("state", step.getState().name())
              .add("actor", step.getActor());
      if (step.getNote() != null) {
        json.add("note", step.getNote());
      }
      timeline.add(json);
    }
    return CaseJson.of(cases.get(id))
        .add("messages", messages)
        .add("tasks", tasks)
        .add("timeline", timeline)
        .build();
  }

  @POST
  @Path("/{id}/remedy")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The tenant's system confirms a PRE_EMPT case's remedy: {\"status\": \"done\"|\"failed\","
              + " \"note\"?}; done lets the customer's messages go, failed sends none")
  public JsonObject remedy(@PathParam("id") long id, InputStream body) {
    JsonInput in = JsonInput.of(JsonInput.parse(body)).allowOnly(Set.of("status", "note"));
    String status = in.string("status");
    if (status == null) {
      if (!in.failed("status")) {
        in.error("status", "is required: done or failed");
      }
    } else if (!status.equals("done") && !status.equals("failed")) {
      in.error("status", "must be done or failed");
    }
    String note = in.string("note");
    if (note != null && note.length() > 500) {
      in.error("note", "must be at most 500 characters");
    }
    in.finish();
    remedies.confirm(id, status.equals("done"), note);
    return get(id);
  }

  private static CaseState state(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return CaseState.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "Unknown case state.",
          List.of(
              new ProblemJson.FieldError(
                  "state", "must be one of " + List.of(CaseState.values()))));
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
