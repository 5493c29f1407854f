package com.leadcadence.api.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.LeadCadenceApplication;
import com.leadcadence.api.LeadCadenceConfiguration;
import com.leadcadence.api.TestApps;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and its chart library come from the jar, with no credential, beside the API: the page
 * names only files of this server, and the library it loads is byte for byte the WebJar's.
 */
class DashboardAssetsTest {
  private static final Pattern SOURCES = Pattern.compile("<(?:script|link)\\b[^>]*?\\b(?:src|href)=\"([^\"]*)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private static TestDatabase db;
  private static DropwizardAppExtension<LeadCadenceConfiguration> app;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    // No Temporal needed: nothing here starts a workflow.
    app = new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withUnreachableTemporal(db));
    app.before();
    base = "http://127.0.0.1:" + app.getLocalPort();
  }

  @AfterAll
  static void stop() {
    try {
      if (app != null) {
        app.after();
      }
    } finally {
      if (db != null) {
        db.close();
      }
    }
  }

  @Test
  void thePageNamesOnlyItsOwnServersFilesAndEachIsServed() throws Exception {
    HttpResponse<String> page = get("/dashboard/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").contains("text/html"));
    List<String> sources = new ArrayList<>();
    Matcher m = SOURCES.matcher(page.body());
    while (m.find()) {
      sources.add(m.group(1));
    }
    assertTrue(sources.contains("/dashboard/lib/uplot/uPlot.iife.min.js"), "the page loads uPlot: " + sources);
    assertTrue(sources.contains("/dashboard/dashboard.js"), sources.toString());
    for (String source : sources) {
      assertFalse(source.startsWith("http:") || source.startsWith("https:") || source.startsWith("//"),
          "a script or stylesheet from elsewhere: " + source);
      if (!source.startsWith("data:")) {
        assertEquals(200, get(source).statusCode(), source);
      }
    }
    assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no address elsewhere at all");

    Map<String, String> types = Map.of("/dashboard/dashboard.js", "javascript", "/dashboard/dashboard.css", "text/css",
        "/dashboard/lib/uplot/uPlot.iife.min.js", "javascript", "/dashboard/lib/uplot/uPlot.min.css", "text/css");
    for (Map.Entry<String, String> file : types.entrySet()) {
      HttpResponse<String> response = get(file.getKey());
      assertEquals(200, response.statusCode(), file.getKey());
      String type = response.headers().firstValue("Content-Type").orElse("");
      assertTrue(type.contains(file.getValue()), file.getKey() + " is served as " + type);
    }
    for (String own : List.of("/dashboard/dashboard.js", "/dashboard/dashboard.css")) {
      String body = get(own).body();
      assertFalse(body.contains("http://") || body.contains("https://"), own + " fetches nothing from elsewhere");
    }
  }

  @Test
  void theChartLibraryIsTheWebJarsOwnFile() throws Exception {
    String webjarFile = "/META-INF/resources/webjars/uplot/" + DashboardAssets.uplotVersion() + "/dist/uPlot.iife.min.js";
    byte[] expected;
    try (InputStream in = DashboardAssets.class.getResourceAsStream(webjarFile)) {
      assertTrue(in != null, webjarFile + " is on the classpath");
      expected = in.readAllBytes();
    }
    HttpResponse<byte[]> served = HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/dashboard/lib/uplot/uPlot.iife.min.js")).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, served.statusCode());
    assertArrayEquals(expected, served.body());
    assertTrue(new String(served.body(), StandardCharsets.UTF_8).contains("uPlot"), "it is uPlot");
  }

  @Test
  void theBareAddressAnswersAndTheApiBesideItStillAsksForACredential() throws Exception {
    int bare = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/dashboard")).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
    assertTrue(bare == 200 || bare / 100 == 3, "/dashboard answers " + bare);
    assertEquals(401, get("/v1/session").statusCode());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
