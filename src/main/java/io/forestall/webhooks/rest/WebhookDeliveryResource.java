package io.forestall.webhooks.rest;

import io.forestall.webhooks.WebhookDelivery;
import io.forestall.webhooks.WebhookService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One outbound webhook delivery with its attempts, and sending it again. */
@Path("/webhook-deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhookDeliveryResource {

  @Inject WebhookService webhooks;

  @GET
  @Path("/{id}")
  @Operation(summary = "One delivery with its body and every attempt")
  public JsonObject get(@PathParam("id") long id) {
    return json(webhooks.delivery(id));
  }

  @POST
  @Path("/{id}/replay")
  @Operation(summary = "Send a delivery again, now, under the same webhook-id and body")
  public Response replay(@PathParam("id") long id) {
    return Response.accepted(json(webhooks.replay(id))).build();
  }

  private JsonObject json(WebhookDelivery d) {
    return WebhookJson.delivery(d, webhooks.attempts(List.of(d.getId())).get(d.getId()));
  }
}
