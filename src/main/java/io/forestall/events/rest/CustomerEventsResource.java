package io.forestall.events.rest;

import io.forestall.events.EventJson;
import io.forestall.events.EventQuery;
import io.forestall.events.EventService;
import io.forestall.platform.rest.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One customer's events, newest first: {@code GET /api/v1/customers/{externalId}/events}. */
@Path("/customers/{externalId}/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerEventsResource {

  @Inject EventService events;

  @GET
  @Operation(summary = "One customer's events, newest first")
  public String ofCustomer(
      @PathParam("externalId") String externalId,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Paging.check(offset, limit);
    EventQuery query = new EventQuery(null, externalId, null, null, offset, limit);
    return EventJson.page(events.find(query), events.count(query), query.offset(), query.limit());
  }
}
