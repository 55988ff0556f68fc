package io.forestall.kernel;

/** The caller may not do this; adapters answer 403 or show the access-denied page. */
public class AccessDeniedException extends RuntimeException {

  public AccessDeniedException(String message) {
    super(message);
  }
}
