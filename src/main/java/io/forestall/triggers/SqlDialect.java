package io.forestall.triggers;

import java.util.regex.Pattern;

/**
 * The few expressions PostgreSQL and H2 spell differently. Attribute names always travel as bind
 * parameters; only these fixed fragments become SQL text.
 */
public enum SqlDialect {
  POSTGRESQL {
    @Override
    String jsonText(String column) {
      return "(cast(" + column + " as jsonb) ->> ?)";
    }

    @Override
    Object jsonKey(String attribute) {
      return attribute;
    }

    @Override
    String looksNumeric(String text) {
      return "(" + text + " ~ '" + NUMBER + "')";
    }
  },
  H2 {
    /** H2 cannot read JSON fields, so a top-level scalar is matched by a regular expression. */
    @Override
    String jsonText(String column) {
      return "nullif(regexp_substr(" + column + ", ?, 1, 1, '', 1), 'null')";
    }

    @Override
    Object jsonKey(String attribute) {
      return "\""
          + Pattern.quote(attribute)
          + "\"\\s*:\\s*\"?((?<=\")(?:[^\"\\\\]|\\\\.)*|[^,}\\s\"]*)";
    }

    @Override
    String looksNumeric(String text) {
      return "regexp_like(" + text + ", '" + NUMBER + "')";
    }
  };

  private static final String NUMBER = "^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$";

  /** The text of a top-level attribute of a JSON column; takes {@link #jsonKey} as parameter. */
  abstract String jsonText(String column);

  /** The bind parameter that names {@code attribute} for {@link #jsonText}. */
  abstract Object jsonKey(String attribute);

  /** Whether {@code text} holds a plain decimal number, so casting it cannot fail. */
  abstract String looksNumeric(String text);
}
