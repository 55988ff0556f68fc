package io.forestall.cases;

import java.time.Instant;

/**
 * A case needs an agent. Fired, in the caller's transaction, by the features that find out (a
 * customer's answer, a remedy that could not be done, a message that could not be sent); the tasks
 * feature observes it and opens one task of the kind per case.
 *
 * @param summary what the agent reads first; null for the case's own summary
 */
public record TaskWanted(
    long caseId, String kind, String team, int priority, Instant due, String summary) {

  /** The customer asked for an agent on the action page. */
  public static final String TALK_TO_AGENT = "TALK_TO_AGENT";

  /** The customer declined (undid) a remedy, or the remedy could not be done. */
  public static final String DECLINED_REMEDY = "DECLINED_REMEDY";

  /** A message to the customer could not be sent. */
  public static final String FAILED_SEND = "FAILED_SEND";
}
