package io.forestall.triggers;

import java.util.List;

/** One parameterised query that evaluates a trigger for a whole tenant at once. */
public record CompiledScan(String sql, List<Object> params) {}
