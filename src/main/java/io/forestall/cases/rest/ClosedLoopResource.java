package io.forestall.cases.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.cases.ClosedLoopSettings;
import io.forestall.cases.LoopSettings;
import io.forestall.platform.rest.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tenant's closed-loop settings: its contact event types and the cost of one contact. */
@Path("/settings/closed-loop")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClosedLoopResource {

  private static final Set<String> FIELDS = Set.of("contactTypes", "costPerContact", "currency");

  @Inject ClosedLoopSettings settings;

  @GET
  @Operation(summary = "The contact event types and the cost per contact")
  public JsonObject get() {
    return json(settings.get());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the contact event types and the cost per contact")
  public JsonObject put(InputStream body) {
    JsonInput in = JsonInput.of(JsonInput.parse(body)).allowOnly(FIELDS);
    List<String> types = types(in);
    BigDecimal cost = in.number("costPerContact");
    if (cost == null && !in.failed("costPerContact")) {
      in.error("costPerContact", "is required, a decimal number as 4.50");
    }
    String currency = in.string("currency");
    if (currency == null && !in.failed("currency")) {
      in.error("currency", "is required, an ISO 4217 code as EUR");
    }
    in.finish();
    settings.save(new LoopSettings(types, cost, currency));
    return json(settings.get());
  }

  private static List<String> types(JsonInput in) {
    JsonValue raw = in.raw("contactTypes");
    if (!(raw instanceof JsonArray array)) {
      in.error("contactTypes", "is required, an array of event types");
      return List.of();
    }
    List<String> types = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof JsonString text) {
        types.add(text.getString().strip());
      } else {
        in.error("contactTypes/" + i, "must be a string");
      }
    }
    return types;
  }

  private static JsonObject json(LoopSettings s) {
    JsonArrayBuilder types = JSON.createArrayBuilder();
    s.contactTypes().forEach(types::add);
    return JSON.createObjectBuilder()
        .add("contactTypes", types)
        .add("costPerContact", s.costPerContact())
        .add("currency", s.currency())
        .build();
  }
}
