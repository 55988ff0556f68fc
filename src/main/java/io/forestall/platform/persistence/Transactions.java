package io.forestall.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Runs a unit of work in one transaction, so its many small reads share one connection and one
 * persistence context; for workers outside any request, such as the outbox dispatcher.
 */
@ApplicationScoped
public class Transactions {

  @Transactional
  public void run(Runnable work) {
    work.run();
  }
}
