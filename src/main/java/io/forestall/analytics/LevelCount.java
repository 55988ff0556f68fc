package io.forestall.analytics;

/** One step of the tenant's proactivity pyramid: how many cases were handled at a level. */
public record LevelCount(String level, long cases) {}
