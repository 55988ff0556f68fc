package io.forestall.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The provisioned WildFly with Forestall deployed, run as its own process on PostgreSQL the way
 * {@code bin/run} runs it, for benchmarks and crash tests that must stop it themselves.
 */
public final class ServerProcess {

  public static final String DB = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Path target = Path.of("target");
  private final String name;
  private final String schema;
  private final Map<String, String> env;
  private final int portOffset;
  private String launcher = "standalone.sh";
  private Process process;

  /**
   * @param name names its directory and log under target
   * @param schema the PostgreSQL schema it keeps its data in
   * @param env more environment, such as FORESTALL_SMTP_PORT
   */
  public ServerProcess(String name, String schema, Map<String, String> env) {
    this(name, schema, env, 0);
  }

  /**
   * One node of several on this machine: named {@code name} (its node name too) and listening on
   * the usual ports plus {@code portOffset}.
   */
  public ServerProcess(String name, String schema, Map<String, String> env, int portOffset) {
    this.name = name;
    this.schema = schema;
    this.env = env;
    this.portOffset = portOffset;
  }

  /**
   * Starts it through {@code script} in the server's bin directory, as a container would start it
   * through its entrypoint, instead of through standalone.sh.
   */
  public ServerProcess launchedBy(String script) {
    this.launcher = script;
    return this;
  }

  /** Where its output goes. */
  public Path log() {
    return target.resolve(name + ".log");
  }

  /** The application's address on this node, such as {@code http://localhost:8080}. */
  public String url() {
    return "http://localhost:" + (8080 + portOffset);
  }

  /** Drops and creates the schema: a fresh database. */
  public void resetSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(DB, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
      s.execute("create schema " + schema);
    }
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(DB + "?currentSchema=" + schema, "postgres", "postgres");
  }

  /** Starts the server on a fresh copy of the provisioned configuration, waiting until ready. */
  public void start() throws IOException {
    Path base = target.resolve(name);
    if (Files.exists(base)) {
      try (Stream<Path> files = Files.walk(base)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Path configuration = target.resolve("server/standalone/configuration");
    try (Stream<Path> files = Files.walk(configuration)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = base.resolve("configuration").resolve(configuration.relativize(p));
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.createDirectories(base.resolve("deployments"));
    Files.copy(target.resolve("forestall.war"), base.resolve("deployments/forestall.war"));
    ProcessBuilder builder =
        new ProcessBuilder(
                target.resolve("server/bin").resolve(launcher).toString(),
                "-Djboss.server.base.dir=" + base.toAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Djboss.node.name=" + name,
                "-Djboss.tx.node.id=" + name)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    Map<String, String> environment = builder.environment();
    environment.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    environment.put("JBOSS_BASE_DIR", base.toAbsolutePath().toString());
    environment.put("FORESTALL_DB_DRIVER", "postgresql");
    environment.put("FORESTALL_DB_URL", DB + "?currentSchema=" + schema);
    environment.put("FORESTALL_DB_USER", "postgres");
    environment.put("FORESTALL_DB_PASSWORD", "postgres");
    environment.put("FORESTALL_DB_POOL", "40");
    environment.put("FORESTALL_DEMO", "true");
    environment.put("FORESTALL_LOG_LEVEL", "WARN");
    environment.put("FORESTALL_NODE_NAME", name);
    environment.putAll(env);
    process = builder.start();
    Wait.until(
        name + " is ready (see " + log() + ")",
        Duration.ofSeconds(180),
        () -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("The server did not start; see " + log());
          }
          return ready();
        });
  }

  /**
   * {@code kill -9}: the JVM and its launcher die at once, without any shutdown work. Returns once
   * the HTTP port refuses connections: until then the kernel still accepts them for the dying JVM,
   * and a request sent on one is lost with it.
   */
  public void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor();
    Wait.until(
        name + "'s port " + (8080 + portOffset) + " refuses connections after kill -9",
        Duration.ofSeconds(30),
        () -> !listening());
  }

  private boolean listening() {
    try (Socket ignored = new Socket("127.0.0.1", 8080 + portOffset)) {
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** Whether its process is alive (it may not be ready yet). */
  public boolean running() {
    return process != null && process.isAlive();
  }

  /** Stops the server in order. */
  public void stop() {
    KeycloakForTests.stop(process);
  }

  private boolean ready() {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + (9990 + portOffset) + "/health/ready"))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
