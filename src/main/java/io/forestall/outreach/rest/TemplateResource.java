package io.forestall.outreach.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.outreach.MessageTemplate;
import io.forestall.outreach.TemplateService;
import io.forestall.platform.rest.JsonInput;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The templates API: the content the editor edits, its versions, and previews of real cases. */
@Path("/templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

  @Inject TemplateService templates;

  @GET
  @Operation(summary = "List the tenant's message templates")
  public JsonObject list() {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    templates.list().forEach(t -> items.add(TemplateJson.of(t)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a template draft")
  public Response create(InputStream body, @Context UriInfo uri) {
    TemplateJson.Body read = TemplateJson.read(JsonInput.parse(body));
    MessageTemplate created = templates.create(read.name(), read.content());
    return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
        .entity(TemplateJson.of(created))
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One template with its draft")
  public JsonObject get(@PathParam("id") long id) {
    return TemplateJson.of(templates.get(id));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a template's draft")
  public JsonObject update(@PathParam("id") long id, InputStream body) {
    TemplateJson.Body read = TemplateJson.read(JsonInput.parse(body));
    return TemplateJson.of(templates.update(id, read.name(), read.content()));
  }

  @POST
  @Path("/{id}/publish")
  @Operation(summary = "Publish the draft as the next version, once every variable is known")
  public JsonObject publish(@PathParam("id") long id) {
    return TemplateJson.version(templates.publish(id));
  }

  @GET
  @Path("/{id}/versions")
  @Operation(summary = "Published versions, newest first")
  public JsonObject versions(@PathParam("id") long id) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    templates.versions(id).forEach(v -> items.add(TemplateJson.version(v)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Path("/{id}/preview/{caseId}")
  @Operation(
      summary = "The draft rendered for one of the tenant's cases, in its customer's language")
  public JsonObject preview(@PathParam("id") long id, @PathParam("caseId") long caseId) {
    return TemplateJson.rendered(templates.preview(templates.get(id).content(), caseId));
  }
}
