package com.leadcadence.api.dashboard;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The manager dashboard ({@code /dashboard/}) and its charting library, both served from the jar:
 * the page from {@code resources/dashboard}, uPlot from its WebJar under {@code /dashboard/lib/uplot/}.
 * The page names the library without its version, so bumping the WebJar in the pom is the whole upgrade.
 */
public final class DashboardAssets {
  static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

  private DashboardAssets() {}

  public static void register(Bootstrap<?> bootstrap) {
    bootstrap.addBundle(new AssetsBundle("/dashboard", "/dashboard", "index.html", "dashboard"));
    bootstrap.addBundle(new AssetsBundle(
        "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist", "/dashboard/lib/uplot", null, "dashboard-uplot"));
  }

  /** The WebJar's own record of its version (kept in the shaded jar like every META-INF/maven file). */
  static String uplotVersion() {
    try (InputStream in = DashboardAssets.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException("the uPlot WebJar is not on the classpath (" + WEBJAR_PROPERTIES + ")");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
