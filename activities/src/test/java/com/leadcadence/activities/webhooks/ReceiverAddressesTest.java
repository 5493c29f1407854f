package com.leadcadence.activities.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiverAddressesTest {
  private final ReceiverAddresses production = new ReceiverAddresses(false);
  private final ReceiverAddresses development = new ReceiverAddresses(true);

  @Test
  void productionRefusesLocalAndPrivateAddresses() {
    for (String url : new String[] {"http://127.0.0.1:8080/hooks", "http://localhost/hooks", "https://10.1.2.3/in",
        "https://192.168.0.10/in", "https://172.16.5.4/in", "http://169.254.169.254/latest/meta-data",
        "http://[::1]/in", "http://[fd00::1]/in", "http://0.0.0.0/in", "http://100.64.0.1/in"}) {
      assertTrue(production.problem(url).orElse("").contains("private or local"), url);
    }
    assertEquals(Optional.empty(), production.problem("https://93.184.216.34/hooks"), "a public address");
  }

  @Test
  void developmentAcceptsThisMachine() {
    assertEquals(Optional.empty(), development.problem("http://127.0.0.1:9000/hooks"));
  }

  @Test
  void onlyPlainHttpAndHttpsUrlsAreAccepted() {
    assertTrue(development.problem("ftp://crm.example.com/in").orElseThrow().contains("http or https"));
    assertTrue(development.problem("https://user:secret@crm.example.com/in").orElseThrow().contains("credentials"));
    assertTrue(development.problem("https:///in").isPresent());
    assertTrue(development.problem("https://crm.example.com/in#x").orElseThrow().contains("fragment"));
    assertTrue(development.problem("not a url").isPresent());
    assertTrue(development.problem(null).isPresent());
    assertEquals(Optional.empty(), development.problem("https://crm.example.com/lead-cadence?dealer=7"));
  }
}
