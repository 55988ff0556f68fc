package io.forestall.customers.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Deployments;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The customers API over HTTP with real Keycloak tokens, as a tenant's integration calls it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomerResourceIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  private static String newId() {
    return "API-" + UUID.randomUUID();
  }

  @Test
  void upsertCreatesThenUpdatesAndReadsBack() {
    String token = Api.token("acme-admin");
    String id = newId();
    Answer created =
        Api.post(
            "/api/v1/customers",
            token,
            "{\"externalId\":\""
                + id
                + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\","
                + "\"timeZone\":\"Europe/London\",\"attributes\":{\"plan\":\"gold\",\"ltv\":120.5},"
                + "\"consent\":{\"email\":true,\"sms\":false}}");
    assertEquals(201, created.status(), created.body());
    assertEquals("gold", created.json().getJsonObject("attributes").getString("plan"));

    Answer updated =
        Api.post("/api/v1/customers", token, "{\"externalId\":\"" + id + "\",\"name\":\"Ada L.\"}");
    assertEquals(200, updated.status(), updated.body());

    JsonObject read = Api.get("/api/v1/customers/" + id, token).json();
    assertEquals("Ada L.", read.getString("name"));
    assertEquals("ada@example.com", read.getString("email"));
    assertTrue(read.getJsonObject("consent").getBoolean("email"));
  }

  @Test
  void anotherTenantGets404ForEveryWayIn() {
    String acme = Api.token("acme-admin");
    String id = newId();
    assertEquals(
        201, Api.post("/api/v1/customers", acme, "{\"externalId\":\"" + id + "\"}").status());

    String globex = Api.token("globex-admin");
    Answer direct = Api.get("/api/v1/customers/" + id, globex);
    assertEquals(404, direct.status());
    assertTrue(direct.contentType().startsWith("application/problem+json"));
    Answer search = Api.get("/api/v1/customers?q=" + id, globex);
    assertEquals(0, search.json().getInt("total"));
    Answer demo = Api.get("/api/v1/customers/ACME-1001", globex);
    assertEquals(404, demo.status());
  }

  @Test
  void noOrBadCredentialsGet401Problems() {
    Answer none = Api.get("/api/v1/customers", null);
    assertEquals(401, none.status());
    assertEquals("Unauthorized", none.json().getString("title"));
    Answer forged = Api.get("/api/v1/customers", "eyJhbGciOiJub25lIn0.e30.");
    assertEquals(401, forged.status());
  }

  @Test
  void viewersMayReadButNotWrite() {
    String viewer = Api.token("acme-viewer");
    assertEquals(200, Api.get("/api/v1/customers", viewer).status());
    Answer write = Api.post("/api/v1/customers", viewer, "{\"externalId\":\"" + newId() + "\"}");
    assertEquals(403, write.status());
    assertTrue(write.contentType().startsWith("application/problem+json"));
  }

  @Test
  void badInputGetsProblemsNamingEachField() {
    String token = Api.token("acme-agent");
    Answer invalid =
        Api.post(
            "/api/v1/customers",
            token,
            "{\"externalId\":\"\",\"email\":\"nope\",\"phone\":\"0171\",\"timeZone\":\"Mars/Base\"}");
    assertEquals(400, invalid.status());
    String pointers = invalid.json().getJsonArray("errors").toString();
    for (String field : new String[] {"/externalId", "/email", "/phone", "/timeZone"}) {
      assertTrue(pointers.contains("\"" + field + "\""), field + " in " + pointers);
    }

    Answer types =
        Api.post(
            "/api/v1/customers",
            token,
            "{\"externalId\":\"X\",\"name\":7,\"consent\":{\"email\":\"yes\"},\"colour\":\"red\"}");
    assertEquals(400, types.status());
    String typeErrors = types.json().getJsonArray("errors").toString();
    assertTrue(typeErrors.contains("/name") && typeErrors.contains("/consent/email"), typeErrors);
    assertTrue(typeErrors.contains("/colour"), typeErrors);

    assertEquals(400, Api.post("/api/v1/customers", token, "{\"externalId\":").status());
    assertEquals(400, Api.post("/api/v1/customers", token, "[1,2,3]").status());
    Answer missing = Api.get("/api/v1/customers/does-not-exist-" + newId(), token);
    assertEquals(404, missing.status());
    assertTrue(!missing.body().contains("Exception") && !missing.body().contains("RESTEASY"));
  }

  @Test
  void theOpenApiDocumentIsServed() {
    Answer openapi = Api.get("/openapi?format=JSON", null);
    assertEquals(200, openapi.status());
    assertTrue(openapi.json().getJsonObject("paths").containsKey("/api/v1/customers"));
  }
}
