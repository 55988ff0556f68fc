package io.forestall.integrations.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.integrations.InboundSecret;
import io.forestall.integrations.InboundSecretService;
import io.forestall.platform.rest.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tenant's inbound webhook signing secrets; the secret ({@code whsec_…}) is answered once. */
@Path("/inbound-secrets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InboundSecretResource {

  @Inject InboundSecretService secrets;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a signing secret; the response is the only time it is shown")
  public Response create(InputStream body, @Context UriInfo uri) {
    JsonInput in = JsonInput.of(JsonInput.parse(body)).allowOnly(Set.of("name"));
    String name = in.string("name");
    if (name == null) {
      in.error("name", "is required");
    }
    in.finish();
    InboundSecretService.CreatedSecret created = secrets.create(name);
    String json =
        JSON.createObjectBuilder()
            .add("id", created.id())
            .add("name", created.name())
            .add("secret", created.secret())
            .build()
            .toString();
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(json)
        .build();
  }

  @GET
  @Operation(summary = "The tenant's inbound secrets, without their values")
  public String list() {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (InboundSecret secret : secrets.list()) {
      JsonObjectBuilder item =
          JSON.createObjectBuilder()
              .add("id", secret.getId())
              .add("name", secret.getName())
              .add("prefix", secret.getPrefix())
              .add("createdAt", secret.getCreatedAt().toString())
              .add("active", secret.isActive());
      if (secret.getRevokedAt() != null) {
        item.add("revokedAt", secret.getRevokedAt().toString());
      }
      items.add(item);
    }
    return JSON.createObjectBuilder().add("items", items).build().toString();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Revoke a signing secret; deliveries signed with it are refused at once")
  public Response revoke(@PathParam("id") long id) {
    secrets.revoke(id);
    return Response.noContent().build();
  }
}
