package com.leadcadence.api.startup;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import com.leadcadence.api.LeadCadenceConfiguration;
import com.leadcadence.api.TemporalSettings;
import com.leadcadence.api.temporal.TemporalRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Causes an operator can fix end the start with one clear message, not a stack trace. */
class FailFastTest {

  @Test
  void anUnreachableDatabaseWithoutFallbackStopsTheStart() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    LeadCadenceConfiguration config = new LeadCadenceConfiguration();
    config.getDatabase().setUrl("jdbc:mysql://127.0.0.1:" + port + "/lead_cadence");
    config.getEmbeddedDatabaseFallback().setEnabled(false);
    StartupFailure failure =
        assertThrows(StartupFailure.class, () -> DatabaseStartup.prepare(config, new MetricRegistry()));
    assertTrue(failure.getMessage().contains("no database answers at 127.0.0.1:" + port), failure.getMessage());
  }

  @Test
  void aTakenTemporalPortStopsTheStart() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      TemporalSettings settings = new TemporalSettings();
      settings.setEmbeddedPort(taken.getLocalPort());
      StartupFailure failure = assertThrows(StartupFailure.class, () -> TemporalRuntime.open(settings, new SimpleMeterRegistry()));
      assertTrue(failure.getMessage().contains("port " + taken.getLocalPort()), failure.getMessage());
    }
  }

  @Test
  void aUrlWithoutDatabaseNameIsRejected() {
    assertThrows(StartupFailure.class, () -> JdbcAddress.parse("jdbc:mysql:localhost"));
    JdbcAddress address = JdbcAddress.parse("jdbc:mysql://db.internal/lead_cadence?useSSL=true");
    assertTrue(address.port() == 3306 && address.onLocalPort(3307).url()
        .equals("jdbc:mysql://127.0.0.1:3307/lead_cadence?useSSL=true"));
  }
}
