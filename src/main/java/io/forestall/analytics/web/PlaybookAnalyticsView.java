package io.forestall.analytics.web;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.analytics.AnalyticsService;
import io.forestall.analytics.Funnel;
import io.forestall.analytics.RepeatContactRates;
import io.forestall.kernel.NotFoundException;
import io.forestall.platform.faces.ChartJson;
import io.forestall.platform.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;

/**
 * Backs analytics/playbook.xhtml: one playbook's funnel and its repeat-contact rate against the
 * holdout, each as a chart and in numbers.
 */
@Named
@ViewScoped
public class PlaybookAnalyticsView implements Serializable {

  @Inject AnalyticsService analytics;

  private Long id;
  private String name;
  private Funnel funnel;
  private RepeatContactRates rates;
  private String funnelChart;
  private String ratesChart;

  /** Loads the figures; another tenant's (or no) playbook answers 404, as the API does. */
  public void load() throws IOException {
    try {
      name = analytics.playbookName(id);
    } catch (NotFoundException e) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, e.getMessage());
      faces.responseComplete();
      return;
    }
    funnel = analytics.funnel(id);
    rates = analytics.repeatContacts(id);
    funnelChart = funnelChart(funnel);
    ratesChart = ratesChart(rates);
  }

  private static String funnelChart(Funnel f) {
    JsonArrayBuilder labels = JSON.createArrayBuilder();
    for (String stage :
        new String[] {"detected", "contacted", "responded", "resolved", "verified", "heldOut"}) {
      labels.add(Messages.text("analytics.stage." + stage));
    }
    JsonArrayBuilder colours = JSON.createArrayBuilder();
    for (int i = 0; i < 5; i++) {
      colours.add(ChartJson.colour(0));
    }
    colours.add(ChartJson.colour(6));
    return ChartJson.of(
        "bar",
        labels,
        JSON.createArrayBuilder()
            .add(
                JSON.createObjectBuilder()
                    .add("label", Messages.text("analytics.cases"))
                    .add(
                        "data",
                        JSON.createArrayBuilder()
                            .add(f.detected())
                            .add(f.contacted())
                            .add(f.responded())
                            .add(f.resolved())
                            .add(f.verified())
                            .add(f.heldOut()))
                    .add("backgroundColor", colours)),
        JSON.createObjectBuilder()
            .add(
                "y",
                JSON.createObjectBuilder()
                    .add("beginAtZero", true)
                    .add("ticks", JSON.createObjectBuilder().add("precision", 0))));
  }

  /** The two rates in percent, and the difference's 95 % interval as a floating bar. */
  private static String ratesChart(RepeatContactRates r) {
    JsonArrayBuilder labels =
        JSON.createArrayBuilder()
            .add(Messages.text("analytics.rates.contacted"))
            .add(Messages.text("analytics.rates.heldOut"))
            .add(Messages.text("analytics.rates.difference"));
    JsonArrayBuilder rates = JSON.createArrayBuilder();
    add(rates, r.contactedRate().orElse(null));
    add(rates, r.heldOutRate().orElse(null));
    rates.addNull();
    JsonArrayBuilder interval = JSON.createArrayBuilder().addNull().addNull();
    r.interval()
        .ifPresentOrElse(
            i ->
                interval.add(
                    JSON.createArrayBuilder()
                        .add(round(i.lower() * 100))
                        .add(round(i.upper() * 100))),
            interval::addNull);
    JsonObjectBuilder rateSet =
        JSON.createObjectBuilder()
            .add("label", Messages.text("analytics.rates.rate"))
            .add("data", rates)
            .add("backgroundColor", ChartJson.colour(1))
            .add("skipNull", true);
    JsonObjectBuilder intervalSet =
        JSON.createObjectBuilder()
            .add("label", Messages.text("analytics.rates.interval"))
            .add("data", interval)
            .add("backgroundColor", ChartJson.colour(2))
            .add("skipNull", true);
    return ChartJson.of(
        "bar",
        labels,
        JSON.createArrayBuilder().add(rateSet).add(intervalSet),
        JSON.createObjectBuilder()
            .add(
                "y",
                JSON.createObjectBuilder()
                    .add(
                        "title",
                        JSON.createObjectBuilder()
                            .add("display", true)
                            .add("text", Messages.text("analytics.rates.axis")))));
  }

  private static void add(JsonArrayBuilder data, Double rate) {
    if (rate == null) {
      data.addNull();
    } else {
      data.add(round(rate * 100));
    }
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  public String getContactedRate() {
    return Figures.percent(rates.contactedRate());
  }

  public String getHeldOutRate() {
    return Figures.percent(rates.heldOutRate());
  }

  public String getDifference() {
    return Figures.points(rates.difference());
  }

  /** "−30.1 pp to +5.2 pp", or a dash while a group is empty. */
  public String getInterval() {
    return rates
        .interval()
        .map(
            i ->
                Figures.points(Optional.of(i.lower()))
                    + " – "
                    + Figures.points(Optional.of(i.upper())))
        .orElse("–");
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public Funnel getFunnel() {
    return funnel;
  }

  public RepeatContactRates getRates() {
    return rates;
  }

  public String getFunnelChart() {
    return funnelChart;
  }

  public String getRatesChart() {
    return ratesChart;
  }
}
