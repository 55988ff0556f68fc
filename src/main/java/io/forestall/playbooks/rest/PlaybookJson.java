package io.forestall.playbooks.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.playbooks.Backtest;
import io.forestall.playbooks.DefinitionJson;
import io.forestall.playbooks.EvidenceJson;
import io.forestall.playbooks.Playbook;
import io.forestall.playbooks.PlaybookVersion;
import io.forestall.playbooks.ScanRun;
import io.forestall.playbooks.ScanService;
import io.forestall.triggers.Match;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Playbooks, versions, runs and dry runs as the API shows them. */
final class PlaybookJson {

  private PlaybookJson() {}

  static JsonObject summary(Playbook p) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", p.getId())
            .add("name", p.getName())
            .add("status", p.getStatus().name())
            .add("createdAt", p.getCreatedAt().toString())
            .add("updatedAt", p.getUpdatedAt().toString());
    if (p.getPublishedVersion() == null) {
      json.addNull("publishedVersion");
    } else {
      json.add("publishedVersion", p.getPublishedVersion());
    }
    return json.build();
  }

  static JsonObject full(Playbook p, Optional<PlaybookVersion> published) {
    JsonObjectBuilder json = JSON.createObjectBuilder(summary(p));
    json.add("hasUnpublishedChanges", p.differsFrom(published));
    json.add("draft", parse(p.getDraft()));
    if (published.isPresent()) {
      json.add("published", parse(published.get().getDefinition()));
    } else {
      json.addNull("published");
    }
    return json.build();
  }

  static JsonObject version(PlaybookVersion v) {
    return JSON.createObjectBuilder()
        .add("number", v.getNumber())
        .add("publishedAt", v.getPublishedAt().toString())
        .add("publishedBy", v.getPublishedBy())
        .add("definition", parse(v.getDefinition()))
        .build();
  }

  static JsonObject run(ScanRun r) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", r.getId())
            .add("playbookVersion", r.getPlaybookVersion())
            .add("mode", r.getMode().name())
            .add("incremental", r.isIncremental())
            .add("node", r.getNode())
            .add("startedAt", r.getStartedAt().toString());
    addNumber(json, "durationMs", r.getDurationMs());
    addNumber(json, "examined", r.getExamined());
    addNumber(json, "matched", r.getMatched());
    addNumber(json, "created", r.getCreated());
    if (r.getError() != null) {
      json.add("error", r.getError());
    }
    return json.build();
  }

  static JsonObject backtest(Backtest backtest) {
    JsonArrayBuilder days = JSON.createArrayBuilder();
    for (Backtest.Day d : backtest.days()) {
      days.add(
          JSON.createObjectBuilder()
              .add("date", d.date().toString())
              .add("matches", d.matches())
              .add("firstMatches", d.firstMatches()));
    }
    return JSON.createObjectBuilder()
        .add("from", backtest.from().toString())
        .add("to", backtest.to().toString())
        .add("customers", backtest.customers())
        .add("days", days)
        .build();
  }

  static JsonObject dryRun(ScanService.DryRun dryRun, int shown) {
    Instant asOf = dryRun.asOf();
    List<Match> matches = dryRun.matches();
    JsonArrayBuilder customers = JSON.createArrayBuilder();
    matches.stream()
        .limit(shown)
        .forEach(
            m -> {
              JsonObjectBuilder c = JSON.createObjectBuilder().add("customer", m.externalId());
              if (m.customerName() != null) {
                c.add("name", m.customerName());
              }
              customers.add(c.add("evidence", EvidenceJson.of(m, asOf)));
            });
    return JSON.createObjectBuilder()
        .add("asOf", asOf.toString())
        .add("matches", matches.size())
        .add("customers", customers)
        .build();
  }

  private static void addNumber(JsonObjectBuilder json, String name, Number n) {
    if (n == null) {
      json.addNull(name);
    } else {
      json.add(name, n.longValue());
    }
  }

  private static JsonObject parse(String stored) {
    return DefinitionJson.write(DefinitionJson.parse(stored));
  }
}
