package io.forestall.customers;

/**
 * One page of the customer list: an optional search text (matches external id, name, email or
 * phone), a sort field from {@link #SORTABLE} and a page window.
 */
public record CustomerQuery(
    String search, String sortField, boolean ascending, int offset, int limit) {

  /** The fields a list may sort by, mapped to entity attributes. */
  public static final java.util.Set<String> SORTABLE =
      java.util.Set.of("externalId", "name", "email", "updatedAt", "createdAt");

  public CustomerQuery {
    if (sortField == null || !SORTABLE.contains(sortField)) {
      sortField = "updatedAt";
      ascending = false;
    }
    offset = Math.max(0, offset);
    limit = Math.min(Math.max(1, limit), 500);
  }

  public static CustomerQuery firstPage(int limit) {
    return new CustomerQuery(null, null, false, 0, limit);
  }
}
