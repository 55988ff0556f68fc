package io.forestall.outreach.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.forestall.kernel.NotFoundException;
import io.forestall.outreach.ActionPages;
import io.forestall.outreach.ActionTokens;
import io.forestall.platform.rest.RateLimiter;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's action page, public and served only on the public origin: {@code GET /r/{token}}
 * shows the message, {@code POST} takes an answer, a score or consent and redirects back; {@code
 * GET /opt-out} asks to confirm and its {@code POST} (also RFC 8058's one-click POST from mail
 * clients) opts out; {@code /open.gif} counts an open. Opening a link changes nothing but the
 * counts of opens and clicks, since mail scanners open links too. The page runs no script at all:
 * its policy allows only its own style and forms to itself. A bad token gets a plain page saying
 * why.
 */
@WebServlet("/r/*")
public class ActionPageServlet extends HttpServlet {

  private static final Pattern PATH = Pattern.compile("/([^/]+)(/opt-out|/open\\.gif|/offer)?");
  private static final byte[] PIXEL =
      Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
  private static final Template PAGE = template();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Requests a second one client address may make of the public pages, bursts of twice that. */
  static final int PER_ADDRESS = 10;

  @Inject ActionPages pages;
  @Inject RateLimiter limiter;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    long wait = limiter.acquire("public:" + request.getRemoteAddr(), PER_ADDRESS);
    if (wait > 0) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(wait));
      render(response, problem(request, "action.busy.title", "action.busy.text"));
      return;
    }
    super.service(request, response);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher path = PATH.matcher(String.valueOf(request.getPathInfo()));
    if (!path.matches()) {
      refused(request, response, ActionTokens.Refusal.MALFORMED);
      return;
    }
    String token = path.group(1);
    if ("/open.gif".equals(path.group(2))) {
      pages.opened(token);
      response.setContentType("image/gif");
      response.setHeader("Cache-Control", "no-store");
      response.getOutputStream().write(PIXEL);
      return;
    }
    if ("/offer".equals(path.group(2))) {
      offer(request, response, token);
      return;
    }
    respond(
        request, response, token, () -> pages.open(token, true), "/opt-out".equals(path.group(2)));
  }

  /** The offer's link: counts the click and sends the customer on to the offer. */
  private void offer(HttpServletRequest request, HttpServletResponse response, String token)
      throws IOException {
    try {
      var target = pages.offerClicked(token);
      if (target.isPresent()) {
        response.sendRedirect(target.get());
      } else {
        refused(request, response, null);
      }
    } catch (ActionPages.RefusedException e) {
      refused(request, response, e.refusal());
    } catch (NotFoundException e) {
      refused(request, response, null);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding("UTF-8");
    Matcher path = PATH.matcher(String.valueOf(request.getPathInfo()));
    if (!path.matches() || "/open.gif".equals(path.group(2)) || "/offer".equals(path.group(2))) {
      refused(request, response, ActionTokens.Refusal.MALFORMED);
      return;
    }
    String token = path.group(1);
    respond(
        request,
        response,
        token,
        () -> {
          if ("/opt-out".equals(path.group(2))) {
            pages.optOut(token);
          } else if ("accept".equals(request.getParameter("offer"))) {
            pages.acceptOffer(token);
          } else if (request.getParameter("option") != null) {
            pages.answer(token, ActionPages.Answer.OPTION, request.getParameter("option"));
          } else if (request.getParameter("answer") != null) {
            pages.answer(token, answer(request.getParameter("answer")), null);
          } else if (request.getParameter("csat") != null) {
            pages.rate(token, score(request.getParameter("csat")));
          } else if ("yes".equals(request.getParameter("consent"))) {
            pages.optIn(token);
          } else {
            throw new IllegalArgumentException("Nothing was answered");
          }
          return null;
        },
        false);
  }

  private interface Work {
    ActionPages.Page run();
  }

  /** Runs the work; a page is shown, a change redirects to the page (post, redirect, get). */
  private void respond(
      HttpServletRequest request,
      HttpServletResponse response,
      String token,
      Work work,
      boolean confirmOptOut)
      throws IOException {
    ActionPages.Page page;
    try {
      page = work.run();
    } catch (ActionPages.RefusedException e) {
      refused(request, response, e.refusal());
      return;
    } catch (NotFoundException e) {
      refused(request, response, null);
      return;
    } catch (IllegalArgumentException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      render(response, problem(request, "action.bad.title", "action.bad.text"));
      return;
    }
    if (page == null) {
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", page(request, token));
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    Map<String, Object> model = model(page, page(request, token));
    model.put("confirmOptOut", confirmOptOut && !page.optedOut());
    render(response, model);
  }

  private static ActionPages.Answer answer(String value) {
    try {
      return ActionPages.Answer.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown answer " + value, e);
    }
  }

  private static int score(String value) {
    if (!value.matches("[1-5]")) {
      throw new IllegalArgumentException("A score is 1 to 5");
    }
    return Integer.parseInt(value);
  }

  private static String page(HttpServletRequest request, String token) {
    return request.getContextPath() + "/r/" + token;
  }

  private Map<String, Object> model(ActionPages.Page page, String self) {
    ResourceBundle text = bundle(Locale.forLanguageTag(page.language()));
    Map<String, Object> model = new HashMap<>();
    model.put("language", page.language());
    model.put("tenant", page.tenantName());
    model.put("brand", "saga-blue".equals(page.theme()) ? "#2196f3" : "#2f7d5b");
    model.put("brandDark", "saga-blue".equals(page.theme()) ? "#1565c0" : "#1f4f3a");
    model.put("title", page.title());
    model.put("body", page.bodyHtml());
    model.put("t", strings(text));
    model.put("options", page.options());
    model.put("hasOptions", !page.options().isEmpty());
    model.put("preEmpt", "PRE_EMPT".equals(page.level()));
    model.put("answered", page.answer() != null);
    if (page.answer() != null) {
      String said = text.getString("action.answered." + page.answer().name());
      model.put(
          "answeredText", page.answerDetail() == null ? said : said + " " + page.answerDetail());
    }
    model.put("askCsat", page.answer() != null && page.csat() == null);
    model.put("rated", page.csat() != null);
    model.put("ratedText", text.getString("action.rated"));
    model.put("optedOut", page.optedOut());
    model.put("offer", page.offerTitle() != null);
    model.put("offerTitle", page.offerTitle());
    model.put("offerDescription", page.offerDescription());
    model.put("offerAccepted", page.offerAccepted());
    model.put("offerLink", self + "/offer");
    model.put("optedOutText", text.getString("action.optedOut." + page.channel().name()));
    model.put("optOutAction", self + "/opt-out");
    return model;
  }

  private void refused(
      HttpServletRequest request, HttpServletResponse response, ActionTokens.Refusal why)
      throws IOException {
    String key = why == null ? "gone" : why.name().toLowerCase(Locale.ROOT);
    response.setStatus(
        why == ActionTokens.Refusal.EXPIRED
            ? HttpServletResponse.SC_GONE
            : why == ActionTokens.Refusal.FORGED
                ? HttpServletResponse.SC_FORBIDDEN
                : why == null
                    ? HttpServletResponse.SC_NOT_FOUND
                    : HttpServletResponse.SC_BAD_REQUEST);
    render(
        response,
        problem(request, "action.refused." + key + ".title", "action.refused." + key + ".text"));
  }

  private Map<String, Object> problem(HttpServletRequest request, String title, String text) {
    ResourceBundle bundle = bundle(request.getLocale());
    Map<String, Object> model = new HashMap<>();
    model.put(
        "language",
        bundle.getLocale().getLanguage().isEmpty() ? "en" : bundle.getLocale().getLanguage());
    model.put("tenant", "Forestall");
    model.put("brand", "#2f7d5b");
    model.put("brandDark", "#1f4f3a");
    model.put("title", bundle.getString(title));
    model.put("refused", true);
    model.put("refusedTitle", bundle.getString(title));
    model.put("refusedText", bundle.getString(text));
    return model;
  }

  /**
   * Writes the page under a policy that runs no script, loads nothing but https images, sends forms
   * only to this origin and lets no other site frame it; its one style element carries a nonce of
   * this answer.
   */
  private static void render(HttpServletResponse response, Map<String, Object> model)
      throws IOException {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    String n = Base64.getEncoder().encodeToString(nonce);
    model.put("nonce", n);
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'nonce-"
            + n
            + "'; style-src-attr 'unsafe-inline'; img-src https: data:; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write(PAGE.execute(model));
  }

  private static Map<String, String> strings(ResourceBundle bundle) {
    Map<String, String> strings = new HashMap<>();
    Enumeration<String> keys = bundle.getKeys();
    while (keys.hasMoreElements()) {
      String key = keys.nextElement();
      if (key.startsWith("action.")) {
        strings.put(key.substring("action.".length()), bundle.getString(key));
      }
    }
    return strings;
  }

  private static ResourceBundle bundle(Locale locale) {
    Locale chosen = "de".equals(locale.getLanguage()) ? Locale.GERMAN : Locale.ROOT;
    return ResourceBundle.getBundle("io.forestall.messages", chosen);
  }

  private static Template template() {
    try (Reader reader =
        new InputStreamReader(
            ActionPageServlet.class.getResourceAsStream("action-page.html"),
            StandardCharsets.UTF_8)) {
      return Mustache.compiler().defaultValue("").compile(reader);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the action page template", e);
    }
  }
}
