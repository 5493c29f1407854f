package com.leadcadence.worker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.temporal.testserver.TestServer;
import java.net.BindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal Java test server bound to a real gRPC port, so the SDK, the {@code temporal} CLI and any
 * other client can reach it on 127.0.0.1:port. Real time (never time skipping: normal clients would see
 * timers jump). State lives in memory and is gone when the process stops.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTemporalServer.class);
  /** The test server's own packages; it logs every request at DEBUG, which costs ~20% throughput. */
  private static final String[] CHATTY_LOGGERS = {"io.temporal.internal.testservice", "io.temporal.testserver"};

  private final int port;
  private final TestServer.PortBoundTestServer server;

  private EmbeddedTemporalServer(int port, TestServer.PortBoundTestServer server) {
    this.port = port;
    this.server = server;
  }

  /**
   * Starts the server and registers the lead search attributes in the {@code default} namespace.
   *
   * @throws PortInUseException when something already listens on the port
   */
  public static EmbeddedTemporalServer start(int port) {
    quietTestServerLogging();
    TestServer.PortBoundTestServer server;
    try {
      // lockTimeSkipping = true: real time. Unlocked, timers would fire at once (30 days in seconds).
      server = TestServer.createPortBoundServer(port, true);
    } catch (RuntimeException e) {
      if (causedByBindFailure(e)) {
        throw new PortInUseException(port, e);
      }
      throw e;
    }
    EmbeddedTemporalServer embedded = new EmbeddedTemporalServer(port, server);
    SearchAttributeRegistrar.Result registered =
        SearchAttributeRegistrar.register(embedded.target().address(), TemporalTarget.DEFAULT_NAMESPACE);
    if (!registered.complete()) {
      embedded.close();
      throw new IllegalStateException(
          "embedded Temporal server refused the search attributes: " + registered.problem());
    }
    LOG.info("Embedded Temporal test server listening on 127.0.0.1:{} (namespace default)", port);
    return embedded;
  }

  public int port() {
    return port;
  }

  public TemporalTarget target() {
    return TemporalTarget.local(port);
  }

  @Override
  public void close() {
    server.close();
    LOG.info("Embedded Temporal test server on port {} stopped", port);
  }

  /** Raise the test server's loggers to INFO unless the configuration asked for something quieter. */
  private static void quietTestServerLogging() {
    if (!LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
      return; // another SLF4J backend: its own configuration decides
    }
    LogbackLevels.atLeastInfo(CHATTY_LOGGERS);
  }

  /** Loaded only when Logback is the backend (it is an optional dependency of this module). */
  private static final class LogbackLevels {
    static void atLeastInfo(String... names) {
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      for (String name : names) {
        ch.qos.logback.classic.Logger logger = context.getLogger(name);
        if (!logger.getEffectiveLevel().isGreaterOrEqual(Level.INFO)) {
          logger.setLevel(Level.INFO);
        }
      }
    }
  }

  /** A JDK BindException, or gRPC's native Netty transport saying the same in words. */
  private static boolean causedByBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (t instanceof BindException || message.contains("Address already in use")
          || message.startsWith("Failed to bind")) {
        return true;
      }
    }
    return false;
  }

  /** The configured port is taken: another Temporal server (or anything else) already listens there. */
  public static final class PortInUseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortInUseException(int port, Throwable cause) {
      super(
          "port "
              + port
              + " is already in use, so the embedded Temporal server cannot start: stop what listens"
              + " there, choose another temporal.embeddedPort, or set temporal.address"
              + " (TEMPORAL_ADDRESS) to use that server",
          cause);
    }
  }
}
