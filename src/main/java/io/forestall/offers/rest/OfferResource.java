package io.forestall.offers.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.offers.Offer;
import io.forestall.offers.OfferFunnel;
import io.forestall.offers.OfferService;
import io.forestall.platform.rest.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tenant's offer catalogue, each offer with its funnel from shown to accepted. */
@Path("/offers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OfferResource {

  @Inject OfferService offers;

  @GET
  @Operation(summary = "The tenant's offers with how often each was shown, clicked and accepted")
  public JsonObject list() {
    Map<Long, OfferFunnel> funnels =
        offers.funnels().stream()
            .collect(Collectors.toMap(OfferFunnel::offerId, Function.identity()));
    JsonArrayBuilder items = JSON.createArrayBuilder();
    offers.list().forEach(o -> items.add(OfferJson.of(o, funnels.get(o.getId()))));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add an offer")
  public Response create(InputStream body, @Context UriInfo uri) {
    Offer created = offers.create(OfferJson.read(JsonInput.parse(body)));
    return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
        .entity(OfferJson.of(created, null).build())
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One offer with its funnel")
  public JsonObject get(@PathParam("id") long id) {
    return OfferJson.of(offers.get(id), offers.funnel(id)).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace an offer")
  public JsonObject update(@PathParam("id") long id, InputStream body) {
    return OfferJson.of(offers.update(id, OfferJson.read(JsonInput.parse(body))), null).build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      summary = "Remove an offer that was never shown (a shown one is ended with validUntil)")
  public Response delete(@PathParam("id") long id) {
    offers.delete(id);
    return Response.noContent().build();
  }
}
