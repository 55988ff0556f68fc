package io.forestall.deploy;

import static io.forestall.deploy.Yamls.at;
import static io.forestall.deploy.Yamls.listAt;
import static io.forestall.deploy.Yamls.mapAt;
import static io.forestall.deploy.Yamls.stringAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the two realm files in src/main/keycloak: the demo's (bin/keycloak and the tests import it)
 * and production's (Compose imports it, and the chart's Keycloak should). Both lock out password
 * guessing; production has no people, no password grant and no fixed secrets, and otherwise the
 * same clients, roles and user profile as the demo the tests run against.
 */
class DeployRealmTest {

  private static final Pattern DEMO_LOGIN = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

  private static Map<String, Object> demo;
  private static Map<String, Object> production;

  @BeforeAll
  static void read() {
    demo = Yamls.load(AppVariables.text("src/main/keycloak/forestall-realm.json"));
    production = Yamls.load(AppVariables.text("src/main/keycloak/forestall-realm-production.json"));
  }

  @Test
  void bothLockAnAccountOutForAWhileAfterRepeatedFailedLogins() {
    for (Map<String, Object> realm : List.of(demo, production)) {
      String name = realm == demo ? "demo" : "production";
      assertEquals(true, realm.get("bruteForceProtected"), name);
      // Temporary: a guesser cannot lock a real user out for good.
      assertEquals(false, realm.get("permanentLockout"), name);
      int failures = (Integer) realm.get("failureFactor");
      assertTrue(failures >= 3 && failures <= 10, name + " locks out after " + failures);
      int step = (Integer) realm.get("waitIncrementSeconds");
      int longest = (Integer) realm.get("maxFailureWaitSeconds");
      assertTrue(step > 0 && longest >= step, name + " waits " + step + " s up to " + longest);
    }
  }

  @Test
  void productionLetsNoClientTakePasswords() {
    for (Object client : listAt(production, "clients")) {
      String id = stringAt(client, "clientId");
      // Stated, not left to Keycloak's default.
      assertEquals(false, at(client, "directAccessGrantsEnabled"), id);
      assertFalse(Boolean.TRUE.equals(at(client, "implicitFlowEnabled")), id);
    }
  }

  @Test
  void productionHasNoUsersButTheProvisioningServiceAccount() {
    List<Object> users = listAt(production, "users");
    for (Object user : users) {
      assertNotNull(
          at(user, "serviceAccountClientId"), stringAt(user, "username") + " is a person");
      assertNull(at(user, "credentials"), stringAt(user, "username") + " has a password");
    }
    assertEquals(
        List.of("service-account-forestall-admin"),
        users.stream().map(u -> stringAt(u, "username")).toList());
    assertNull(production.get("groups"), "tenants' groups are made by provisioning");
  }

  @Test
  void theDemoHasTheDemoLoginsOfTheReadmeAndTheirPasswordGrant() {
    String readme = AppVariables.text("README.md");
    String logins =
        readme.substring(readme.indexOf("## Demo logins"), readme.indexOf("## Addresses"));
    Set<String> documented =
        DEMO_LOGIN.matcher(logins).results().map(m -> m.group(1)).collect(Collectors.toSet());
    Set<String> people =
        listAt(demo, "users").stream()
            .filter(u -> at(u, "serviceAccountClientId") == null)
            .map(u -> stringAt(u, "username"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(documented), people);
    assertEquals(true, at(client(demo, "forestall-cli"), "directAccessGrantsEnabled"));
    assertEquals(true, at(client(demo, "forestall-cli"), "publicClient"));
  }

  @Test
  void productionHasTheDemosClientsRolesAndUserProfile() {
    assertEquals(roles(demo), roles(production));
    assertEquals(clientIds(demo), clientIds(production));
    for (String id : clientIds(demo)) {
      Map<String, Object> was = client(demo, id);
      Map<String, Object> is = client(production, id);
      for (String key :
          List.of(
              "publicClient",
              "clientAuthenticatorType",
              "standardFlowEnabled",
              "serviceAccountsEnabled",
              "protocolMappers")) {
        assertEquals(was.get(key), is.get(key), id + " " + key);
      }
    }
    assertEquals(
        at(demo, "components", "org.keycloak.userprofile.UserProfileProvider"),
        at(production, "components", "org.keycloak.userprofile.UserProfileProvider"));
    String profile =
        stringAt(
            demo,
            "components",
            "org.keycloak.userprofile.UserProfileProvider",
            0,
            "config",
            "kc.user.profile.config",
            0);
    assertTrue(profile.contains("\"name\": \"tenant\""), "the tenant attribute is declared");
    assertEquals(serviceAccountRoles(demo), serviceAccountRoles(production));
    for (String realmSetting :
        List.of("realm", "accessTokenLifespan", "ssoSessionIdleTimeout", "supportedLocales")) {
      assertEquals(demo.get(realmSetting), production.get(realmSetting), realmSetting);
    }
  }

  /**
   * The clients' secrets and the login's return address come from Keycloak's environment when it
   * imports the file, never from the file. The login returns only to the app's address,
   * FORESTALL_APP_URL, which only Keycloak's import reads: never to the customers' host of
   * FORESTALL_PUBLIC_URL, which serves nothing but their pages.
   */
  @Test
  void productionTakesItsSecretsAndTheAppsAddressFromTheEnvironment() {
    Map<String, Object> web = client(production, "forestall-web");
    assertEquals("${FORESTALL_OIDC_SECRET}", at(web, "secret"));
    assertEquals(
        "${FORESTALL_KEYCLOAK_ADMIN_SECRET}", at(client(production, "forestall-admin"), "secret"));
    assertEquals(List.of("${FORESTALL_APP_URL}/*"), listAt(web, "redirectUris"));
    assertEquals("${FORESTALL_APP_URL}", at(web, "rootUrl"));
    assertEquals("${FORESTALL_APP_URL}/*", at(web, "attributes", "post.logout.redirect.uris"));
    String text = AppVariables.text("src/main/keycloak/forestall-realm-production.json");
    assertFalse(text.contains("localhost"), "a developer's address");
    assertFalse(text.contains("demo"), "a demo value");
    assertFalse(text.contains("FORESTALL_PUBLIC_URL"), "the customers' host as a login address");
    assertEquals(
        Set.of("FORESTALL_OIDC_SECRET", "FORESTALL_KEYCLOAK_ADMIN_SECRET", "FORESTALL_APP_URL"),
        placeholders(text));
    assertFalse(AppVariables.read().reads("FORESTALL_APP_URL"), "the nodes do not read it");
  }

  /** The variables production's realm file needs in Keycloak's environment when it is imported. */
  static Set<String> placeholders(String realm) {
    return PLACEHOLDER
        .matcher(realm)
        .results()
        .map(m -> m.group(1))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> roles(Map<String, Object> realm) {
    return listAt(realm, "roles", "realm").stream()
        .map(r -> stringAt(r, "name"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> clientIds(Map<String, Object> realm) {
    return clients(realm).keySet();
  }

  private static Map<String, Object> client(Map<String, Object> realm, String id) {
    Map<String, Object> client = clients(realm).get(id);
    assertNotNull(client, "client " + id);
    return client;
  }

  private static Map<String, Map<String, Object>> clients(Map<String, Object> realm) {
    return listAt(realm, "clients").stream()
        .map(c -> mapAt(c))
        .collect(
            Collectors.toMap(
                c -> stringAt(c, "clientId"), Function.identity(), (a, b) -> a, TreeMap::new));
  }

  private static Object serviceAccountRoles(Map<String, Object> realm) {
    return listAt(realm, "users").stream()
        .filter(u -> "forestall-admin".equals(at(u, "serviceAccountClientId")))
        .map(u -> at(u, "clientRoles"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no service account for forestall-admin"));
  }
}
