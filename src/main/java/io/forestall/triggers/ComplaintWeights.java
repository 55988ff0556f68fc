package io.forestall.triggers;

/**
 * How much each signal of a complex complaint adds to its score (capped at 100), per tenant. The
 * signals come from research on complainers: attachments, length against the tenant's average, time
 * of day, mention of money, and a large-screen device.
 *
 * @param perAttachment points per attachment, up to {@code attachmentsMax}
 * @param longText points when the text is at least 30 % longer than the tenant's average
 * @param timing points for a weekend afternoon, or early morning or late evening on a weekday
 * @param money points when the text mentions money or financial impact
 * @param device points when sent from a desktop or laptop
 * @param skilledTeam the team complex complaints go to at once
 * @param frontlineTeam the team simple complaints go to, with a 5-minute target
 */
public record ComplaintWeights(
    int perAttachment,
    int attachmentsMax,
    int longText,
    int timing,
    int money,
    int device,
    String skilledTeam,
    String frontlineTeam) {

  public static final ComplaintWeights DEFAULTS =
      new ComplaintWeights(10, 30, 20, 15, 20, 15, "Resolution hub", "Frontline");
}
