package io.forestall.desk.rest;

import io.forestall.cases.CaseJson;
import io.forestall.cases.CaseQuery;
import io.forestall.cases.CaseService;
import io.forestall.customers.CustomerQuery;
import io.forestall.customers.CustomerService;
import io.forestall.events.EventJson;
import io.forestall.events.EventQuery;
import io.forestall.events.EventService;
import io.forestall.kernel.NotFoundException;
import io.forestall.platform.rest.JsonInput;
import io.forestall.platform.rest.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The customers API: list, read one, upsert by external id. Translation only; rules are in the
 * service.
 */
@Path("/customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

  private static final int RECENT = 20;

  @Inject CustomerService customers;
  @Inject EventService events;
  @Inject CaseService cases;

  @GET
  @Operation(summary = "List the tenant's customers, newest change first")
  public CustomerPage list(
      @QueryParam("q") String search,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Paging.check(offset, limit);
    CustomerQuery query = new CustomerQuery(search, null, false, offset, limit);
    return new CustomerPage(
        customers.list(query).stream().map(CustomerJson::of).toList(),
        customers.count(query),
        offset,
        limit);
  }

  @GET
  @Path("/{externalId}")
  @Operation(summary = "One customer by its external id, with its recent events and cases")
  public CustomerJson get(@PathParam("externalId") String externalId) {
    CustomerJson customer =
        customers
            .findByExternalId(externalId)
            .map(CustomerJson::of)
            .orElseThrow(() -> new NotFoundException("Customer", externalId));
    List<JsonObject> recentEvents =
        events.find(new EventQuery(null, externalId, null, null, 0, RECENT)).stream()
            .map(EventJson::of)
            .toList();
    List<JsonObject> recentCases =
        cases.list(new CaseQuery(null, null, externalId, null, 0, RECENT)).stream()
            .map(row -> CaseJson.of(row).build())
            .toList();
    return customer.withActivity(recentEvents, recentCases);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create or update one customer by external id")
  public Response upsert(InputStream body, @Context UriInfo uri) {
    CustomerService.Upserted result =
        customers.upsert(CustomerJson.draftFrom(JsonInput.parse(body)));
    CustomerJson json = CustomerJson.of(result.customer());
    if (result.created()) {
      return Response.created(uri.getAbsolutePathBuilder().path(json.externalId()).build())
          .entity(json)
          .build();
    }
    return Response.ok(json).build();
  }
}
