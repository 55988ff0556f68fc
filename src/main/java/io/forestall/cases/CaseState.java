package io.forestall.cases;

/** A case's way from detection to a verified fix, or back when the customer contacts us again. */
public enum CaseState {
  DETECTED,
  HELD_OUT,
  CONTACTED,
  RESPONDED,
  RESOLVED,
  VERIFIED,
  REOPENED
}
