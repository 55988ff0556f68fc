package io.forestall.platform.faces;

import static io.forestall.kernel.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** Builds the Chart.js configurations screens draw with PrimeFaces' p:chart. */
public final class ChartJson {

  private static final String[] COLOURS = {
    "#2f7d5b", "#f2a541", "#3b82f6", "#c0392b", "#8e44ad", "#16a085", "#7f8c8d"
  };

  private ChartJson() {}

  /** A chart of {@code type} over {@code labels}, legend below, sized by its container. */
  public static String of(
      String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, JsonObjectBuilder scales) {
    JsonObjectBuilder options =
        JSON.createObjectBuilder()
            .add("responsive", true)
            .add("maintainAspectRatio", false)
            .add(
                "plugins",
                JSON.createObjectBuilder()
                    .add("legend", JSON.createObjectBuilder().add("position", "bottom")));
    if (scales != null) {
      options.add("scales", scales);
    }
    return JSON.createObjectBuilder()
        .add("type", type)
        .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add("options", options)
        .build()
        .toString();
  }

  /** A bar chart's series: its label, values and colour. */
  public static JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String colour) {
    return JSON.createObjectBuilder()
        .add("label", label)
        .add("data", data)
        .add("backgroundColor", colour);
  }

  /** The palette's {@code index}th colour, cycling. */
  public static String colour(int index) {
    return COLOURS[index % COLOURS.length];
  }
}
