package io.forestall.cases;

import java.time.Duration;

/** An agent task to open for a new case: its kind, team, priority and time to the SLA. */
public record NewTask(String kind, String team, int priority, Duration dueIn) {}
