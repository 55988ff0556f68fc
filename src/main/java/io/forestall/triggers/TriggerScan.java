package io.forestall.triggers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a trigger for a whole tenant: one compiled query, its rows read into matches. */
public final class TriggerScan {

  private TriggerScan() {}

  /** Who matches {@code trigger} in {@code scope}, with their findings; reads only. */
  public static List<Match> run(
      Connection connection,
      SqlDialect dialect,
      Trigger trigger,
      ScanScope scope,
      ComplaintScoring scoring)
      throws SQLException {
    CompiledScan scan = new TriggerCompiler(dialect).compile(trigger, scope);
    MatchReader reader = new MatchReader(trigger, scope.asOf(), scoring);
    List<Match> matches = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(scan.sql())) {
      for (int i = 0; i < scan.params().size(); i++) {
        query.setObject(i + 1, scan.params().get(i));
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          matches.add(reader.read(rows));
        }
      }
    }
    return matches;
  }
}
