package io.forestall.analytics.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.analytics.AnalyticsService;
import io.forestall.analytics.Board;
import io.forestall.analytics.BoardLine;
import io.forestall.analytics.Funnel;
import io.forestall.analytics.RepeatContactRates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The analytics API: the level pyramid, a playbook's funnel and deflection, the board. */
@Path("/analytics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

  @Inject AnalyticsService analytics;

  @GET
  @Path("/levels")
  @Operation(summary = "The level pyramid: how many cases were handled at each level")
  public JsonObject levels() {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    analytics
        .pyramid()
        .forEach(
            l ->
                items.add(
                    JSON.createObjectBuilder().add("level", l.level()).add("cases", l.cases())));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @GET
  @Path("/playbooks/{id}")
  @Operation(
      summary =
          "A playbook's funnel (detected, contacted, responded, resolved, verified; held out"
              + " apart) and its repeat-contact rate against the holdout, with a 95 % interval")
  public JsonObject playbook(@PathParam("id") long id) {
    String name = analytics.playbookName(id);
    Funnel f = analytics.funnel(id);
    RepeatContactRates r = analytics.repeatContacts(id);
    JsonObjectBuilder comparison =
        JSON.createObjectBuilder()
            .add("contacted", group(r.contactedCases(), r.contactedRepeats(), r.contactedRate()))
            .add("heldOut", group(r.heldOutCases(), r.heldOutRepeats(), r.heldOutRate()));
    optional(comparison, "difference", r.difference());
    r.interval()
        .ifPresentOrElse(
            i ->
                comparison.add(
                    "confidence",
                    JSON.createObjectBuilder()
                        .add("level", 0.95)
                        .add("lower", i.lower())
                        .add("upper", i.upper())
                        .add("method", "Newcombe hybrid score (Wilson)")),
            () -> comparison.addNull("confidence"));
    return JSON.createObjectBuilder()
        .add("playbook", JSON.createObjectBuilder().add("id", id).add("name", name))
        .add(
            "funnel",
            JSON.createObjectBuilder()
                .add("detected", f.detected())
                .add("contacted", f.contacted())
                .add("responded", f.responded())
                .add("resolved", f.resolved())
                .add("verified", f.verified())
                .add("reopened", f.reopened())
                .add("heldOut", f.heldOut()))
        .add("repeatContacts", comparison)
        .build();
  }

  @GET
  @Path("/board")
  @Operation(
      summary =
          "The close-the-loop board: root causes ranked by failure demand (repeat contacts times"
              + " the cost per contact)")
  public JsonObject board() {
    Board board = analytics.board();
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (BoardLine line : board.lines()) {
      items.add(
          JSON.createObjectBuilder()
              .add("rootCause", line.rootCause())
              .add("cases", line.cases())
              .add("open", line.open())
              .add("repeatContacts", line.repeatContacts())
              .add("failureDemand", money(line.failureDemand(), line.currency()))
              .add("latest", line.latest().toString()));
    }
    return JSON.createObjectBuilder()
        .add("costPerContact", money(board.costPerContact(), board.currency()))
        .add("items", items)
        .build();
  }

  private static JsonObjectBuilder group(long cases, long repeats, Optional<Double> rate) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder().add("cases", cases).add("repeatContacts", repeats);
    optional(json, "rate", rate);
    return json;
  }

  private static void optional(JsonObjectBuilder json, String name, Optional<Double> value) {
    value.ifPresentOrElse(v -> json.add(name, v), () -> json.addNull(name));
  }

  private static JsonObjectBuilder money(BigDecimal amount, String currency) {
    return JSON.createObjectBuilder().add("amount", amount).add("currency", currency);
  }
}
