package io.forestall.outreach.rest;

import io.forestall.outreach.InvalidTemplateException;
import io.forestall.platform.rest.ProblemJson;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A template that cannot be stored or published: 400, each mistake with its JSON pointer. */
@Provider
public class InvalidTemplateMapper implements ExceptionMapper<InvalidTemplateException> {

  @Override
  public Response toResponse(InvalidTemplateException e) {
    return ProblemJson.invalid(
            e.getMessage(),
            e.problems().stream()
                .map(p -> new ProblemJson.FieldError(p.pointer(), p.message()))
                .toList())
        .toResponse();
  }
}
