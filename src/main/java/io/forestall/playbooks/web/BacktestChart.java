package io.forestall.playbooks.web;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.platform.faces.ChartJson;
import io.forestall.platform.faces.Messages;
import io.forestall.playbooks.Backtest;
import jakarta.json.JsonArrayBuilder;

/** A backtest as a bar chart: customers matching per day, and of those the first-time ones. */
final class BacktestChart {

  private BacktestChart() {}

  static String of(Backtest backtest) {
    JsonArrayBuilder labels = JSON.createArrayBuilder();
    JsonArrayBuilder matches = JSON.createArrayBuilder();
    JsonArrayBuilder first = JSON.createArrayBuilder();
    for (Backtest.Day day : backtest.days()) {
      labels.add(day.date().toString());
      matches.add(day.matches());
      first.add(day.firstMatches());
    }
    JsonArrayBuilder datasets =
        JSON.createArrayBuilder()
            .add(
                ChartJson.dataset(
                    Messages.text("playbook.backtest.matches"), matches, ChartJson.colour(2)))
            .add(
                ChartJson.dataset(
                    Messages.text("playbook.backtest.first"), first, ChartJson.colour(1)));
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
}
