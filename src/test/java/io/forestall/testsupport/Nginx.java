package io.forestall.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's nginx in front of Forestall nodes on this machine, as a load balancer would be: one
 * client address keeps its node ({@code ip_hash}) until that node stops answering, then the next
 * takes the request; a node that failed gets requests again 5 s later. A request already sent to a
 * node that dies is not sent again: it may have changed something. Each answer names its node in
 * {@code X-Upstream}.
 */
public final class Nginx implements AutoCloseable {

  private final Path dir = Path.of("target", "cluster-nginx").toAbsolutePath();
  private final int port;
  private Process process;

  public Nginx(int port) {
    this.port = port;
  }

  public String url() {
    return "http://localhost:" + port;
  }

  /** Starts nginx balancing over {@code upstreams} (host:port), waiting until it listens. */
  public void start(List<String> upstreams) throws IOException {
    boolean installed =
        Stream.of(System.getenv("PATH").split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "nginx")));
    if (!installed) {
      throw new IllegalStateException("nginx is not installed: apt-get install -y nginx-light");
    }
    Files.createDirectories(dir.resolve("temp"));
    String servers =
        upstreams.stream()
            .map(u -> "    server " + u + " max_fails=1 fail_timeout=5s;")
            .collect(Collectors.joining("\n"));
    Files.writeString(
        dir.resolve("nginx.conf"),
        """
        worker_processes 1;
        error_log %1$s/error.log warn;
        pid %1$s/nginx.pid;
        events { worker_connections 256; }
        http {
          access_log off;
          client_body_temp_path %1$s/temp/body;
          proxy_temp_path %1$s/temp/proxy;
          fastcgi_temp_path %1$s/temp/fastcgi;
          uwsgi_temp_path %1$s/temp/uwsgi;
          scgi_temp_path %1$s/temp/scgi;
          upstream forestall {
            ip_hash;
        %2$s
          }
          server {
            listen 127.0.0.1:%3$d;
            location / {
              proxy_pass http://forestall;
              proxy_set_header Host $http_host;
              proxy_connect_timeout 2s;
              proxy_next_upstream error timeout http_502 http_503;
              add_header X-Upstream $upstream_addr always;
            }
          }
        }
        """
            .formatted(dir, servers, port));
    process =
        new ProcessBuilder("nginx", "-p", dir.toString(), "-c", "nginx.conf", "-g", "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nginx.out").toFile())
            .start();
    Wait.until(
        "nginx listens on :" + port + " (see " + dir.resolve("nginx.out") + ")",
        Duration.ofSeconds(10),
        () -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("nginx did not start; see " + dir.resolve("nginx.out"));
          }
          try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
          } catch (IOException notYet) {
            return false;
          }
        });
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor();
    }
  }
}
