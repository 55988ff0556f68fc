package io.forestall.platform.quartz;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.quartz.spi.ThreadExecutor;

/**
 * Starts Quartz's own long-lived threads (the scheduler loop, cluster check-in, misfire handling)
 * as container-managed threads instead of bare {@code new Thread()}.
 */
public final class ManagedThreadExecutor implements ThreadExecutor {

  private final ManagedThreadFactory factory;

  ManagedThreadExecutor(ManagedThreadFactory factory) {
    this.factory = factory;
  }

  @Override
  public void execute(Thread quartzThread) {
    Thread managed = factory.newThread(quartzThread);
    managed.setName(quartzThread.getName());
    managed.setDaemon(quartzThread.isDaemon());
    managed.start();
  }

  @Override
  public void initialize() {}
}
