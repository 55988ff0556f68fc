package io.forestall.offers.web;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.kernel.ConflictException;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import io.forestall.offers.Eligibility;
import io.forestall.offers.Offer;
import io.forestall.offers.OfferDraft;
import io.forestall.offers.OfferFunnel;
import io.forestall.offers.OfferService;
import io.forestall.platform.faces.ChartJson;
import io.forestall.platform.faces.FormErrors;
import io.forestall.platform.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The offer catalogue: each offer with its funnel (shown, clicked, accepted, revenue) and a chart
 * of them, and a form to add or change one. Eligibility is typed one rule per line.
 */
@Named
@ViewScoped
public class OffersView implements Serializable {

  @Inject OfferService offers;

  private List<OfferFunnel> funnels = List.of();
  private Long editing;
  private String title;
  private String description;
  private String link;
  private LocalDate validFrom;
  private LocalDate validUntil;
  private String rules;
  private BigDecimal revenue;
  private String currency = "EUR";

  public void load() {
    funnels = offers.funnels();
  }

  public void startNew() {
    editing = null;
    title = null;
    description = null;
    link = null;
    validFrom = null;
    validUntil = null;
    rules = null;
    revenue = null;
    currency = "EUR";
  }

  public void edit(long id) {
    Offer o = offers.get(id);
    editing = id;
    title = o.getTitle();
    description = o.getDescription();
    link = o.getLink();
    validFrom =
        o.getValidFrom() == null ? null : LocalDate.ofInstant(o.getValidFrom(), ZoneOffset.UTC);
    validUntil =
        o.getValidUntil() == null ? null : LocalDate.ofInstant(o.getValidUntil(), ZoneOffset.UTC);
    List<String> lines = new ArrayList<>();
    for (Eligibility.Rule r : o.getEligibility().rules()) {
      lines.add(r.attribute() + " " + r.operator() + (r.value() == null ? "" : " " + r.value()));
    }
    rules = String.join("\n", lines);
    revenue = o.getRevenue();
    currency = o.getCurrency();
  }

  public void save() {
    List<Violation> problems = new ArrayList<>();
    Eligibility eligibility = parse(rules, problems);
    OfferDraft draft =
        new OfferDraft(
            title,
            description,
            link,
            validFrom == null ? null : validFrom.atStartOfDay(ZoneOffset.UTC).toInstant(),
            validUntil == null ? null : validUntil.atStartOfDay(ZoneOffset.UTC).toInstant(),
            eligibility,
            revenue,
            currency == null ? null : currency.strip().toUpperCase(Locale.ROOT));
    try {
      if (!problems.isEmpty()) {
        throw new ViolationException("offer", problems);
      }
      if (editing == null) {
        offers.create(draft);
      } else {
        offers.update(editing, draft);
      }
      Messages.info("offers.saved");
      startNew();
      load();
    } catch (ViolationException e) {
      List<Violation> onFields = new ArrayList<>();
      for (Violation v : e.violations()) {
        onFields.add(
            v.pointer().startsWith("/eligibility")
                ? new Violation("/eligibility", v.message())
                : v);
      }
      FormErrors.show("offer", onFields, "offers.field.");
    }
  }

  public void delete(long id) {
    try {
      offers.delete(id);
      Messages.info("offers.deleted");
      load();
    } catch (ConflictException e) {
      Messages.error("offers.conflict", e.getMessage());
    }
  }

  /** "attribute OPERATOR value" per line; a line that is not one is a problem of its own. */
  private static Eligibility parse(String text, List<Violation> problems) {
    List<Eligibility.Rule> parsed = new ArrayList<>();
    if (text == null) {
      return new Eligibility(parsed);
    }
    String[] lines = text.strip().split("\\R");
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.strip().split("\\s+", 3);
      try {
        Eligibility.Operator operator =
            Eligibility.Operator.valueOf(parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "");
        parsed.add(new Eligibility.Rule(parts[0], operator, parts.length > 2 ? parts[2] : null));
      } catch (IllegalArgumentException e) {
        problems.add(
            new Violation(
                "/eligibility",
                "\""
                    + line.strip()
                    + "\" is not attribute OPERATOR value with an operator of "
                    + List.of(Eligibility.Operator.values())));
      }
    }
    return new Eligibility(parsed);
  }

  /** Shown, clicked and accepted per offer as grouped bars. */
  public String getChart() {
    JsonArrayBuilder labels = JSON.createArrayBuilder();
    JsonArrayBuilder shown = JSON.createArrayBuilder();
    JsonArrayBuilder clicked = JSON.createArrayBuilder();
    JsonArrayBuilder accepted = JSON.createArrayBuilder();
    for (OfferFunnel f : funnels) {
      labels.add(f.title());
      shown.add(f.shown());
      clicked.add(f.clicked());
      accepted.add(f.accepted());
    }
    JsonArrayBuilder datasets =
        JSON.createArrayBuilder()
            .add(ChartJson.dataset(Messages.text("offers.shown"), shown, ChartJson.colour(2)))
            .add(ChartJson.dataset(Messages.text("offers.clicked"), clicked, ChartJson.colour(1)))
            .add(
                ChartJson.dataset(Messages.text("offers.accepted"), accepted, ChartJson.colour(0)));
    return ChartJson.of(
        "bar",
        labels,
        datasets,
        JSON.createObjectBuilder()
            .add(
                "y",
                JSON.createObjectBuilder()
                    .add("beginAtZero", true)
                    .add("ticks", JSON.createObjectBuilder().add("precision", 0))));
  }

  public List<OfferFunnel> getFunnels() {
    return funnels;
  }

  public boolean isEditing() {
    return editing != null;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getLink() {
    return link;
  }

  public void setLink(String link) {
    this.link = link;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public void setValidFrom(LocalDate validFrom) {
    this.validFrom = validFrom;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(LocalDate validUntil) {
    this.validUntil = validUntil;
  }

  public String getRules() {
    return rules;
  }

  public void setRules(String rules) {
    this.rules = rules;
  }

  public BigDecimal getRevenue() {
    return revenue;
  }

  public void setRevenue(BigDecimal revenue) {
    this.revenue = revenue;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }
}
