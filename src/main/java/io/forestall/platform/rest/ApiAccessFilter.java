package io.forestall.platform.rest;

import io.forestall.kernel.Caller;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The API answers 401 with a problem document to any request that carries no valid credentials; the
 * request filter has already bound the caller of every request that does.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAccessFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (Caller.current().isEmpty() && !isPublic()) {
      Response problem =
          ProblemJson.of(
                  401,
                  "Unauthorized",
                  "Send an access token or API key as 'Authorization: Bearer <token>'.")
              .toResponse();
      request.abortWith(
          Response.fromResponse(problem)
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"forestall\"")
              .build());
    }
  }

  private boolean isPublic() {
    return resource.getResourceClass() != null
        && (resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class)
            || resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class));
  }
}
