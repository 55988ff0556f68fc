package io.forestall.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Deployments;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pages are guarded by role: anonymous users go to Keycloak (and come back to the same address),
 * the wrong role gets the denied page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageAccessIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void anonymousVisitorsAreSentToTheKeycloakLogin() {
    for (String page :
        new String[] {
          "/",
          "/customers/list.xhtml",
          "/playbooks/list.xhtml",
          "/playbooks/edit.xhtml",
          "/cases/list.xhtml",
          "/tasks/queue.xhtml",
          "/outreach/templates.xhtml",
          "/outreach/template.xhtml",
          "/settings/audit.xhtml",
          "/settings/complaints.xhtml",
          "/settings/outreach.xhtml",
          "/settings/webhooks.xhtml",
          "/settings/closed-loop.xhtml",
          "/analytics/overview.xhtml",
          "/analytics/board.xhtml",
          "/platform/tenants.xhtml"
        }) {
      Answer answer = Api.get(page, null);
      assertEquals(302, answer.status(), page);
    }
  }

  /**
   * A link with a query, such as a task's in an email, leads back to itself after the login: the
   * redirect URI Keycloak gets keeps the query (wildfly.elytron.oidc.allow.query.params in
   * configure.cli). UnansweredRequestUiIT follows the whole round trip in a browser.
   */
  @Test
  void theLoginReturnsToTheLinkWithItsQuery() throws Exception {
    HttpResponse<Void> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Api.APP + "/tasks/task.xhtml?id=42")).build(),
                HttpResponse.BodyHandlers.discarding());
    assertEquals(302, answer.statusCode());
    String login = answer.headers().firstValue("Location").orElseThrow();
    assertTrue(login.startsWith("http://localhost:8180/realms/forestall/"), login);
    assertTrue(
        login.contains(
            "redirect_uri="
                + URLEncoder.encode(Api.APP + "/tasks/task.xhtml?id=42", StandardCharsets.UTF_8)
                + "&"),
        login);
  }

  @Test
  void anAgentCannotOpenTenantAdminOrPlatformPages() {
    String agent = Api.token("acme-agent");
    assertEquals(200, Api.get("/customers/list.xhtml", agent).status());
    assertEquals(403, Api.get("/settings/tenant.xhtml", agent).status());
    assertEquals(403, Api.get("/settings/complaints.xhtml", agent).status());
    assertEquals(403, Api.get("/settings/outreach.xhtml", agent).status());
    assertEquals(403, Api.get("/settings/webhooks.xhtml", agent).status());
    assertEquals(403, Api.get("/settings/closed-loop.xhtml", agent).status());
    assertEquals(200, Api.get("/analytics/board.xhtml", agent).status());
    assertEquals(403, Api.get("/platform/tenants.xhtml", agent).status());
  }

  @Test
  void aTenantAdminCannotOpenPlatformPages() {
    String admin = Api.token("acme-admin");
    assertEquals(200, Api.get("/settings/tenant.xhtml", admin).status());
    Answer platform = Api.get("/platform/tenants.xhtml", admin);
    assertEquals(403, platform.status());
    assertTrue(platform.body().contains("noticeTitle"), "the denied page, not a bare error");
  }

  @Test
  void thePlatformAdminSeesTenantsButNoTenantData() {
    String platform = Api.token("platform-admin");
    Answer tenants = Api.get("/platform/tenants.xhtml", platform);
    assertEquals(200, tenants.status());
    assertTrue(tenants.body().contains("acme") && tenants.body().contains("globex"));
    assertEquals(403, Api.get("/customers/list.xhtml", platform).status());
    assertEquals(403, Api.get("/api/v1/customers", platform).status());
  }
}
