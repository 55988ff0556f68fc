package io.forestall.events.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.events.EventIngest;
import io.forestall.events.EventJson;
import io.forestall.events.EventQuery;
import io.forestall.events.EventService;
import io.forestall.events.IngestResult;
import io.forestall.kernel.TenantContext;
import io.forestall.platform.rest.InvalidInputException;
import io.forestall.platform.rest.OwnRateLimit;
import io.forestall.platform.rest.Paging;
import io.forestall.platform.rest.ProblemJson;
import io.forestall.platform.security.CurrentSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/events}: one event or a batch of up to 1,000, answered 202 with the counts.
 */
@Path("/events")
@RequestScoped
public class EventResource {

  @Inject EventIngest ingest;
  @Inject EventService events;
  @Inject IngestGate gate;
  @Inject CurrentSession session;
  @Inject Clock clock;

  @POST
  @OwnRateLimit
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Ingest one event or {\"events\": [...]} (up to 1,000), idempotent by event id")
  public Response ingest(InputStream body) {
    long tenantId = TenantContext.require().id();
    return gate.logged(
        tenantId,
        "api",
        () -> {
          session.tenant().ifPresent(gate::admit);
          IngestResult result =
              ingest.ingest(EventBatchReader.read(IngestGate.read(body), clock.instant()));
          return accepted(result);
        });
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The tenant's events, newest first, by type, customer and occurrence time")
  public String find(
      @QueryParam("type") String type,
      @QueryParam("customer") String customer,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    List<ProblemJson.FieldError> errors = new ArrayList<>();
    Instant fromTime = time("from", from, errors);
    Instant toTime = time("to", to, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("The query has invalid parameters.", errors);
    }
    Paging.check(offset, limit);
    EventQuery query = new EventQuery(type, customer, fromTime, toTime, offset, limit);
    return EventJson.page(events.find(query), events.count(query), offset, limit);
  }

  private static Instant time(String name, String value, List<ProblemJson.FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new ProblemJson.FieldError(name, "must be an ISO-8601 time with offset"));
      return null;
    }
  }

  static Response accepted(IngestResult result) {
    return Response.accepted(
            JSON.createObjectBuilder()
                .add("accepted", result.accepted())
                .add("duplicates", result.duplicates())
                .build()
                .toString())
        .type(MediaType.APPLICATION_JSON)
        .build();
  }
}
