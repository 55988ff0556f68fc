package io.forestall.platform.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} names each bad input ({@code pointer} is a JSON
 * pointer into the request body, or a parameter name) so a client can fix all of them at once.
 */
public record ProblemJson(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One bad input: where it is and what is wrong with it. */
  public record FieldError(String pointer, String message) {}

  public static ProblemJson of(int status, String title, String detail) {
    return new ProblemJson("about:blank", title, status, detail, List.of());
  }

  public static ProblemJson invalid(String detail, List<FieldError> errors) {
    return new ProblemJson(
        "https://forestall.io/problems/invalid-input", "Invalid input", 400, detail, errors);
  }

  public JsonObject toJson() {
    JsonObjectBuilder json =
        JSON.createObjectBuilder().add("type", type).add("title", title).add("status", status);
    if (detail != null) {
      json.add("detail", detail);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = JSON.createArrayBuilder();
      errors.forEach(
          e ->
              list.add(
                  JSON.createObjectBuilder()
                      .add("pointer", e.pointer())
                      .add("message", e.message())));
      json.add("errors", list);
    }
    return json.build();
  }

  public Response toResponse() {
    return Response.status(status)
        .type(MediaType.valueOf(MEDIA_TYPE))
        .entity(toJson().toString())
        .build();
  }

  /** Writes the problem straight to a servlet response, for filters that run before JAX-RS. */
  public static void write(HttpServletResponse response, ProblemJson problem) throws IOException {
    response.setStatus(problem.status());
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(problem.toJson().toString());
  }
}
