package com.leadcadence.api.startup;

import com.leadcadence.api.temporal.TemporalRuntime;
import com.leadcadence.store.DemoDealership;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last lines of a start: where everything is, and a curl that creates a lead right away. */
public final class ReadyBanner {
  private static final Logger LOG = LoggerFactory.getLogger(ReadyBanner.class);

  private ReadyBanner() {}

  public static void log(Server server, TemporalRuntime temporal, boolean demoSeeded) {
    int apiPort = -1;
    int adminPort = -1;
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof NetworkConnector network) {
        String name = connector.getName() == null ? "" : connector.getName();
        if (name.contains("admin")) {
          adminPort = network.getLocalPort();
        } else if (apiPort < 0) {
          apiPort = network.getLocalPort();
        }
      }
    }
    String api = "http://127.0.0.1:" + apiPort;
    LOG.info("Lead Cadence is ready. API {} | admin/health http://127.0.0.1:{}/healthcheck | Temporal gRPC {} "
            + "(namespace {}, {})",
        api, adminPort, temporal.target().address(), temporal.target().namespace(),
        temporal.embedded() ? "embedded test server, in memory" : "external server");
    if (demoSeeded) {
      LOG.info("Try it (demo dealership, API key {}):\n{}\nthen: curl -s {}/v1/leads/<id> -H 'Authorization: Bearer {}'",
          DemoDealership.API_KEY, curl(api), api, DemoDealership.API_KEY);
    }
  }

  static String curl(String api) {
    return "curl -s -X POST " + api + "/v1/leads -H 'Authorization: Bearer " + DemoDealership.API_KEY + "'"
        + " -H 'Content-Type: application/json' -d '{\"source\":\"website\",\"externalId\":\"demo-'$(date +%s)'\","
        + "\"firstName\":\"Jane\",\"lastName\":\"Doe\",\"email\":\"jane.doe@example.com\","
        + "\"phone\":\"(312) 555-0123\",\"timeframe\":\"WITHIN_7_DAYS\","
        + "\"vehicle\":{\"year\":2024,\"make\":\"Toyota\",\"model\":\"Camry\"}}'";
  }
}
