package io.forestall.tenants;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.kernel.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provisions tenants through Keycloak's Admin REST API, authenticated as the {@code
 * forestall-admin} service account (client credentials), which may only manage users and groups of
 * the realm.
 */
@ApplicationScoped
class KeycloakProvisioning implements IdentityProvisioning {

  private static final String PASSWORD_CHARS =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  @ConfigProperty(name = "forestall.keycloak.url", defaultValue = "http://localhost:8180")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "forestall.keycloak.realm", defaultValue = "forestall")
  String realm;

  @Inject
  @ConfigProperty(name = "forestall.keycloak.admin-client", defaultValue = "forestall-admin")
  String clientId;

  @Inject
  @ConfigProperty(name = "forestall.keycloak.admin-secret", defaultValue = "forestall-admin-secret")
  String clientSecret;

  @Override
  public String provisionTenant(String slug, String name, String adminUsername, String adminEmail) {
    Client client =
        ClientBuilder.newBuilder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(15, TimeUnit.SECONDS)
            .build();
    try {
      String token = "Bearer " + serviceToken(client);
      String admin = baseUrl + "/admin/realms/" + realm;
      JsonObject group =
          JSON.createObjectBuilder()
              .add("name", slug)
              .add(
                  "attributes",
                  JSON.createObjectBuilder().add("tenant", JSON.createArrayBuilder().add(slug)))
              .build();
      expect(post(client, admin + "/groups", token, group), "create group " + slug);

      String password = oneTimePassword();
      JsonObject user =
          JSON.createObjectBuilder()
              .add("username", adminUsername)
              .add("email", adminEmail)
              .add("enabled", true)
              .add(
                  "attributes",
                  JSON.createObjectBuilder().add("tenant", JSON.createArrayBuilder().add(slug)))
              .add("groups", JSON.createArrayBuilder().add("/" + slug))
              .add(
                  "credentials",
                  JSON.createArrayBuilder()
                      .add(
                          JSON.createObjectBuilder()
                              .add("type", "password")
                              .add("value", password)
                              .add("temporary", true)))
              .build();
      Response created = post(client, admin + "/users", token, user);
      expect(created, "create user " + adminUsername);
      String userUrl = created.getLocation().toString();

      JsonObject role =
          client
              .target(admin + "/roles/tenant-admin")
              .request(MediaType.APPLICATION_JSON)
              .header("Authorization", token)
              .get(JsonObject.class);
      expect(
          client
              .target(userUrl + "/role-mappings/realm")
              .request()
              .header("Authorization", token)
              .post(Entity.json(JSON.createArrayBuilder().add(role).build().toString())),
          "grant tenant-admin to " + adminUsername);
      return password;
    } finally {
      client.close();
    }
  }

  private String serviceToken(Client client) {
    Form form =
        new Form()
            .param("grant_type", "client_credentials")
            .param("client_id", clientId)
            .param("client_secret", clientSecret);
    Response response =
        client
            .target(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token")
            .request(MediaType.APPLICATION_JSON)
            .post(Entity.form(form));
    expect(response, "authenticate to Keycloak");
    return response.readEntity(JsonObject.class).getString("access_token");
  }

  private static Response post(Client client, String url, String token, JsonObject body) {
    return client
        .target(url)
        .request(MediaType.APPLICATION_JSON)
        .header("Authorization", token)
        .post(Entity.json(body.toString()));
  }

  private static void expect(Response response, String what) {
    int status = response.getStatus();
    if (status == 409) {
      response.close();
      throw new ConflictException("Keycloak already has this: cannot " + what);
    }
    if (status >= 300) {
      String body = response.readEntity(String.class);
      throw new IllegalStateException("Keycloak refused to " + what + " (" + status + "): " + body);
    }
  }

  private static String oneTimePassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      password.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
    }
    return password.toString();
  }
}
