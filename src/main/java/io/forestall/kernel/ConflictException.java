package io.forestall.kernel;

/**
 * The request clashes with existing data (a duplicate key, a stale version); adapters answer 409.
 */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
