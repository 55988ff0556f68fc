package io.forestall.analytics.web;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.analytics.AnalyticsService;
import io.forestall.analytics.LevelCount;
import io.forestall.analytics.PlaybookSummary;
import io.forestall.platform.faces.ChartJson;
import io.forestall.platform.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.util.List;

/** Backs analytics/overview.xhtml: the tenant's level pyramid and its playbooks at a glance. */
@Named
@ViewScoped
public class AnalyticsOverviewView implements Serializable {

  @Inject AnalyticsService analytics;

  private List<LevelCount> pyramid;
  private List<PlaybookSummary> playbooks;
  private String pyramidChart;

  public void load() {
    pyramid = analytics.pyramid();
    playbooks = analytics.playbooks();
    JsonArrayBuilder labels = JSON.createArrayBuilder();
    JsonArrayBuilder counts = JSON.createArrayBuilder();
    JsonArrayBuilder colours = JSON.createArrayBuilder();
    for (int i = 0; i < pyramid.size(); i++) {
      labels.add(Messages.text("level." + pyramid.get(i).level()));
      counts.add(pyramid.get(i).cases());
      colours.add(ChartJson.colour(i));
    }
    pyramidChart =
        ChartJson.of(
            "bar",
            labels,
            JSON.createArrayBuilder()
                .add(
                    JSON.createObjectBuilder()
                        .add("label", Messages.text("analytics.cases"))
                        .add("data", counts)
                        .add("backgroundColor", colours)),
            JSON.createObjectBuilder()
                .add(
                    "y",
                    JSON.createObjectBuilder()
                        .add("beginAtZero", true)
                        .add("ticks", JSON.createObjectBuilder().add("precision", 0))));
  }

  public List<LevelCount> getPyramid() {
    return pyramid;
  }

  public List<PlaybookSummary> getPlaybooks() {
    return playbooks;
  }

  public String getPyramidChart() {
    return pyramidChart;
  }
}
