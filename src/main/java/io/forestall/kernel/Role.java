package io.forestall.kernel;

/** The Keycloak realm roles Forestall knows. */
public final class Role {

  public static final String PLATFORM_ADMIN = "platform-admin";
  public static final String TENANT_ADMIN = "tenant-admin";
  public static final String AGENT = "agent";
  public static final String VIEWER = "viewer";

  /**
   * Machine clients that may push customers and events (an ingest-scoped API key, or a full one).
   */
  public static final String INGEST = "ingest";

  private Role() {}
}
