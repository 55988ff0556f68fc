package io.forestall.events;

/** How a request's events were taken: new ones stored, and ones already known by their id. */
public record IngestResult(int accepted, int duplicates) {}
