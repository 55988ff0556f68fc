package io.forestall.platform.rest;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures as 400 problems; declared apart so it wins over RESTEasy's own mapper.
 */
@Provider
public class ViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException failure) {
    return ProblemMappers.problemFor(failure).toResponse();
  }
}
