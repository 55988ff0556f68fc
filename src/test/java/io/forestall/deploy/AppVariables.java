package io.forestall.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The environment variables Forestall reads, found where it reads them: the server's configure.cli
 * ({@code ${env.X:default}}), the code's MicroProfile Config properties ({@code
 * forestall.smtp.host} is read from {@code FORESTALL_SMTP_HOST}) and FORESTALL_ names, and the
 * container's entrypoint. The deployment files are checked against these, so renaming a variable in
 * the app fails them until they follow.
 */
final class AppVariables {

  static final Path ROOT = Path.of(System.getProperty("user.dir"));

  private static final Pattern CLI_READ = Pattern.compile("\\$\\{env\\.([A-Z0-9_]+)(?::([^}]*))?}");

  /**
   * A config property, its default and whether it is read as an {@code Optional} (may be unset).
   */
  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile(
          "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\""
              + "(?:\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?\\s*\\)\\s*(Optional<)?");

  private static final Pattern SHELL_READ =
      Pattern.compile("\\$\\{(FORESTALL_[A-Z0-9_]+)(?::-([^}]*))?}");
  private static final Pattern NAME = Pattern.compile("\\bFORESTALL_[A-Z0-9_]+\\b");

  /**
   * Credentials and keys: they belong in secrets, and the app's defaults for them are the demo's.
   */
  private static final Pattern SECRET = Pattern.compile("PASSWORD|SECRET|_KEY$");

  /** Defaults that suit only a developer's machine: this host, the H2 database and its user. */
  private static final Pattern DEVELOPER_DEFAULT =
      Pattern.compile("localhost|127\\.0\\.0\\.1|jdbc:h2:|^h2$|^sa$");

  /**
   * Loopback defaults that mean "this node alone" rather than a developer's machine: a deployment
   * may keep them (one node, or nodes that find each other by DNS in Kubernetes).
   */
  private static final Set<String> ALONE_BY_DEFAULT = Set.of("FORESTALL_CLUSTER_HOSTS");

  /** Each variable the app reads, with the defaults of the places that read it (empty: none). */
  private final Map<String, List<Optional<String>>> reads;

  private final Set<String> names;

  private AppVariables(Map<String, List<Optional<String>>> reads, Set<String> mentioned) {
    this.reads = reads;
    this.names = new TreeSet<>(reads.keySet());
    this.names.addAll(mentioned);
  }

  static AppVariables read() {
    Map<String, List<Optional<String>>> reads = new TreeMap<>();
    Set<String> mentioned = new TreeSet<>();
    collect(withoutComments(text("src/main/wildfly/configure.cli")), CLI_READ, reads);
    String entrypoint = withoutComments(text("docker/entrypoint.sh"));
    collect(entrypoint, SHELL_READ, reads);
    mentioned.addAll(names(entrypoint));
    for (Path source : javaSources()) {
      String code = text(source);
      int properties = 0;
      Matcher m = CONFIG_PROPERTY.matcher(code);
      while (m.find()) {
        properties++;
        String variable = m.group(1).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        reads
            .computeIfAbsent(variable, k -> new ArrayList<>())
            .add(Optional.ofNullable(m.group(3) != null ? "" : m.group(2)));
      }
      if (properties != count(code, "@ConfigProperty(")) {
        throw new IllegalStateException(
            source + ": a @ConfigProperty without a leading name = \"…\" escapes this scan");
      }
      mentioned.addAll(names(code));
    }
    return new AppVariables(reads, mentioned);
  }

  /** Every variable the app reads or names. */
  Set<String> names() {
    return names;
  }

  boolean reads(String name) {
    return names.contains(name);
  }

  /** The variables that hold credentials or keys. */
  Set<String> secrets() {
    return names.stream()
        .filter(AppVariables::secret)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static boolean secret(String name) {
    return SECRET.matcher(name).find();
  }

  /**
   * The variables every deployment must set: secrets, and those that some place reads without a
   * default or with a default that suits only a developer's machine.
   */
  Set<String> required() {
    Set<String> required = secrets();
    reads.forEach(
        (name, defaults) -> {
          if (!ALONE_BY_DEFAULT.contains(name)
              && defaults.stream()
                  .anyMatch(d -> d.isEmpty() || DEVELOPER_DEFAULT.matcher(d.get()).find())) {
            required.add(name);
          }
        });
    return required;
  }

  private static void collect(
      String text, Pattern read, Map<String, List<Optional<String>>> reads) {
    Matcher m = read.matcher(text);
    while (m.find()) {
      reads
          .computeIfAbsent(m.group(1), k -> new ArrayList<>())
          .add(Optional.ofNullable(m.group(2)));
    }
  }

  /** A script without its comment lines, which name variables by way of example. */
  private static String withoutComments(String script) {
    return script.lines().filter(l -> !l.strip().startsWith("#")).collect(Collectors.joining("\n"));
  }

  private static Set<String> names(String text) {
    return NAME.matcher(text).results().map(MatchResult::group).collect(Collectors.toSet());
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static List<Path> javaSources() {
    try (Stream<Path> files = Files.walk(ROOT.resolve("src/main/java"))) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return text(ROOT.resolve(path));
  }

  static String text(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
