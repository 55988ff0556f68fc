package io.forestall.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Prometheus would scrape from the test server at {@code :9990/metrics}. */
public final class Metrics {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Metrics() {}

  /** The whole scrape, in Prometheus' text format. */
  public static String scrape() {
    try {
      HttpResponse<String> metrics =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://localhost:9990/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      if (metrics.statusCode() != 200) {
        throw new AssertionError("GET /metrics: " + metrics.statusCode() + " " + metrics.body());
      }
      return metrics.body();
    } catch (IOException e) {
      throw new AssertionError("GET /metrics failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  /**
   * The sample of the metric whose name and labels match the regular expression {@code series}, 0
   * when absent; NaN for a gauge whose object is gone.
   */
  public static double value(String scrape, String series) {
    Matcher m =
        Pattern.compile("(?m)^" + series + "(?:\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$").matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
