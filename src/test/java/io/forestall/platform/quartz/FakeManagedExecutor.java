package io.forestall.platform.quartz;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.util.concurrent.ExecutorService;

/** A ManagedExecutorService seam for unit tests: every call goes to a plain executor. */
final class FakeManagedExecutor {

  private FakeManagedExecutor() {}

  static ManagedExecutorService of(ExecutorService delegate) {
    return (ManagedExecutorService)
        Proxy.newProxyInstance(
            FakeManagedExecutor.class.getClassLoader(),
            new Class<?>[] {ManagedExecutorService.class},
            (proxy, method, args) -> method.invoke(delegate, args));
  }
}
