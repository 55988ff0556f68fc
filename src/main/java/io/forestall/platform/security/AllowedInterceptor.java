package io.forestall.platform.security;

import io.forestall.kernel.AccessDeniedException;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.Caller;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@link Allowed} on service methods against the caller bound for this unit of work. */
@Allowed
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class AllowedInterceptor {

  @AroundInvoke
  Object check(InvocationContext invocation) throws Exception {
    Allowed allowed = invocation.getMethod().getAnnotation(Allowed.class);
    if (allowed == null) {
      allowed = invocation.getMethod().getDeclaringClass().getAnnotation(Allowed.class);
    }
    Caller caller = Caller.current().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    if (allowed != null && allowed.value().length > 0 && !caller.hasAnyRole(allowed.value())) {
      throw new AccessDeniedException(
          caller.username() + " may not call " + invocation.getMethod().getName());
    }
    return invocation.proceed();
  }
}
