package io.forestall.playbooks.rest;

import io.forestall.platform.rest.ProblemJson;
import io.forestall.playbooks.InvalidPlaybookException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A playbook that breaks the rules: 400, each mistake with its JSON pointer. */
@Provider
public class InvalidPlaybookMapper implements ExceptionMapper<InvalidPlaybookException> {

  @Override
  public Response toResponse(InvalidPlaybookException e) {
    return ProblemJson.invalid(
            e.getMessage(),
            e.violations().stream()
                .map(v -> new ProblemJson.FieldError(v.pointer(), v.message()))
                .toList())
        .toResponse();
  }
}
