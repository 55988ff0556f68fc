package io.forestall.webhooks.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.platform.rest.JsonInput;
import io.forestall.platform.rest.Paging;
import io.forestall.webhooks.DeliveryAttempt;
import io.forestall.webhooks.WebhookDelivery;
import io.forestall.webhooks.WebhookService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The tenant's outbound webhook subscriptions and their delivery log; the signing secret ({@code
 * whsec_…}) is answered once, on create and on rotation.
 */
@Path("/webhook-subscriptions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhookSubscriptionResource {

  @Inject WebhookService webhooks;

  @GET
  @Operation(summary = "The tenant's webhook subscriptions, without their secrets")
  public JsonObject list() {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    webhooks.list().forEach(s -> items.add(WebhookJson.subscription(s)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Subscribe a URL to event types; the response is the only time the secret is shown")
  public Response create(InputStream body, @Context UriInfo uri) {
    WebhookService.WithSecret created = webhooks.create(WebhookJson.read(JsonInput.parse(body)));
    JsonObject json =
        WebhookJson.subscription(created.subscription()).add("secret", created.secret()).build();
    return Response.created(
            uri.getAbsolutePathBuilder().path(created.subscription().getId().toString()).build())
        .entity(json)
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One subscription")
  public JsonObject get(@PathParam("id") long id) {
    return WebhookJson.subscription(webhooks.get(id)).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Replace a subscription's URL, description and event types; 'enabled' switches it on"
              + " (again) or off")
  public JsonObject update(@PathParam("id") long id, InputStream body) {
    return WebhookJson.subscription(webhooks.update(id, WebhookJson.read(JsonInput.parse(body))))
        .build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a subscription with its deliveries")
  public Response delete(@PathParam("id") long id) {
    webhooks.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/rotate-secret")
  @Operation(
      summary =
          "A new signing secret, shown once; for 24 hours deliveries are signed with the old one"
              + " too")
  public JsonObject rotate(@PathParam("id") long id) {
    WebhookService.WithSecret rotated = webhooks.rotateSecret(id);
    return WebhookJson.subscription(rotated.subscription()).add("secret", rotated.secret()).build();
  }

  @GET
  @Path("/{id}/deliveries")
  @Operation(summary = "The subscription's deliveries, newest first, each with every attempt")
  public JsonObject deliveries(
      @PathParam("id") long id,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Paging.check(offset, limit);
    WebhookService.DeliveryPage page = webhooks.deliveries(id, offset, limit);
    Map<Long, List<DeliveryAttempt>> attempts =
        webhooks.attempts(page.items().stream().map(WebhookDelivery::getId).toList());
    JsonArrayBuilder items = JSON.createArrayBuilder();
    page.items().forEach(d -> items.add(WebhookJson.delivery(d, attempts.get(d.getId()))));
    return JSON.createObjectBuilder()
        .add("items", items)
        .add("total", page.total())
        .add("offset", offset)
        .add("limit", limit)
        .build();
  }
}
