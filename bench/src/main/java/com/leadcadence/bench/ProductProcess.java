package com.leadcadence.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product as the README's first command starts it, {@code java -jar api/target/lead-cadence.jar server
 * config/dev.yml}, as a child process of the benchmark with its output in a log file.
 */
final class ProductProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final Thread killOnExit;

  private ProductProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.killOnExit = new Thread(process::destroyForcibly, "product-kill");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  static ProductProcess start(Path workDir, Path jar, Path config, List<String> jvmOptions,
      Map<String, String> env, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "server", config.toString()));
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // Nothing of the caller's environment may redirect the product elsewhere.
    for (String name : List.of("TEMPORAL_ADDRESS", "SENDERS_MODE", "DATABASE_USER", "DATABASE_PASSWORD",
        "TWILIO_MESSAGING_SERVICE_SID", "SENDGRID_WEBHOOK_PUBLIC_KEY", "SENDGRID_ASM_GROUP_ID")) {
      builder.environment().remove(name);
    }
    builder.environment().putAll(env);
    return new ProductProcess(builder.start(), log);
  }

  long pid() {
    return process.pid();
  }

  /**
   * CPU time the product's JVM has used so far (user + system, all its threads: API, worker, embedded
   * Temporal server), or -1 where the platform does not say. Unlike rates and latencies, CPU per lead
   * barely moves when other processes load the machine.
   */
  /** The CPU used so far by the machine, this process and the local database server. */
  CpuUse cpu() {
    return CpuUse.now(Optional.of(process.toHandle()));
  }

  Path log() {
    return log;
  }

  /** Waits until the API answers the demo key (404 for a lead that does not exist). */
  void awaitReady(HttpClient http, int apiPort, String apiKey, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/v1/leads/0"))
        .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(2)).GET().build();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the product exited with " + process.exitValue() + "; its log ("
            + log + ") ends with:\n" + tail(40));
      }
      try {
        int status = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 404 || status == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the product did not answer within " + timeout + "; its log (" + log
            + ") ends with:\n" + tail(40));
      }
      Thread.sleep(200);
    }
  }

  /** The peak resident set (VmHWM) of the product's JVM so far, in KiB; -1 where /proc has none. */
  long peakRssKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or gone
    }
    return -1;
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** SIGTERM (so that a flight recording is written), then SIGKILL after 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // shutting down already
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
