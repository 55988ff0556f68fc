package io.forestall.tasks.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.cases.CaseTransitions;
import io.forestall.platform.rest.InvalidInputException;
import io.forestall.platform.rest.JsonInput;
import io.forestall.platform.rest.Paging;
import io.forestall.platform.rest.ProblemJson;
import io.forestall.tasks.AgentTask;
import io.forestall.tasks.AgentTaskService;
import io.forestall.tasks.TaskNote;
import io.forestall.tasks.TaskQuery;
import io.forestall.tasks.TaskRow;
import io.forestall.tasks.TaskService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The agent tasks API: the queue, one task with its notes and case timeline, and the work. */
@Path("/tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

  @Inject TaskService tasks;
  @Inject CaseTransitions transitions;
  @Inject Clock clock;

  @GET
  @Operation(
      summary =
          "The tenant's tasks by team, status (open, done) and owner's username;"
              + " open ones most urgent first")
  public JsonObject list(
      @QueryParam("team") String team,
      @QueryParam("status") String status,
      @QueryParam("owner") String owner,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Paging.check(offset, limit);
    TaskQuery query =
        new TaskQuery(blankToNull(team), status(status), blankToNull(owner), offset, limit);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    tasks.list(query).forEach(row -> items.add(TaskJson.of(row)));
    return JSON.createObjectBuilder()
        .add("items", items)
        .add("total", tasks.count(query))
        .add("offset", offset)
        .add("limit", limit)
        .build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Open a task for a case; a case has each kind once, so opening it again"
              + " answers the existing task (200) instead of a new one (201)")
  public Response open(InputStream body, @Context UriInfo uri) {
    TaskJson.Opening o = TaskJson.opening(JsonInput.parse(body), clock.instant());
    AgentTaskService.Opened opened =
        tasks.open(o.caseId(), o.kind(), o.team(), o.priority(), o.due(), o.summary());
    JsonObject json = TaskJson.of(tasks.get(opened.task().getId())).build();
    return opened.created()
        ? Response.created(
                uri.getAbsolutePathBuilder().path(opened.task().getId().toString()).build())
            .entity(json)
            .build()
        : Response.ok(json).build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One task with its notes and its case's timeline")
  public JsonObject get(@PathParam("id") long id) {
    TaskRow row = tasks.get(id);
    JsonArrayBuilder notes = JSON.createArrayBuilder();
    tasks.notes(id).forEach(n -> notes.add(TaskJson.note(n)));
    JsonArrayBuilder timeline = JSON.createArrayBuilder();
    transitions.timeline(row.getTask().getCaseId()).forEach(s -> timeline.add(TaskJson.step(s)));
    return TaskJson.of(row).add("notes", notes).add("timeline", timeline).build();
  }

  @POST
  @Path("/{id}/claim")
  @Operation(summary = "Claim the task for the calling agent; 409 when someone else holds it")
  public JsonObject claim(@PathParam("id") long id) {
    return TaskJson.of(tasks.claim(id)).build();
  }

  @POST
  @Path("/{id}/release")
  @Operation(summary = "Give the task back to its team's queue")
  public JsonObject release(@PathParam("id") long id) {
    return TaskJson.of(tasks.release(id)).build();
  }

  @POST
  @Path("/{id}/reassign")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Hand the task to another agent: {owner} is their username")
  public JsonObject reassign(@PathParam("id") long id, InputStream body) {
    JsonInput in = JsonInput.of(JsonInput.parse(body)).allowOnly(Set.of("owner"));
    String owner = in.string("owner");
    in.finish();
    return TaskJson.of(tasks.reassign(id, owner)).build();
  }

  @POST
  @Path("/{id}/notes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a note {text} to the task")
  public Response note(@PathParam("id") long id, InputStream body) {
    JsonInput in = JsonInput.of(JsonInput.parse(body)).allowOnly(Set.of("text"));
    String text = in.string("text");
    in.finish();
    TaskNote note = tasks.note(id, text);
    return Response.status(Response.Status.CREATED).entity(TaskJson.note(note)).build();
  }

  @POST
  @Path("/{id}/close")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Close the task with {outcome: RESOLVED | NOT_RESOLVED | NO_ACTION, rootCause,"
              + " note}; RESOLVED resolves the case under the root cause")
  public JsonObject close(@PathParam("id") long id, InputStream body) {
    JsonInput in =
        JsonInput.of(JsonInput.parse(body)).allowOnly(Set.of("outcome", "rootCause", "note"));
    String outcome = in.string("outcome");
    String rootCause = in.string("rootCause");
    String note = in.string("note");
    in.finish();
    return TaskJson.of(tasks.close(id, outcome, rootCause, note)).build();
  }

  private static String status(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String status = text.strip().toUpperCase(Locale.ROOT);
    if (!status.equals(AgentTask.OPEN) && !status.equals(AgentTask.DONE)) {
      throw new InvalidInputException(
          "Unknown task status.",
          List.of(new ProblemJson.FieldError("status", "must be open or done")));
    }
    return status;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
