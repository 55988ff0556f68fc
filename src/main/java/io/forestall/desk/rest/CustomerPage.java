package io.forestall.desk.rest;

import java.util.List;

/** One page of customers with the total that matched. */
public record CustomerPage(List<CustomerJson> items, long total, int offset, int limit) {}
