package io.forestall.integrations.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.integrations.ApiKey;
import io.forestall.integrations.ApiKeyScope;
import io.forestall.integrations.ApiKeyService;
import io.forestall.platform.rest.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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

/**
 * The tenant's API keys for automation; a tenant admin's token is required, the key is answered
 * once.
 */
@Path("/api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

  @Inject ApiKeyService keys;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an API key; the response is the only time the key is shown")
  public Response create(InputStream body, @Context UriInfo uri) {
    JsonInput in = JsonInput.of(JsonInput.parse(body)).allowOnly(Set.of("name", "scope"));
    String name = in.string("name");
    String scope = in.string("scope");
    ApiKeyScope parsed = null;
    if (name == null) {
      in.error("name", "is required");
    }
    if (scope == null) {
      in.error("scope", "is required: INGEST or FULL");
    } else {
      try {
        parsed = ApiKeyScope.valueOf(scope);
      } catch (IllegalArgumentException e) {
        in.error("scope", "must be INGEST or FULL");
      }
    }
    in.finish();
    ApiKeyService.CreatedKey created = keys.create(name, parsed);
    JsonObject json =
        JSON.createObjectBuilder()
            .add("id", created.id())
            .add("name", created.name())
            .add("scope", created.scope().name())
            .add("key", created.key())
            .build();
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(json.toString())
        .build();
  }

  @GET
  @Operation(summary = "The tenant's API keys, without their secret values")
  public String list() {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (ApiKey key : keys.list()) {
      JsonObjectBuilder item =
          JSON.createObjectBuilder()
              .add("id", key.getId())
              .add("name", key.getName())
              .add("prefix", key.getPrefix())
              .add("scope", key.getScope().name())
              .add("createdAt", key.getCreatedAt().toString())
              .add("createdBy", key.getCreatedBy())
              .add("active", key.isActive());
      if (key.getLastUsedAt() != null) {
        item.add("lastUsedAt", key.getLastUsedAt().toString());
      }
      if (key.getRevokedAt() != null) {
        item.add("revokedAt", key.getRevokedAt().toString());
      }
      items.add(item);
    }
    return JSON.createObjectBuilder().add("items", items).build().toString();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Revoke an API key at once")
  public Response revoke(@PathParam("id") long id) {
    keys.revoke(id);
    return Response.noContent().build();
  }
}
