package io.forestall.outreach;

/**
 * How an SMS text travels: in the GSM 7-bit alphabet (160 characters, or 153 per part when split)
 * or, when one character is outside it, in UCS-2 (70, or 67 per part).
 *
 * @param units characters as the network counts them (GSM's extension characters count twice)
 */
public record SmsLength(int units, boolean unicode, int segments) {

  private static final String GSM =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

  public static SmsLength of(String text) {
    int gsmUnits = 0;
    boolean unicode = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (GSM.indexOf(c) >= 0) {
        gsmUnits++;
      } else if (GSM_EXTENSION.indexOf(c) >= 0) {
        gsmUnits += 2;
      } else {
        unicode = true;
      }
    }
    if (unicode) {
      int units = text.codePointCount(0, text.length());
      int utf16 = text.length();
      return new SmsLength(units, true, segments(utf16, 70, 67));
    }
    return new SmsLength(gsmUnits, false, segments(gsmUnits, 160, 153));
  }

  private static int segments(int units, int single, int perPart) {
    if (units == 0) {
      return 0;
    }
    return units <= single ? 1 : (units + perPart - 1) / perPart;
  }
}
