package io.forestall.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads docker/Dockerfile as a production engineer would (no Docker engine runs here): a JRE base,
 * the server and WAR the build produces, a non-root user, a health check, no settings or secrets
 * baked in, and an entrypoint that names the node.
 */
class DeployDockerfileTest {

  /** Names that look like credentials, for variables and copied files. */
  private static final Pattern SECRETISH =
      Pattern.compile(
          "(?i)password|secret|token|credential|\\.env\\b|\\.pem$|\\.key$|\\.p12$|\\.jks$|realm");

  private static List<Instruction> instructions;

  /** One instruction, its continuation lines joined. */
  record Instruction(String keyword, String arguments) {}

  @BeforeAll
  static void read() {
    instructions = parse(AppVariables.text("docker/Dockerfile"));
  }

  @Test
  void runsOnAJre() {
    List<Instruction> from = all("FROM");
    assertEquals(1, from.size());
    assertTrue(from.get(0).arguments().matches("eclipse-temurin:(17|21)-jre\\S*"), from.toString());
  }

  @Test
  void copiesTheServerAndWarTheBuildProduces() {
    String pom = AppVariables.text("pom.xml");
    assertTrue(pom.contains("<provisioning-dir>server</provisioning-dir>"));
    assertTrue(pom.contains("<finalName>forestall</finalName>"));
    List<String> sources = all("COPY").stream().map(DeployDockerfileTest::source).toList();
    assertEquals(List.of("target/server", "target/forestall.war", "docker/entrypoint.sh"), sources);
    assertTrue(
        all("COPY").get(1).arguments().endsWith("/standalone/deployments/forestall.war"),
        "the WAR is deployed by the scanner, as bin/run does");
  }

  @Test
  void runsAsANonRootUser() {
    List<Instruction> users = all("USER");
    assertFalse(users.isEmpty(), "no USER: the server would run as root");
    String user = users.get(users.size() - 1).arguments().split(":")[0];
    assertFalse(user.equals("root") || user.equals("0"), "runs as " + user);
  }

  @Test
  void checksTheServersReadiness() {
    List<Instruction> checks = all("HEALTHCHECK");
    assertEquals(1, checks.size());
    assertTrue(checks.get(0).arguments().contains("CMD"));
    assertTrue(checks.get(0).arguments().contains("http://localhost:9990/health/ready"));
  }

  @Test
  void bakesInNoSettingsAndNoSecrets() {
    for (Instruction i : instructions) {
      if (i.keyword().equals("ENV") || i.keyword().equals("ARG")) {
        assertFalse(
            i.arguments().contains("FORESTALL_"), "settings come from the environment: " + i);
        assertFalse(SECRETISH.matcher(i.arguments()).find(), "a secret in the image: " + i);
      }
      if (i.keyword().equals("COPY") || i.keyword().equals("ADD")) {
        assertFalse(SECRETISH.matcher(source(i)).find(), "a secret in the image: " + i);
      }
    }
    assertTrue(all("ADD").isEmpty(), "COPY only: ADD may fetch from anywhere");
  }

  @Test
  void theEntrypointNamesTheNodeAndListensBeyondLoopback() {
    List<Instruction> entrypoints = all("ENTRYPOINT");
    assertEquals(1, entrypoints.size());
    assertEquals("[\"/opt/forestall/bin/entrypoint.sh\"]", entrypoints.get(0).arguments());
    String script = AppVariables.text("docker/entrypoint.sh");
    assertTrue(script.contains("-Djboss.node.name=\"$FORESTALL_NODE_NAME\""));
    assertTrue(script.contains("FORESTALL_NODE_NAME=\"${FORESTALL_NODE_NAME:-$(hostname)}\""));
    // The kubelet probes the management port from outside the pod.
    assertTrue(script.contains("-bmanagement=0.0.0.0"));
    // It lies next to the server's start script, which it replaces (exec) so signals reach the
    // server.
    assertTrue(
        all("COPY").stream()
            .anyMatch(
                c ->
                    c.arguments()
                        .endsWith("docker/entrypoint.sh /opt/forestall/bin/entrypoint.sh")));
    assertTrue(
        script.contains("exec \"$(dirname \"$0\")/standalone.sh\""), "signals reach the server");
  }

  /** The first source of a COPY or ADD, past its --flags. */
  private static String source(Instruction copy) {
    return List.of(copy.arguments().split("\\s+")).stream()
        .filter(word -> !word.startsWith("--"))
        .findFirst()
        .orElseThrow();
  }

  private static List<Instruction> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  private static List<Instruction> parse(String dockerfile) {
    List<Instruction> parsed = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : dockerfile.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String[] parts = current.toString().strip().split("\\s+", 2);
      parsed.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : ""));
      current.setLength(0);
    }
    return parsed;
  }
}
