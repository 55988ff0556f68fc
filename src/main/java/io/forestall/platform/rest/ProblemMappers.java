package io.forestall.platform.rest;

import io.forestall.kernel.AccessDeniedException;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.ViolationException;
import io.forestall.platform.security.RequestIds;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves a resource into a problem document: the caller learns what was
 * wrong, never how the server is built. Unexpected failures are logged with an id the answer
 * repeats.
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    ProblemJson problem = problemFor(failure);
    Response response = problem.toResponse();
    if (unwrap(failure) instanceof ProblemException withHeaders
        && !withHeaders.headers().isEmpty()) {
      Response.ResponseBuilder builder = Response.fromResponse(response);
      withHeaders.headers().forEach(builder::header);
      return builder.build();
    }
    return response;
  }

  /** The problem document for a failure, as the API answers it. */
  public static ProblemJson problemFor(Throwable failure) {
    failure = unwrap(failure);
    if (failure instanceof ProblemException problem) {
      return problem.problem();
    }
    if (failure instanceof ConstraintViolationException violations) {
      return ProblemJson.invalid(
          "The request has " + violations.getConstraintViolations().size() + " invalid value(s).",
          violations.getConstraintViolations().stream()
              .map(v -> new ProblemJson.FieldError(pointer(v), v.getMessage()))
              .sorted(Comparator.comparing(ProblemJson.FieldError::pointer))
              .toList());
    }
    if (failure instanceof ViolationException broken) {
      return ProblemJson.invalid(
          broken.getMessage(),
          broken.violations().stream()
              .map(v -> new ProblemJson.FieldError(v.pointer(), v.message()))
              .toList());
    }
    if (failure instanceof InvalidInputException invalid) {
      return ProblemJson.invalid(invalid.getMessage(), invalid.errors());
    }
    if (failure instanceof JsonbException || failure instanceof JsonException) {
      return ProblemJson.invalid("The body is not valid JSON for this request.", List.of());
    }
    if (failure instanceof NotFoundException) {
      return ProblemJson.of(404, "Not found", failure.getMessage());
    }
    if (failure instanceof AccessDeniedException) {
      return ProblemJson.of(403, "Forbidden", failure.getMessage());
    }
    if (failure instanceof ConflictException || failure instanceof OptimisticLockException) {
      return ProblemJson.of(409, "Conflict", failure.getMessage());
    }
    if (failure instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("23")) {
      // A unique key lost a race with a concurrent request for the same data.
      return ProblemJson.of(
          409, "Conflict", "The data was changed concurrently; retry the request.");
    }
    if (failure instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      Response.Status known = Response.Status.fromStatusCode(status);
      String title = known != null ? known.getReasonPhrase() : "Error";
      return ProblemJson.of(status, title, webDetail(status));
    }
    String incident = RequestIds.current().orElseGet(() -> Long.toHexString(System.nanoTime()));
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
    return ProblemJson.of(
        500, "Internal error", "Something went wrong on our side (incident " + incident + ").");
  }

  /** Our own words for the framework's errors, which would otherwise name its internals. */
  private static String webDetail(int status) {
    return switch (status) {
      case 400 -> "The request could not be read.";
      case 404 -> "There is no resource at this address.";
      case 405 -> "This resource does not support that method.";
      case 406 -> "This resource cannot answer in the requested media type.";
      case 415 -> "Send the body as application/json.";
      default -> "The request cannot be served.";
    };
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while (current.getCause() != null
        && !(current instanceof ConstraintViolationException)
        && !(current instanceof WebApplicationException)
        && !(current instanceof NotFoundException)
        && !(current instanceof AccessDeniedException)
        && !(current instanceof InvalidInputException)
        && !(current instanceof ProblemException)) {
      current = current.getCause();
    }
    return current;
  }

  private static String pointer(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    int dot = path.indexOf('.');
    // Method-parameter paths look like "create.arg0.email": keep what follows the parameter.
    if (path.matches("^\\w+\\.\\w+\\..*")) {
      path = path.substring(path.indexOf('.', dot + 1) + 1);
    }
    return "/" + path.replace('.', '/');
  }
}
