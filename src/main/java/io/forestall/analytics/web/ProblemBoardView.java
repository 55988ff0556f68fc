package io.forestall.analytics.web;

import io.forestall.analytics.AnalyticsService;
import io.forestall.analytics.Board;
import io.forestall.analytics.BoardLine;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backs analytics/board.xhtml: the close-the-loop board, root causes ranked by failure demand, so
 * the business sees which fix pays.
 */
@Named
@ViewScoped
public class ProblemBoardView implements Serializable {

  @Inject AnalyticsService analytics;

  private Board board;

  public void load() {
    board = analytics.board();
  }

  public List<BoardLine> getLines() {
    return board.lines();
  }

  public String getCostPerContact() {
    return Figures.money(board.costPerContact(), board.currency());
  }

  public String money(BoardLine line) {
    return Figures.money(line.failureDemand(), line.currency());
  }
}
