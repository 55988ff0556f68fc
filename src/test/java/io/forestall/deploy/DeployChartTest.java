package io.forestall.deploy;

import static io.forestall.deploy.Yamls.at;
import static io.forestall.deploy.Yamls.listAt;
import static io.forestall.deploy.Yamls.mapAt;
import static io.forestall.deploy.Yamls.stringAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints helm/forestall and renders it with the Helm inside helm-java, then reads the manifests as
 * Kubernetes would: probes, where each variable comes from, replicas, disruption budget, discovery,
 * autoscaling, the secrets it insists on and who may reach which port.
 */
class DeployChartTest {

  private static final Path CHART = AppVariables.ROOT.resolve("helm/forestall");
  private static final String NAMESPACE = "shop";

  /** Secret values unlike anything else in the chart, so a leak into the ConfigMap shows. */
  private static final Map<String, Object> SECRETS =
      Map.of(
          "dbPassword", "db-password-3f9a",
          "oidcClientSecret", "oidc-secret-77c1",
          "keycloakAdminSecret", "admin-secret-0b2e",
          "secretsKey", Base64.getEncoder().encodeToString(new byte[32]),
          "clusterKey", "cluster-key-5d2a-9e41-77f0");

  private static AppVariables app;

  @TempDir static Path work;

  @BeforeAll
  static void readTheApp() {
    app = AppVariables.read();
  }

  @Test
  void lintsCleanWithTheShippedValues() {
    LintResult lint = new Helm(CHART).lint().strict().call();
    assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
  }

  @Test
  void theContainerIsProbedOnTheHealthEndpoints() throws IOException {
    Map<String, Object> container = container(render(Map.of()));
    assertEquals(9990, containerPort(container, "management"));
    assertEquals(8080, containerPort(container, "http"));
    assertProbe(container, "startupProbe", "/health/started");
    assertProbe(container, "readinessProbe", "/health/ready");
    assertProbe(container, "livenessProbe", "/health/live");
    assertNotNull(at(container, "resources", "requests", "memory"), "memory requested");
    assertNotNull(at(container, "resources", "limits", "memory"), "memory limited");
  }

  @Test
  void prometheusScrapesEachNodesMetrics() throws IOException {
    Map<String, Object> annotations =
        mapAt(one(render(Map.of()), "Deployment"), "spec", "template", "metadata", "annotations");
    assertEquals("true", annotations.get("prometheus.io/scrape"));
    assertEquals("9990", annotations.get("prometheus.io/port"));
    assertEquals("/metrics", annotations.get("prometheus.io/path"));
  }

  @Test
  void secretsAreInTheSecretAndNeverInTheConfigMap() throws IOException {
    List<Map<String, Object>> manifests = render(Map.of());
    Map<String, Object> config = mapAt(one(manifests, "ConfigMap"), "data");
    Set<String> leaked = new TreeSet<>(config.keySet());
    leaked.retainAll(app.secrets());
    assertEquals(Set.of(), leaked, "secret variables in the ConfigMap");
    for (Object secret : SECRETS.values()) {
      assertFalse(config.values().contains(secret), "a secret's value in the ConfigMap");
    }
    assertEquals(app.secrets(), secretData(manifests).keySet());
    assertEquals("db-password-3f9a", secretData(manifests).get("FORESTALL_DB_PASSWORD"));
  }

  @Test
  void everyVariableTheAppNeedsIsProvidedAndNoneItDoesNotRead() throws IOException {
    List<Map<String, Object>> manifests = render(Map.of());
    Set<String> provided = provided(manifests);
    Set<String> missing = new TreeSet<>(app.required());
    missing.removeAll(provided);
    assertEquals(Set.of(), missing, "required variables the chart does not set");
    Set<String> unknown = new TreeSet<>(provided);
    unknown.removeAll(app.names());
    assertEquals(Set.of(), unknown, "variables the app does not read");
    Map<String, Object> config = mapAt(one(manifests, "ConfigMap"), "data");
    assertEquals("postgresql", config.get("FORESTALL_DB_DRIVER"));
    assertEquals("https://auth.example.com/realms/forestall", config.get("FORESTALL_OIDC_URL"));
  }

  @Test
  void replicasFollowTheValues() throws IOException {
    assertEquals(2, at(one(render(Map.of()), "Deployment"), "spec", "replicas"));
    assertEquals(5, at(one(render(Map.of("replicas", 5)), "Deployment"), "spec", "replicas"));
  }

  @Test
  void aDisruptionBudgetKeepsNodesUpDuringDrains() throws IOException {
    List<Map<String, Object>> manifests = render(Map.of());
    Map<String, Object> pdb = one(manifests, "PodDisruptionBudget");
    assertEquals(1, at(pdb, "spec", "maxUnavailable"));
    assertSelectsTheNodes(mapAt(pdb, "spec", "selector", "matchLabels"), manifests);
  }

  @Test
  void aHeadlessServiceListsEveryNodeForDiscovery() throws IOException {
    List<Map<String, Object>> manifests = render(Map.of());
    Map<String, Object> headless =
        manifests.stream()
            .filter(m -> "Service".equals(m.get("kind")))
            .filter(m -> "None".equals(at(m, "spec", "clusterIP")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no headless Service"));
    assertEquals(true, at(headless, "spec", "publishNotReadyAddresses"));
    assertSelectsTheNodes(mapAt(headless, "spec", "selector"), manifests);
    assertEquals(
        stringAt(headless, "metadata", "name") + "." + NAMESPACE + ".svc.cluster.local",
        at(one(manifests, "ConfigMap"), "data", "FORESTALL_JGROUPS_DNS_QUERY"));
  }

  /**
   * The app's host and the customers' host both lead to the nodes, which serve each only what
   * belongs on it; the links the nodes write point at the customers' host.
   */
  @Test
  void theIngressIsStickyAndServesTheAppsAndTheCustomersHosts() throws IOException {
    List<Map<String, Object>> manifests =
        render(Map.of("appUrl", "https://cs.acme.test/", "publicUrl", "https://go.acme.test/"));
    Map<String, Object> ingress = one(manifests, "Ingress");
    Map<String, Object> annotations = mapAt(ingress, "metadata", "annotations");
    assertEquals("cookie", annotations.get("nginx.ingress.kubernetes.io/affinity"));
    assertEquals(
        "FORESTALL_ROUTE", annotations.get("nginx.ingress.kubernetes.io/session-cookie-name"));
    assertEquals(
        List.of("cs.acme.test", "go.acme.test"),
        listAt(ingress, "spec", "rules").stream().map(r -> at(r, "host")).toList());
    for (int rule = 0; rule < 2; rule++) {
      assertEquals(
          stringAt(one(manifests, "Service"), "metadata", "name"),
          at(ingress, "spec", "rules", rule, "http", "paths", 0, "backend", "service", "name"));
      assertEquals("/", at(ingress, "spec", "rules", rule, "http", "paths", 0, "path"));
    }
    assertNull(at(ingress, "spec", "tls"), "no TLS unless a Secret is named");
    assertEquals(
        "https://go.acme.test", at(one(manifests, "ConfigMap"), "data", "FORESTALL_PUBLIC_URL"));
    // The Ingress ends TLS: the nodes take the scheme and host of their addresses from it.
    assertEquals(
        "true", at(one(manifests, "ConfigMap"), "data", "FORESTALL_PROXY_ADDRESS_FORWARDING"));
  }

  @Test
  void withTlsTheIngressEndsItForBothHosts() throws IOException {
    Map<String, Object> ingress =
        one(
            render(
                Map.of(
                    "appUrl",
                    "https://cs.acme.test",
                    "publicUrl",
                    "https://go.acme.test",
                    "ingress",
                    Map.of("tlsSecretName", "acme-tls"))),
            "Ingress");
    assertEquals(
        List.of(Map.of("hosts", List.of("cs.acme.test", "go.acme.test"), "secretName", "acme-tls")),
        listAt(ingress, "spec", "tls"));
    assertEquals(
        "true",
        at(
            ingress,
            "metadata",
            "annotations",
            "nginx.ingress.kubernetes.io/session-cookie-secure"));
  }

  /** On the app's host the customers' pages would share its cookies: the chart refuses. */
  @Test
  void theCustomersPagesOnTheAppsHostAreRefused() {
    for (String publicUrl :
        List.of("https://cs.acme.test", "https://cs.acme.test/r", "https://cs.acme.test:8443")) {
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class,
              () -> render(Map.of("appUrl", "https://cs.acme.test", "publicUrl", publicUrl)));
      assertTrue(
          refused.getMessage().contains("publicUrl (" + publicUrl + ") needs a host of its own"),
          refused.getMessage());
    }
  }

  @Test
  void anAutoscalerOnlyWhenEnabledAndThenItOwnsTheReplicas() throws IOException {
    assertTrue(kinds(render(Map.of())).stream().noneMatch("HorizontalPodAutoscaler"::equals));

    List<Map<String, Object>> scaled =
        render(Map.of("autoscaling", Map.of("enabled", true, "minReplicas", 3, "maxReplicas", 9)));
    Map<String, Object> hpa = one(scaled, "HorizontalPodAutoscaler");
    assertEquals(3, at(hpa, "spec", "minReplicas"));
    assertEquals(9, at(hpa, "spec", "maxReplicas"));
    assertEquals(
        stringAt(one(scaled, "Deployment"), "metadata", "name"),
        at(hpa, "spec", "scaleTargetRef", "name"));
    assertNull(at(one(scaled, "Deployment"), "spec", "replicas"));
  }

  @Test
  void anInstallWithoutASecretStopsAndNamesIt() {
    for (String missing : SECRETS.keySet()) {
      Map<String, Object> values = new HashMap<>(SECRETS);
      values.remove(missing);
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> renderExactly(Map.of("secrets", values)));
      assertTrue(
          refused.getMessage().contains("secrets." + missing + " is required"),
          refused.getMessage());
    }
  }

  /** No values at all, the demo included: the install stops and says how to make the key. */
  @Test
  void anInstallWithNoSecretsStopsEvenAsTheDemoAndSaysHowToMakeTheKey() {
    for (Map<String, Object> values :
        List.<Map<String, Object>>of(Map.of(), Map.of("demo", true))) {
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> renderExactly(values));
      assertTrue(refused.getMessage().contains("secrets.secretsKey"), refused.getMessage());
      assertTrue(refused.getMessage().contains("openssl rand -base64 32"), refused.getMessage());
    }
  }

  @Test
  void anOperatorsSecretReplacesTheChartsOwn() throws IOException {
    List<Map<String, Object>> manifests =
        renderExactly(Map.of("secrets", Map.of("existingSecret", "forestall-credentials")));
    assertTrue(kinds(manifests).stream().noneMatch("Secret"::equals));
    assertEquals(
        "forestall-credentials",
        listAt(container(manifests), "envFrom").stream()
            .map(source -> stringAt(source, "secretRef", "name"))
            .filter(name -> name != null)
            .findFirst()
            .orElseThrow());
  }

  @Test
  void aSecretsKeyOfTheWrongLengthIsRefused() {
    Map<String, Object> values = new HashMap<>(SECRETS);
    values.put("secretsKey", Base64.getEncoder().encodeToString(new byte[16]));
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> renderExactly(Map.of("secrets", values)));
    assertTrue(refused.getMessage().contains("32 bytes"), refused.getMessage());
  }

  /**
   * HTTP stays open to all; the JGroups port, where the nodes share sessions (encrypted under the
   * cluster key, which a NetworkPolicy does not replace), admits only this release's nodes; the
   * management port only monitoring. Every port the container opens has its rule, and no rule
   * admits everyone to every port.
   */
  @Test
  void aNetworkPolicyKeepsTheClusterPortToTheNodesAndManagementToMonitoring() throws IOException {
    List<Map<String, Object>> manifests = render(Map.of());
    Map<String, Object> policy = one(manifests, "NetworkPolicy");
    assertSelectsTheNodes(mapAt(policy, "spec", "podSelector", "matchLabels"), manifests);
    assertEquals(List.of("Ingress"), listAt(policy, "spec", "policyTypes"));
    Map<String, Object> container = container(manifests);
    Map<Integer, Object> rules = rulesByPort(policy);
    assertEquals(
        Set.of(
            containerPort(container, "http"),
            containerPort(container, "jgroups"),
            containerPort(container, "management")),
        rules.keySet());

    assertNull(at(rules.get(8080), "from"), "HTTP from anywhere");

    List<Object> cluster = listAt(rules.get(7600), "from");
    assertEquals(1, cluster.size());
    assertEquals(Set.of("podSelector"), mapAt(cluster, 0).keySet(), "this namespace's pods only");
    assertSelectsTheNodes(mapAt(cluster, 0, "podSelector", "matchLabels"), manifests);

    assertEquals(
        List.of(
            Map.of("podSelector", Map.of("matchLabels", Map.of("forestall.io/monitoring", "true"))),
            Map.of(
                "namespaceSelector",
                Map.of("matchLabels", Map.of("forestall.io/monitoring", "true")))),
        listAt(rules.get(9990), "from"));
  }

  @Test
  void whoMonitorsIsConfigurableAndNobodyMeansNoRule() throws IOException {
    Map<String, Object> prometheus =
        Map.of(
            "namespaceSelector",
            Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "observability")),
            "podSelector",
            Map.of("matchLabels", Map.of("app.kubernetes.io/name", "prometheus")));
    Map<String, Object> policy =
        one(
            render(Map.of("networkPolicy", Map.of("monitoring", List.of(prometheus)))),
            "NetworkPolicy");
    assertEquals(List.of(prometheus), listAt(rulesByPort(policy).get(9990), "from"));

    // An empty "from" would admit everyone: with no monitoring peers, 9990 gets no rule at all.
    Map<String, Object> closed =
        one(render(Map.of("networkPolicy", Map.of("monitoring", List.of()))), "NetworkPolicy");
    assertEquals(Set.of(8080, 7600), rulesByPort(closed).keySet());

    assertTrue(
        kinds(render(Map.of("networkPolicy", Map.of("enabled", false)))).stream()
            .noneMatch("NetworkPolicy"::equals));
  }

  /** A NetworkPolicy's ingress rules by the one port each opens; a rule without ports fails. */
  private static Map<Integer, Object> rulesByPort(Map<String, Object> policy) {
    Map<Integer, Object> rules = new HashMap<>();
    for (Object rule : listAt(policy, "spec", "ingress")) {
      List<Object> ports = listAt(rule, "ports");
      assertEquals(1, ports.size(), "one port per rule: " + rule);
      assertEquals("TCP", at(ports, 0, "protocol"));
      assertNull(rules.put((Integer) at(ports, 0, "port"), rule), "two rules for " + ports);
    }
    return rules;
  }

  /** The chart rendered as an install with these values and the test secrets. */
  private static List<Map<String, Object>> render(Map<String, Object> values) throws IOException {
    Map<String, Object> all = new HashMap<>(values);
    all.put("secrets", SECRETS);
    return renderExactly(all);
  }

  private static List<Map<String, Object>> renderExactly(Map<String, Object> values)
      throws IOException {
    Path file = Files.createTempFile(work, "values", ".yaml");
    Files.writeString(file, Yamls.dump(values), StandardCharsets.UTF_8);
    String manifests =
        new Helm(CHART)
            .template()
            .withName("forestall")
            .withNamespace(NAMESPACE)
            .withValuesFile(file)
            .call();
    return Yamls.loadAll(manifests);
  }

  /** The one manifest of a kind; of the Services, the one that is not headless. */
  private static Map<String, Object> one(List<Map<String, Object>> manifests, String kind) {
    List<Map<String, Object>> found =
        manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
    if (kind.equals("Service")) {
      found = found.stream().filter(m -> !"None".equals(at(m, "spec", "clusterIP"))).toList();
    }
    assertEquals(1, found.size(), "one " + kind + " in " + kinds(manifests));
    return found.get(0);
  }

  private static List<String> kinds(List<Map<String, Object>> manifests) {
    return manifests.stream().map(m -> String.valueOf(m.get("kind"))).toList();
  }

  private static Map<String, Object> container(List<Map<String, Object>> manifests) {
    List<Object> containers =
        listAt(one(manifests, "Deployment"), "spec", "template", "spec", "containers");
    assertEquals(1, containers.size());
    return mapAt(containers, 0);
  }

  private static Map<String, Object> podLabels(List<Map<String, Object>> manifests) {
    return mapAt(one(manifests, "Deployment"), "spec", "template", "metadata", "labels");
  }

  /**
   * A selector that picks the Deployment's pods (and, being non-empty, only those of this release).
   */
  private static void assertSelectsTheNodes(
      Map<String, Object> selector, List<Map<String, Object>> manifests) {
    assertFalse(selector.isEmpty(), "an empty selector takes every pod of the namespace");
    assertTrue(
        podLabels(manifests).entrySet().containsAll(selector.entrySet()),
        selector + " does not select the nodes");
  }

  private static int containerPort(Map<String, Object> container, String name) {
    return listAt(container, "ports").stream()
        .filter(p -> name.equals(at(p, "name")))
        .map(p -> (Integer) at(p, "containerPort"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no port " + name));
  }

  private static void assertProbe(Map<String, Object> container, String probe, String path) {
    assertEquals(path, at(container, probe, "httpGet", "path"), probe);
    assertEquals("management", at(container, probe, "httpGet", "port"), probe);
  }

  private static Map<String, String> secretData(List<Map<String, Object>> manifests) {
    return mapAt(one(manifests, "Secret"), "data").entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e ->
                    new String(
                        Base64.getDecoder().decode((String) e.getValue()),
                        StandardCharsets.UTF_8)));
  }

  /**
   * The variables the container gets: its own env, and the keys of the ConfigMap and Secret it
   * takes whole, provided those are rendered by this chart (an operator's Secret is checked
   * elsewhere).
   */
  private static Set<String> provided(List<Map<String, Object>> manifests) {
    Map<String, Object> container = container(manifests);
    Set<String> provided = new HashSet<>();
    listAt(container, "env").forEach(e -> provided.add(stringAt(e, "name")));
    for (Object source : listAt(container, "envFrom")) {
      String configMap = stringAt(source, "configMapRef", "name");
      String secret = stringAt(source, "secretRef", "name");
      String kind = configMap != null ? "ConfigMap" : "Secret";
      Map<String, Object> rendered = one(manifests, kind);
      assertEquals(configMap != null ? configMap : secret, stringAt(rendered, "metadata", "name"));
      provided.addAll(mapAt(rendered, "data").keySet());
    }
    return provided;
  }
}
