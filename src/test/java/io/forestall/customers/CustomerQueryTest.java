package io.forestall.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class CustomerQueryTest {

  @Test
  void unknownSortFieldsFallBackToNewestChangeFirst() {
    CustomerQuery query = new CustomerQuery("x", "name; drop table customer", true, 0, 20);
    assertEquals("updatedAt", query.sortField());
    assertFalse(query.ascending());
  }

  @Test
  void pagingIsClamped() {
    CustomerQuery query = new CustomerQuery(null, "name", true, -5, 10_000);
    assertEquals(0, query.offset());
    assertEquals(500, query.limit());
    assertEquals("name", query.sortField());
  }
}
