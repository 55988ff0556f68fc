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

  /**
   * A customer holding a signed link to one message's action page: reads what that page shows and
   * records the customer's answer, consent and offer choice; nothing else.
   */
  public static final String CUSTOMER = "customer-link";

  private Role() {}
}
