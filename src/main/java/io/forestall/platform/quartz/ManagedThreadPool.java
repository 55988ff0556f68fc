package io.forestall.platform.quartz;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.quartz.spi.ThreadPool;

/**
 * Quartz worker threads borrowed from the container's managed executor, so jobs run with the
 * deployment's naming, security and class-loading context. At most {@code size} jobs run at once on
 * this node.
 */
public final class ManagedThreadPool implements ThreadPool {

  private final ManagedExecutorService executor;
  private final int size;
  private final Object lock = new Object();
  private int busy;
  private boolean shutdown;

  public ManagedThreadPool(ManagedExecutorService executor, int size) {
    this.executor = executor;
    this.size = size;
  }

  @Override
  public boolean runInThread(Runnable job) {
    synchronized (lock) {
      while (busy >= size && !shutdown) {
        awaitQuietly();
      }
      if (shutdown) {
        return false;
      }
      busy++;
    }
    try {
      executor.execute(
          () -> {
            try {
              job.run();
            } finally {
              release();
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      release();
      return false;
    }
  }

  @Override
  public int blockForAvailableThreads() {
    synchronized (lock) {
      while (busy >= size && !shutdown) {
        awaitQuietly();
      }
      return size - busy;
    }
  }

  @Override
  public void initialize() {}

  @Override
  public void shutdown(boolean waitForJobsToComplete) {
    synchronized (lock) {
      shutdown = true;
      lock.notifyAll();
      while (waitForJobsToComplete && busy > 0) {
        awaitQuietly();
      }
    }
  }

  @Override
  public int getPoolSize() {
    return size;
  }

  @Override
  public void setInstanceId(String schedInstId) {}

  @Override
  public void setInstanceName(String schedName) {}

  private void release() {
    synchronized (lock) {
      busy--;
      lock.notifyAll();
    }
  }

  private void awaitQuietly() {
    try {
      lock.wait(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutdown = true;
    }
  }
}
