package io.forestall.events.rest;

import io.forestall.events.EventIngest;
import io.forestall.events.IngestResult;
import io.forestall.kernel.TenantContext;
import io.forestall.platform.security.CurrentSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/events}: one event or a batch of up to 1,000, answered 202 with the counts.
 */
@Path("/events")
@RequestScoped
public class EventResource {

  @Inject EventIngest ingest;
  @Inject IngestGate gate;
  @Inject CurrentSession session;
  @Inject Clock clock;

  @POST
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

  static Response accepted(IngestResult result) {
    return Response.accepted(
            Json.createObjectBuilder()
                .add("accepted", result.accepted())
                .add("duplicates", result.duplicates())
                .build()
                .toString())
        .type(MediaType.APPLICATION_JSON)
        .build();
  }
}
