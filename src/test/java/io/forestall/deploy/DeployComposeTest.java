package io.forestall.deploy;

import static io.forestall.deploy.Yamls.at;
import static io.forestall.deploy.Yamls.listAt;
import static io.forestall.deploy.Yamls.mapAt;
import static io.forestall.deploy.Yamls.stringAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads docker/compose.yaml as Compose would (no Docker engine runs here): each Forestall node is
 * given every variable the app needs and none it does not read, behind nginx, which serves the app
 * and the customers' pages on two hosts, with PostgreSQL and a Keycloak that browsers and nodes
 * reach under the same URL. Every secret must come from the shell: the stack refuses to start
 * without one, and compose.demo.yaml turns it into the demo.
 */
class DeployComposeTest {

  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");

  /**
   * An interpolation whole: the variable, then {@code :?}, {@code :-} or nothing, then the rest.
   */
  private static final Pattern FULL_INTERPOLATION =
      Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:[?-])?([^}]*)}");

  /** Secrets the stack can run without: the SMTP password, when the relay wants no login. */
  private static final Set<String> OPTIONAL_SECRETS = Set.of("FORESTALL_SMTP_PASSWORD");

  private static final String DEMO_REALM = "../src/main/keycloak/forestall-realm.json";
  private static final String PRODUCTION_REALM =
      "../src/main/keycloak/forestall-realm-production.json";
  private static final Pattern UPSTREAM_SERVER =
      Pattern.compile("(?m)^\\s*server\\s+([^:\\s]+):8080");

  private static AppVariables app;
  private static Map<String, Object> services;
  private static Map<String, Object> demoServices;

  @BeforeAll
  static void read() {
    app = AppVariables.read();
    services = mapAt(Yamls.load(AppVariables.text("docker/compose.yaml")), "services");
    demoServices = mapAt(Yamls.load(AppVariables.text("docker/compose.demo.yaml")), "services");
  }

  @Test
  void twoForestallNodesWithTheirOwnNames() {
    assertEquals(List.of("forestall-1", "forestall-2"), nodes());
    assertEquals(
        Set.of("forestall-1", "forestall-2"),
        nodes().stream().map(n -> env(n).get("FORESTALL_NODE_NAME")).collect(Collectors.toSet()));
  }

  @Test
  void everyNodeGetsEveryRequiredVariable() {
    for (String node : nodes()) {
      Set<String> missing = new TreeSet<>(app.required());
      missing.removeAll(env(node).keySet());
      assertEquals(Set.of(), missing, node + " lacks required variables");
    }
  }

  @Test
  void theNodesNameOnlyVariablesTheAppReads() {
    for (String node : nodes()) {
      Set<String> unknown = new TreeSet<>(env(node).keySet());
      unknown.removeAll(app.names());
      assertEquals(Set.of(), unknown, node + " sets variables the app does not read");
      Set<String> interpolated = new TreeSet<>();
      env(node).values().forEach(v -> interpolated.addAll(interpolations(String.valueOf(v))));
      interpolated.removeAll(app.names());
      assertEquals(
          Set.of(), interpolated, node + " takes variables from the shell under other names");
    }
  }

  @Test
  void secretsComeFromTheShellNotTheFile() {
    for (String node : nodes()) {
      app.secrets()
          .forEach(
              secret ->
                  assertEquals(
                      Set.of(secret),
                      Set.copyOf(interpolations(env(node).get(secret))),
                      node + " " + secret));
    }
  }

  /**
   * Every secret anywhere in the file (the nodes', PostgreSQL's, Keycloak's) is {@code ${X:?why}}:
   * Compose stops and says what to set instead of starting on a default everyone knows.
   */
  @Test
  void everySecretIsRequiredWithAnExplanationAndNoneHasADefault() {
    String compose = AppVariables.text("docker/compose.yaml");
    Set<String> required = new TreeSet<>();
    for (var m : FULL_INTERPOLATION.matcher(compose).results().toList()) {
      String name = m.group(1);
      if (!AppVariables.secret(name)) {
        continue;
      }
      if (OPTIONAL_SECRETS.contains(name)) {
        assertEquals(":-", m.group(2), m.group());
        assertEquals("", m.group(3), name + " has a default: " + m.group());
        continue;
      }
      assertEquals(":?", m.group(2), name + " must be required: " + m.group());
      assertTrue(m.group(3).startsWith("set " + name + ", "), "the message names it: " + m.group());
      required.add(name);
    }
    assertEquals(
        Set.of(
            "FORESTALL_DB_PASSWORD",
            "FORESTALL_OIDC_SECRET",
            "FORESTALL_KEYCLOAK_ADMIN_SECRET",
            "FORESTALL_SECRETS_KEY",
            "FORESTALL_CLUSTER_KEY",
            "KEYCLOAK_ADMIN_PASSWORD"),
        required);
    assertTrue(
        compose.contains(
            "${FORESTALL_SECRETS_KEY:?set FORESTALL_SECRETS_KEY, 32 random bytes in base64"
                + " (openssl rand -base64 32)}"),
        "the key's message says how to make one");
    assertTrue(
        compose.contains(
            "${FORESTALL_CLUSTER_KEY:?set FORESTALL_CLUSTER_KEY, the nodes' shared cluster secret"
                + " (openssl rand -base64 32)}"),
        "the cluster key's message says how to make one");
  }

  @Test
  void theStackRunsWithoutTheDemoAndTheDemoFileTurnsItOn() {
    for (String node : nodes()) {
      assertEquals("false", env(node).get("FORESTALL_DEMO"), node);
    }
    assertEquals("true", at(demoServices, "forestall-1", "environment", "FORESTALL_DEMO"));
    assertEquals(Set.of("forestall-1", "keycloak"), demoServices.keySet());
  }

  @Test
  void nginxBalancesExactlyTheNodes() {
    List<Object> volumes = listAt(services, "nginx", "volumes");
    assertTrue(volumes.contains("./nginx.conf:/etc/nginx/nginx.conf:ro"), volumes.toString());
    String conf = AppVariables.text("docker/nginx.conf");
    assertEquals(nodes(), UPSTREAM_SERVER.matcher(conf).results().map(m -> m.group(1)).toList());
    assertTrue(conf.contains("ip_hash;"), "sticky sessions");
  }

  @Test
  void theNodesUseThePostgresOfTheStack() {
    Map<String, Object> postgres = mapAt(services, "postgres", "environment");
    for (String node : nodes()) {
      Map<String, Object> env = env(node);
      assertEquals("postgresql", env.get("FORESTALL_DB_DRIVER"));
      assertEquals(
          "jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"),
          env.get("FORESTALL_DB_URL"));
      assertEquals(postgres.get("POSTGRES_USER"), env.get("FORESTALL_DB_USER"));
      assertEquals(postgres.get("POSTGRES_PASSWORD"), env.get("FORESTALL_DB_PASSWORD"));
    }
  }

  /**
   * The OIDC URL is the tokens' issuer and where logout sends the browser, so the nodes and the
   * browser must reach Keycloak under it: its host is a network alias of Keycloak and its port is
   * published as itself.
   */
  @Test
  void browsersAndNodesReachKeycloakUnderOneUrl() {
    Map<String, Object> keycloak = mapAt(services, "keycloak");
    String hostname = stringAt(keycloak, "environment", "KC_HOSTNAME");
    URI issuer = URI.create(hostname);
    assertTrue(
        listAt(keycloak, "networks", "default", "aliases").contains(issuer.getHost()),
        "nodes resolve " + issuer.getHost());
    assertTrue(
        listAt(keycloak, "ports").contains(issuer.getPort() + ":" + issuer.getPort()),
        "browsers reach port " + issuer.getPort());
    assertEquals(
        String.valueOf(issuer.getPort()), stringAt(keycloak, "environment", "KC_HTTP_PORT"));
    for (String node : nodes()) {
      assertEquals(hostname + "/realms/forestall", env(node).get("FORESTALL_OIDC_URL"));
      assertEquals(hostname, env(node).get("FORESTALL_KEYCLOAK_URL"));
    }
  }

  @Test
  void keycloakImportsTheRealmAndIsTheVersionTheBuildUses() {
    Map<String, Object> keycloak = mapAt(services, "keycloak");
    String pomVersion =
        Pattern.compile("<version.keycloak>([^<]+)</version.keycloak>")
            .matcher(AppVariables.text("pom.xml"))
            .results()
            .map(m -> m.group(1))
            .findFirst()
            .orElseThrow();
    assertEquals("quay.io/keycloak/keycloak:" + pomVersion, keycloak.get("image"));
    assertTrue(listAt(keycloak, "command").contains("--import-realm"));
    String[] mount = stringAt(keycloak, "volumes", 0).split(":");
    assertEquals(PRODUCTION_REALM, mount[0]);
    assertTrue(
        AppVariables.ROOT.resolve("docker").resolve(mount[0]).normalize().toFile().isFile(),
        mount[0] + " exists");
    String[] demoMount = stringAt(demoServices, "keycloak", "volumes", 0).split(":");
    assertEquals(DEMO_REALM, demoMount[0]);
    // Compose merges volumes by their target: the demo's realm replaces production's.
    assertEquals(mount[1], demoMount[1]);
  }

  /**
   * Keycloak fills in the production realm's placeholders from its environment as it imports it:
   * the clients' secrets, the same the nodes hold, and the app's address the login returns to,
   * which only Keycloak reads.
   */
  @Test
  void keycloakGivesTheRealmTheNodesSecretsAndTheAppsAddress() {
    Map<String, Object> keycloak = mapAt(services, "keycloak", "environment");
    Set<String> placeholders =
        DeployRealmTest.placeholders(
            AppVariables.text("src/main/keycloak/forestall-realm-production.json"));
    assertTrue(keycloak.keySet().containsAll(placeholders), "Keycloak lacks " + placeholders);
    for (String node : nodes()) {
      for (String name : placeholders) {
        if (app.reads(name)) {
          assertEquals(env(node).get(name), keycloak.get(name), node + " " + name);
        } else {
          assertEquals("FORESTALL_APP_URL", name, "a placeholder the nodes do not get");
        }
      }
    }
  }

  /**
   * People use the app on one host, the customers' pages live on another (browsers keep their
   * cookies apart): both reach nginx on its published port, which passes the Host on to the nodes.
   */
  @Test
  void theCustomersPagesHaveAHostOfTheirOwnThroughTheSameNginx() {
    URI app = URI.create(stringAt(services, "keycloak", "environment", "FORESTALL_APP_URL"));
    String published = stringAt(services, "nginx", "ports", 0).split(":")[0];
    assertEquals(String.valueOf(app.getPort()), published);
    for (String node : nodes()) {
      URI customers = URI.create((String) env(node).get("FORESTALL_PUBLIC_URL"));
      assertEquals(String.valueOf(customers.getPort()), published, node);
      assertFalse(
          customers.getHost().equals(app.getHost()),
          node + ": the customers' pages on the app's host " + app.getHost());
    }
    assertTrue(
        AppVariables.text("docker/nginx.conf").contains("proxy_set_header Host $http_host;"),
        "nginx passes the Host on");
  }

  @Test
  void theDemoRealmLetsTheBrowserBackToTheAppAndNeverToTheCustomersHost() {
    Map<String, Object> realm =
        Yamls.load(AppVariables.text("src/main/keycloak/forestall-realm.json"));
    Map<String, Object> web =
        listAt(realm, "clients").stream()
            .filter(c -> "forestall-web".equals(at(c, "clientId")))
            .map(c -> mapAt(c))
            .findFirst()
            .orElseThrow();
    String appUrl = stringAt(services, "keycloak", "environment", "FORESTALL_APP_URL");
    assertTrue(listAt(web, "redirectUris").contains(appUrl + "/*"), appUrl);
    for (String node : nodes()) {
      String publicUrl = (String) env(node).get("FORESTALL_PUBLIC_URL");
      for (Object uri : listAt(web, "redirectUris")) {
        assertFalse(String.valueOf(uri).startsWith(publicUrl), "the login returns to " + uri);
      }
    }
    assertTrue(
        AppVariables.text("docker/compose.demo.yaml")
            .contains("FORESTALL_OIDC_SECRET=" + web.get("secret")),
        "the demo file names the demo realm's client secret");
  }

  /** The services that run the Forestall image. */
  private static List<String> nodes() {
    return services.keySet().stream()
        .filter(name -> String.valueOf(at(services, name, "image")).startsWith("forestall:"))
        .sorted()
        .toList();
  }

  private static Map<String, Object> env(String node) {
    return mapAt(services, node, "environment");
  }

  private static List<String> interpolations(Object value) {
    return INTERPOLATION.matcher(String.valueOf(value)).results().map(m -> m.group(1)).toList();
  }
}
