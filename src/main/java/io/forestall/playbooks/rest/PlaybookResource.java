package io.forestall.playbooks.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.platform.rest.InvalidInputException;
import io.forestall.platform.rest.JsonInput;
import io.forestall.platform.rest.ProblemJson;
import io.forestall.playbooks.Backtests;
import io.forestall.playbooks.DefinitionJson;
import io.forestall.playbooks.Playbook;
import io.forestall.playbooks.PlaybookService;
import io.forestall.playbooks.ScanMode;
import io.forestall.playbooks.ScanService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The playbooks API: the same definition model the editor edits, and its lifecycle. */
@Path("/playbooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlaybookResource {

  /** How many matching customers a dry run lists; the count covers all of them. */
  static final int DRY_RUN_SHOWN = 200;

  @Inject PlaybookService playbooks;
  @Inject ScanService scans;
  @Inject Backtests backtests;

  @GET
  @Operation(summary = "List the tenant's playbooks")
  public JsonObject list() {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    playbooks.list().forEach(p -> items.add(PlaybookJson.summary(p)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a playbook draft from a definition")
  public Response create(InputStream body, @Context UriInfo uri) {
    Playbook created = playbooks.create(DefinitionJson.read(JsonInput.parse(body)));
    return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
        .entity(full(created))
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One playbook: its draft and its published definition")
  public JsonObject get(@PathParam("id") long id) {
    return full(playbooks.get(id));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a playbook's draft")
  public JsonObject update(@PathParam("id") long id, InputStream body) {
    return full(playbooks.update(id, DefinitionJson.read(JsonInput.parse(body))));
  }

  @POST
  @Path("/{id}/publish")
  @Operation(summary = "Publish the draft as the next immutable version")
  public JsonObject publish(@PathParam("id") long id) {
    return PlaybookJson.version(playbooks.publish(id));
  }

  @POST
  @Path("/{id}/pause")
  @Operation(summary = "Stop scanning until resumed")
  public JsonObject pause(@PathParam("id") long id) {
    return full(playbooks.pause(id));
  }

  @POST
  @Path("/{id}/resume")
  @Operation(summary = "Scan again on the schedule")
  public JsonObject resume(@PathParam("id") long id) {
    return full(playbooks.resume(id));
  }

  @POST
  @Path("/{id}/archive")
  @Operation(summary = "Put a playbook away for good")
  public JsonObject archive(@PathParam("id") long id) {
    return full(playbooks.archive(id));
  }

  @POST
  @Path("/{id}/dry-run")
  @Operation(summary = "Who the draft would match now, and why; creates nothing")
  public JsonObject dryRun(@PathParam("id") long id) {
    return PlaybookJson.dryRun(scans.dryRun(id), DRY_RUN_SHOWN);
  }

  @POST
  @Path("/{id}/backtest")
  @Operation(summary = "Who the draft would have matched on each day from..to; creates nothing")
  public JsonObject backtest(
      @PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
    return PlaybookJson.backtest(backtests.run(id, date("/from", from), date("/to", to)));
  }

  @POST
  @Path("/{id}/scan")
  @Operation(summary = "Scan the published version now")
  public JsonObject scan(@PathParam("id") long id) {
    return PlaybookJson.run(scans.scan(id, ScanMode.MANUAL));
  }

  @GET
  @Path("/{id}/versions")
  @Operation(summary = "Published versions, newest first")
  public JsonObject versions(@PathParam("id") long id) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    playbooks.versions(id).forEach(v -> items.add(PlaybookJson.version(v)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @GET
  @Path("/{id}/runs")
  @Operation(summary = "The playbook's latest scan runs")
  public JsonObject runs(@PathParam("id") long id) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    scans.runs(id, 100).forEach(r -> items.add(PlaybookJson.run(r)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  private JsonObject full(Playbook p) {
    return PlaybookJson.full(p, playbooks.published(p));
  }

  /** A query parameter as a date; absent stays null for the rules to name. */
  private static LocalDate date(String pointer, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "The backtest range is not valid.",
          List.of(
              new ProblemJson.FieldError(
                  pointer, "must be a date as 2026-10-01, not '" + text + "'")));
    }
  }
}
