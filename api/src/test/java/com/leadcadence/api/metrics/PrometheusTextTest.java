package com.leadcadence.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The strict parser the scrape tests rely on: what it reads, and that it refuses what Prometheus would. */
class PrometheusTextTest {

  @Test
  void readsSamplesLabelsEscapesAndSpecialValues() {
    PrometheusText.Scrape scrape = PrometheusText.parse("""
        # HELP requests_total Requests.
        # TYPE requests_total counter
        requests_total{path="/a",note="say \\"hi\\"\\\\n"} 3.0
        requests_total{path="/b",note=""} 1e3 1700000000000
        # TYPE up gauge
        up 1
        # TYPE latency_seconds histogram
        latency_seconds_bucket{le="0.5"} 2
        latency_seconds_bucket{le="+Inf"} 3
        latency_seconds_count 3
        latency_seconds_sum 1.25
        # TYPE odd gauge
        odd NaN
        """);
    assertEquals(3.0, scrape.value("requests_total", Map.of("path", "/a")));
    assertEquals("say \"hi\"\\n", scrape.named("requests_total").get(0).labels().get("note"));
    assertEquals(1000.0, scrape.value("requests_total", Map.of("path", "/b")));
    assertEquals(1.0, scrape.value("up", Map.of()));
    assertEquals(3.0, scrape.value("latency_seconds_bucket", Map.of("le", "+Inf")));
    assertTrue(Double.isNaN(scrape.value("odd", Map.of())));
    assertEquals("histogram", scrape.types().get("latency_seconds"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "# TYPE a counter\na{x=\"1\"} one\n",             // value is no number
      "# TYPE a counter\na{x=\"1} 1\n",                 // label value not closed
      "# TYPE a counter\na{x=1} 1\n",                   // label value not quoted
      "# TYPE a counter\na{1x=\"1\"} 1\n",              // bad label name
      "# TYPE a counter\na{x=\"\\q\"} 1\n",             // bad escape
      "# TYPE a counter\na{x=\"1\",x=\"2\"} 1\n",       // a label twice
      "# TYPE a counter\na 1\na 2\n",                   // the same series twice
      "a 1\n",                                          // no TYPE before the sample
      "# TYPE a counter\n# TYPE a gauge\na 1\n",        // two TYPEs
      "# TYPE a countr\na 1\n",                         // unknown type
      "# TYPE 9a counter\n",                            // bad metric name
      "# TYPE a counter\na 1 soon\n",                   // bad timestamp
      "# TYPE a counter\na 1",                          // no final line feed
      "# TYPE a counter\na{x=\"1\"}1\n"})               // no space before the value
  void refusesWhatPrometheusWouldRefuse(String text) {
    assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(text));
  }

  @Test
  void readsWhatMicrometersPrometheusRegistryWrites() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.counter("leadcadence.example", "kind", "a \"quoted\" value").increment(2);
    Timer.builder("leadcadence.example.calls").publishPercentileHistogram().register(registry)
        .record(Duration.ofMillis(30));
    PrometheusText.Scrape scrape = PrometheusText.parse(registry.scrape());
    assertEquals(2.0, scrape.value("leadcadence_example_total", Map.of("kind", "a \"quoted\" value")));
    assertEquals(1.0, scrape.value("leadcadence_example_calls_seconds_count", Map.of()));
    assertTrue(scrape.named("leadcadence_example_calls_seconds_bucket").size() > 10);
  }
}
