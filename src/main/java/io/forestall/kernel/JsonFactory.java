package io.forestall.kernel;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider everyone uses. {@code jakarta.json.Json}'s static methods look the
 * provider up through the ServiceLoader on every call, which in a deployment means scanning
 * class-loader resources per request; this looks it up once.
 */
public final class JsonFactory {

  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonFactory() {}
}
