package io.forestall.analytics;

import java.math.BigDecimal;
import java.util.List;

/** The close-the-loop board: root causes by failure demand, priced at the tenant's cost. */
public record Board(BigDecimal costPerContact, String currency, List<BoardLine> lines) {}
