package com.leadcadence.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.LeadSearchAttributes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.common.SearchAttributeKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded server is reachable over real gRPC and registering the attributes again is harmless. */
class EmbeddedTemporalServerTest {

  @Test
  void clientsConnectOverGrpcAndASecondRegistrationFindsTheAttributesThere() throws IOException {
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(freePort());
        TemporalConnection connection = TemporalConnection.open(server.target(), new SimpleMeterRegistry())) {
      var info = connection.stubs().blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      assertTrue(info.hasCapabilities());

      SearchAttributeRegistrar.Result again = connection.registerSearchAttributes();
      assertTrue(again.complete(), String.valueOf(again.problem()));
      assertEquals(List.of(), again.added());
      assertEquals(LeadSearchAttributes.ALL.stream().map(SearchAttributeKey::getName).toList(), again.alreadyThere());
    }
  }

  @Test
  void aTakenPortIsReportedAsSuch() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      var e = assertThrows(EmbeddedTemporalServer.PortInUseException.class,
          () -> EmbeddedTemporalServer.start(taken.getLocalPort()));
      assertTrue(e.getMessage().contains(String.valueOf(taken.getLocalPort())));
    }
  }

  @Test
  void anUnreachableServerIsReportedNotThrown() throws IOException {
    SearchAttributeRegistrar.Result result = SearchAttributeRegistrar.register("127.0.0.1:" + freePort(), "default");
    assertTrue(!result.complete() && result.problem().startsWith("UNAVAILABLE"), String.valueOf(result.problem()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
