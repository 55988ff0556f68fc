package io.forestall.kernel;

/** Nothing by that key exists for the current tenant; adapters answer 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, Object key) {
    super(what + " " + key + " not found");
  }
}
