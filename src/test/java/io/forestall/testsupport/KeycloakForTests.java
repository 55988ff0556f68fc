package io.forestall.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the integration-test session once: a clean test database (PostgreSQL profile) and a
 * running demo Keycloak on :8180 (started from the build's distribution unless one already answers,
 * with its own data under target/ so tests never touch the run command's realm). Only active under
 * Failsafe.
 */
public class KeycloakForTests implements LauncherSessionListener {

  public static final String KEYCLOAK = "http://localhost:8180";

  private Process keycloak;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("keycloak.home") == null) {
      return;
    }
    resetPostgresSchema();
    keycloak = ensureRunning(Path.of(System.getProperty("project.build.directory", "target")));
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    stop(keycloak);
  }

  /**
   * Starts the demo Keycloak with its data under {@code target} unless one already answers; returns
   * the process it started, or null.
   */
  public static Process ensureRunning(Path target) {
    if (answers(KEYCLOAK + "/realms/forestall")) {
      return null;
    }
    Process started;
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("user.dir")).resolve("bin/keycloak").toString())
              .redirectErrorStream(true)
              .redirectOutput(target.resolve("keycloak-test.log").toFile());
      builder
          .environment()
          .put("KEYCLOAK_DATA", target.resolve("keycloak-test-data").toAbsolutePath().toString());
      started = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start Keycloak", e);
    }
    Path log = target.resolve("keycloak-test.log");
    Wait.until(
        "Keycloak answers for the forestall realm (see " + log + ")",
        Duration.ofSeconds(300),
        () -> {
          if (!started.isAlive()) {
            throw new IllegalStateException("Keycloak did not start; see " + log);
          }
          return answers(KEYCLOAK + "/realms/forestall");
        });
    return started;
  }

  /** Stops a process and its children, if there is one. */
  public static void stop(Process process) {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The PostgreSQL suite starts from an empty schema, like a fresh database. */
  private static void resetPostgresSchema() {
    String url = System.getProperty("forestall.db.url", "");
    if (!url.startsWith("jdbc:postgresql:")) {
      return;
    }
    String schema = url.replaceAll(".*currentSchema=([a-z_]+).*", "$1");
    String base = url.substring(0, url.indexOf('?'));
    try (Connection c =
            DriverManager.getConnection(
                base,
                System.getProperty("forestall.db.user"),
                System.getProperty("forestall.db.password"));
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
      s.execute("create schema " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reset the PostgreSQL test schema", e);
    }
  }

  static boolean answers(String url) {
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                  HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
