package io.forestall.outreach.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.outreach.GuardrailSettings;
import io.forestall.outreach.Guardrails;
import io.forestall.platform.rest.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tenant's outreach guardrails: quiet hours and the frequency cap. */
@Path("/settings/outreach")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GuardrailResource {

  private static final Set<String> FIELDS =
      Set.of("quietStart", "quietEnd", "capMessages", "capDays");

  @Inject GuardrailSettings settings;

  @GET
  @Operation(summary = "Quiet hours (customer's local time) and the frequency cap")
  public JsonObject get() {
    return json(settings.get());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the quiet hours and the frequency cap")
  public JsonObject put(InputStream body) {
    JsonInput in = JsonInput.of(JsonInput.parse(body)).allowOnly(FIELDS);
    LocalTime start = time(in, "quietStart");
    LocalTime end = time(in, "quietEnd");
    int cap = whole(in, "capMessages");
    int days = whole(in, "capDays");
    in.finish();
    settings.save(new Guardrails(start, end, cap, days));
    return json(settings.get());
  }

  private static LocalTime time(JsonInput in, String name) {
    String text = in.string(name);
    if (text == null) {
      if (!in.failed(name)) {
        in.error(name, "is required, as 21:00");
      }
      return null;
    }
    try {
      return LocalTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      in.error(name, "must be a time of day as 21:00");
      return null;
    }
  }

  private static int whole(JsonInput in, String name) {
    BigDecimal n = in.number(name);
    if (n == null
        || n.stripTrailingZeros().scale() > 0
        || n.compareTo(BigDecimal.valueOf(100_000)) > 0) {
      if (!in.failed(name)) {
        in.error(name, "is required, a whole number");
      }
      return 0;
    }
    return n.intValue();
  }

  private static JsonObject json(Guardrails g) {
    return JSON.createObjectBuilder()
        .add("quietStart", g.quietStart().toString())
        .add("quietEnd", g.quietEnd().toString())
        .add("capMessages", g.capMessages())
        .add("capDays", g.capDays())
        .build();
  }
}
