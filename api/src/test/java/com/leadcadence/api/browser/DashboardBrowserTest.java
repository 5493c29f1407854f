package com.leadcadence.api.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadcadence.api.LeadCadenceApplication;
import com.leadcadence.api.LeadCadenceConfiguration;
import com.leadcadence.api.TestApps;
import com.leadcadence.store.AgentSeed;
import com.leadcadence.store.DealershipSeed;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.NewTask;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * The manager dashboard in a real (headless) Chromium against the whole app and real MariaDB: ten leads
 * with known touches, contacts and outcomes are seeded, a manager signs in with her token, and the tiles,
 * both charts, the per-source and per-agent tables and the at-risk list must show exactly those figures.
 *
 * <p>Temporal is unreachable on purpose: the reports read MySQL only, and without a Temporal server no
 * workflow starts for the seeded open lead and sends something that would change the figures. Uses
 * Debian's {@code chromium} and {@code chromedriver} from the PATH; skipped with a message without them.
 * Screenshots: {@code target/screenshots/dashboard.png} and {@code dashboard-phone.png}.
 */
class DashboardBrowserTest {
  private static final Path SCREENSHOT = Path.of("target", "screenshots", "dashboard.png");
  private static final Path PHONE_SCREENSHOT = Path.of("target", "screenshots", "dashboard-phone.png");
  private static final Duration LOADS = Duration.ofSeconds(20);
  /** The page re-reads the at-risk list every 30 s. */
  private static final Duration RISK_REFRESH = Duration.ofSeconds(50);
  private static final ObjectMapper JSON = Jackson.newObjectMapper();
  private static final String MANAGER = "Karen Manager";
  private static final String ALEX = "Alex Avila";
  private static final String BLAIR = "Blair Brooks";
  private static final String AT_RISK_NAME = "Riley Overdue";

  /**
   * One seeded lead: where it came from, whose it is, when its first text went out after it arrived
   * (null: never), whether someone spoke with it, what the agent reported and the status it ended in.
   */
  private record Seed(String source, String agent, Duration firstText, boolean contacted, List<String> outcomes,
      String status) {}

  /**
   * Ten leads received today: 8 attempted (5 within 5 minutes), 4 contacted, 2 appointments (one of
   * them sold); 6 from the website and 4 from chat; 5 each for Alex and Blair. Speed to lead: 2 within
   * a minute, 3 within 5, 1 within 15, 1 within the hour, 1 within the day, 2 not yet attempted. The
   * last is still running, never contacted, its call overdue: the one lead at risk (the others are closed).
   */
  private static final List<Seed> SEEDS = List.of(
      new Seed("website", ALEX, Duration.ofSeconds(30), true, List.of("APPOINTMENT_SET"), "APPOINTMENT_SET"),
      new Seed("website", ALEX, Duration.ofSeconds(45), true, List.of("APPOINTMENT_SET", "SOLD"), "SOLD"),
      new Seed("website", ALEX, Duration.ofMinutes(2), true, List.of("CONTACTED"), "CONTACTED"),
      new Seed("website", BLAIR, Duration.ofMinutes(4), false, List.of("NO_ANSWER"), "RETIRED"),
      new Seed("website", BLAIR, Duration.ofMinutes(8), true, List.of("CONTACTED"), "CONTACTED"),
      new Seed("website", BLAIR, Duration.ofMinutes(20), false, List.of(), "RETIRED"),
      new Seed("chat", ALEX, Duration.ofMinutes(3), false, List.of(), "RETIRED"),
      new Seed("chat", BLAIR, Duration.ofMinutes(90), false, List.of(), "RETIRED"),
      new Seed("chat", ALEX, null, false, List.of(), "RETIRED"),
      new Seed("chat", BLAIR, null, false, List.of(), "ACTIVE"));

  private static TestDatabase db;
  private static DropwizardAppExtension<LeadCadenceConfiguration> app;
  private static HeadlessChromium chromium;
  private static WebDriver driver;
  private static PageApi api;
  private static String base;
  private static String apiKey;
  private static long atRiskLeadId;
  private static String missingBrowser;

  @BeforeAll
  static void startAppAndBrowser() throws Exception {
    missingBrowser = HeadlessChromium.missing("DashboardBrowserTest");
    if (missingBrowser != null) {
      System.err.println(missingBrowser);
      return;
    }
    db = TestDatabase.create();
    app = new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withUnreachableTemporal(db));
    app.before();
    base = "http://127.0.0.1:" + app.getLocalPort();

    apiKey = "dashboard-test-" + UUID.randomUUID();
    Instant now = Instant.now();
    // A zone where it is now 14:xx: leads of the last two hours are today's whenever the test runs.
    String zone = AgentPageBrowserTest.zoneWhereItIsAfternoon(now);
    new DealershipSeeder(db.jdbi()).seed(new DealershipSeed(
        "Dashboard Test Motors", zone, "MON-SUN 00:00-23:59", "", "Dashboard Test Motors Sales",
        "sales@dashboard-test-motors.example", "+13125550160", true, "website,chat", null, apiKey,
        List.of(new AgentSeed(ALEX, "alex@dashboard-test-motors.example", "+13125550161", AgentRole.AGENT),
            new AgentSeed(BLAIR, "blair@dashboard-test-motors.example", "+13125550162", AgentRole.AGENT),
            new AgentSeed(MANAGER, "karen@dashboard-test-motors.example", "+13125550163", AgentRole.MANAGER))));
    api = new PageApi(base, apiKey);
    seedLeads(now.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS));

    chromium = HeadlessChromium.start("chromedriver-dashboard.log");
    driver = chromium.driver();
  }

  @BeforeEach
  void skipWithoutBrowser() {
    Assumptions.assumeTrue(missingBrowser == null, missingBrowser);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (app != null) {
        app.after();
      }
      if (db != null) {
        db.close();
      }
    }
  }

  @Test
  void aManagerSeesTheSeededFunnelSpeedToLeadTablesAndTheLeadAtRisk() throws Exception {
    boolean shotsTaken = false;
    try {
      signIn(api.issueToken(api.agentIdByName(MANAGER)));
      waitForBoard("monthToDate");
      assertTrue(driver.findElement(By.id("who")).getText().contains(MANAGER));

      // Tiles: today and month to date are the same ten leads (all arrived in the last two hours).
      for (String tiles : List.of("tiles-today", "tiles-mtd")) {
        assertEquals(10.0, tile(tiles, "leads"), tiles);
        assertEquals(0.5, tile(tiles, "attemptedWithin5MinRate"), 1e-9, tiles);
        assertEquals(0.4, tile(tiles, "contactRate"), 1e-9, tiles);
        assertEquals(0.2, tile(tiles, "appointmentRate"), 1e-9, tiles);
        // Median of 30 s, 45 s, 2, 3, 4, 8, 20 and 90 min by nearest rank: the 4th, 3 min.
        assertEquals(180.0, tile(tiles, "firstResponseSeconds"), 1.0, tiles);
        String contactTile = tileElement(tiles, "contactRate").getText();
        assertTrue(contactTile.contains("40%") && contactTile.contains("Benchmark"), contactTile);
      }

      assertChart("funnel-chart", List.of(10L, 8L, 4L, 2L, 1L), "#1d5fd1");
      List<Long> speed = chartValues("speed-chart");
      assertEquals(List.of(2L, 3L, 1L, 1L), speed.subList(0, 4), "the first buckets: <1, <5, <15, <60 min: " + speed);
      assertEquals(2L, speed.get(speed.size() - 1), "not yet attempted, the last bar: " + speed);
      assertEquals(10L, speed.stream().mapToLong(Long::longValue).sum(), "every lead in one bar: " + speed);
      assertEquals(speedFromApi(), speed, "the chart holds what GET /v1/reports/speed-to-lead says");
      assertChart("speed-chart", speed, "#1b7a3d");

      assertEquals("6", cell("sources-table", "website", 1));
      assertEquals("4", cell("sources-table", "chat", 1));
      String agents = driver.findElement(By.id("agents-table")).getText();
      assertTrue(agents.contains(ALEX) && agents.contains(BLAIR), agents);
      assertEquals(2, driver.findElements(By.cssSelector("#agents-table tbody tr")).size(), agents);

      // The at-risk list: the running lead nobody reached, and nothing the API does not list.
      WebElement risk = chromium.visible(By.cssSelector("#risk-rows tr[data-lead-id='" + atRiskLeadId + "']"));
      assertTrue(risk != null, "the overdue lead is listed:\n" + state());
      // The report names a lead by first name and last initial.
      assertTrue(risk.getText().contains("Riley O.") && risk.getText().contains(BLAIR), risk.getText());
      PageApi.Reply atRisk = api.get("/v1/reports/at-risk");
      assertEquals(200, atRisk.status(), atRisk.toString());
      assertEquals(atRisk.body().path("items").size(), driver.findElements(By.cssSelector("#risk-rows tr")).size());

      // The period switch re-reads the charts and tables for today: still the same ten leads.
      driver.findElement(By.cssSelector("input[name='period'][value='today']")).click();
      waitForBoard("today");
      assertEquals(List.of(10L, 8L, 4L, 2L, 1L), chartValues("funnel-chart"));

      // The list is live: a lead that falls behind now shows up without a reload. It arrived 40 days
      // ago, outside every period the page reports on, so no figure above changes.
      long lateLeadId = db.jdbi().withHandle(h -> {
        h.registerArgument(new InstantArgumentFactory());
        long dealershipId = h.createQuery("SELECT dealership_id FROM leads WHERE id = :id")
            .bind("id", atRiskLeadId).mapTo(Long.class).one();
        return insertLead(h, dealershipId, new Seed("website", ALEX, null, false, List.of(), "ACTIVE"), 99,
            Instant.now().minus(Duration.ofDays(40)), "Morgan Late");
      });
      WebElement late = chromium.waitFor("the newly overdue lead without a reload", RISK_REFRESH,
          d -> chromium.visible(By.cssSelector("#risk-rows tr[data-lead-id='" + lateLeadId + "']")),
          DashboardBrowserTest::state);
      assertTrue(late.getText().contains("Morgan L."), late.getText());

      // No script error; the one failed request is the signed-out page asking who is signed in (401).
      for (String line : chromium.consoleLines()) {
        assertFalse(line.contains("SEVERE") && !line.contains("/v1/session - Failed to load resource"),
            "no error in the console: " + line);
      }
      screenshots();
      shotsTaken = true;
    } finally {
      if (!shotsTaken) {
        screenshots();
      }
    }
  }

  @Test
  void anAgentsTokenIsTurnedAwayAndTheDealershipKeySignsIn() {
    signIn(api.issueToken(api.agentIdByName(ALEX)));
    waitFor("the refusal of an agent's token",
        d -> d.findElement(By.id("signin-error")).getText().contains("for managers") ? true : null);

    signIn(apiKey);
    waitForBoard("monthToDate");
    assertEquals(10.0, tile("tiles-mtd", "leads"));
  }

  // ---------------------------------------------------------------------------------------------

  private static void seedLeads(Instant firstArrival) {
    db.jdbi().useHandle(h -> {
      h.registerArgument(new InstantArgumentFactory());
      long dealershipId = h.createQuery("SELECT id FROM dealerships WHERE name = 'Dashboard Test Motors'")
          .mapTo(Long.class).one();
      for (int i = 0; i < SEEDS.size(); i++) {
        Seed seed = SEEDS.get(i);
        Instant received = firstArrival.plus(Duration.ofMinutes(i));
        boolean last = i == SEEDS.size() - 1;
        long leadId = insertLead(h, dealershipId, seed, i + 1, received, last ? AT_RISK_NAME : "Seeded Lead" + (i + 1));
        if (seed.firstText() != null) {
          Instant sent = received.plus(seed.firstText());
          h.createUpdate("""
                  INSERT INTO touches (lead_id, step_index, step_id, channel, template_id, idempotency_key, status,
                                       recipient, provider, provider_id, performed_at)
                  VALUES (:lead, 0, 'sms-1', 'SMS', 'sms-first', :key, 'SENT', '+13125550199', 'dry-run', :key, :at)""")
              .bind("lead", leadId).bind("key", "seed-" + leadId + ":0").bind("at", sent).execute();
          Instant outcomeAt = sent.plus(Duration.ofMinutes(1));
          if (seed.contacted()) {
            h.createUpdate("UPDATE leads SET first_contact_at = :at WHERE id = :id")
                .bind("at", outcomeAt).bind("id", leadId).execute();
          }
          int n = 0;
          for (String outcome : seed.outcomes()) {
            h.createUpdate("""
                    INSERT INTO lead_outcomes (lead_id, outcome_key, type, agent_id, recorded_at)
                    VALUES (:lead, :key, :type, :agent, :at)""")
                .bind("lead", leadId).bind("key", "seed-" + leadId + ":" + outcome + ":" + n++)
                .bind("type", outcome).bind("agent", agentId(h, seed.agent()))
                .bind("at", outcomeAt.plus(Duration.ofMinutes(n))).execute();
          }
        }
        if (last) {
          atRiskLeadId = leadId;
          // Its call was due five minutes after it arrived, nearly two hours ago.
          h.attach(TaskDao.class).create(new NewTask(dealershipId, leadId, agentId(h, seed.agent()), null,
              TaskKind.CALL, 1, null, null, received.plus(Duration.ofMinutes(5)), received, null));
        }
      }
    });
  }

  private static long insertLead(Handle h, long dealershipId, Seed seed, int n, Instant received, String fullName) {
    String[] name = fullName.split(" ", 2);
    return h.createUpdate("""
            INSERT INTO leads (dealership_id, source, external_id, first_name, last_name, phone, time_zone, score, grade,
                               status, assigned_agent_id, created_at, updated_at)
            VALUES (:dealership, :source, :external, :first, :last, :phone, 'America/Chicago', 80, 'A', :status, :agent,
                    :received, :received)""")
        .bind("dealership", dealershipId).bind("source", seed.source()).bind("external", "seed-" + n)
        .bind("first", name[0]).bind("last", name[1]).bind("phone", String.format("+1312555%04d", 8000 + n))
        .bind("status", seed.status()).bind("agent", agentId(h, seed.agent())).bind("received", received)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  private static long agentId(Handle h, String name) {
    return h.createQuery("SELECT id FROM agents WHERE name = :name").bind("name", name).mapTo(Long.class).one();
  }

  /** The speed-to-lead report's bars as the page draws them: its buckets, then "not yet attempted". */
  private static List<Long> speedFromApi() {
    PageApi.Reply speed = api.get("/v1/reports/speed-to-lead?period=monthToDate");
    assertEquals(200, speed.status(), speed.toString());
    List<Long> bars = new ArrayList<>();
    speed.body().path("buckets").forEach(b -> bars.add(b.path("leads").asLong()));
    bars.add(speed.body().path("notYetAttempted").asLong());
    return bars;
  }

  /** Signs in afresh: whatever session an earlier test left is dropped first. */
  private static void signIn(String credential) {
    driver.get(base + "/dashboard/");
    driver.manage().deleteAllCookies();
    driver.navigate().refresh();
    WebElement field = waitFor("the sign-in form", d -> chromium.visible(By.id("token")));
    field.sendKeys(credential);
    driver.findElement(By.id("signin-button")).click();
  }

  private static void waitForBoard(String period) {
    waitFor("the board loaded for " + period, d -> period.equals(
        d.findElement(By.id("board")).getAttribute("data-loaded")) && chromium.visible(By.id("board")) != null
        ? true : null);
  }

  private static WebElement tileElement(String tiles, String metric) {
    return driver.findElement(By.cssSelector("#" + tiles + " li[data-metric='" + metric + "']"));
  }

  private static double tile(String tiles, String metric) {
    String value = tileElement(tiles, metric).getAttribute("data-value");
    assertFalse(value == null || value.isEmpty(), tiles + " " + metric + " has no value");
    return Double.parseDouble(value);
  }

  /** The text of a table row's column (0: the group's name), the row found by its data-key. */
  private static String cell(String table, String key, int column) {
    List<WebElement> row = driver.findElements(
        By.cssSelector("#" + table + " tbody tr[data-key='" + key + "'] > *"));
    assertTrue(row.size() > column, table + " has no row " + key + ":\n" + state());
    return row.get(column).getText();
  }

  /** The values the page read back from its uPlot chart (data-values, set from chart.data). */
  private static List<Long> chartValues(String id) throws Exception {
    JsonNode values = JSON.readTree(driver.findElement(By.id(id)).getAttribute("data-values"));
    List<Long> list = new ArrayList<>();
    values.forEach(v -> list.add(v.asLong()));
    return list;
  }

  /**
   * The chart holds these values, and uPlot really drew it: its canvas is there, sized, and painted
   * in the bars' colour (counted pixel by pixel).
   */
  private static void assertChart(String id, List<Long> expected, String barColor) throws Exception {
    assertEquals(expected, chartValues(id), id + " values");
    WebElement canvas = chromium.visible(By.cssSelector("#" + id + " .uplot canvas"));
    assertTrue(canvas != null, id + " has a uPlot canvas");
    int r = Integer.parseInt(barColor.substring(1, 3), 16);
    int g = Integer.parseInt(barColor.substring(3, 5), 16);
    int b = Integer.parseInt(barColor.substring(5, 7), 16);
    Object painted = chromium.js("var c = document.querySelector('#" + id + " .uplot canvas');"
        + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
        + "for (var i = 0; i < d.length; i += 4) { if (d[i] === " + r + " && d[i + 1] === " + g
        + " && d[i + 2] === " + b + " && d[i + 3] === 255) { n++; } } return n;");
    assertTrue(((Number) painted).longValue() > 500, id + " has bars painted: " + painted + " pixels");
  }

  private static <T> T waitFor(String what, ExpectedCondition<T> condition) {
    return chromium.waitFor(what, LOADS, condition, DashboardBrowserTest::state);
  }

  private static String state() {
    return chromium.texts(List.of("signin-error", "board-error", "tiles-today", "risk-rows", "sources-table"));
  }

  private static void screenshots() throws Exception {
    if (chromium == null) {
      return;
    }
    try {
      chromium.resize(1280, 2000);
      Thread.sleep(500);   // the charts redraw at the new width
      chromium.js("window.scrollTo(0, 0);");
      chromium.screenshot(SCREENSHOT);
      chromium.resize(390, 2400);
      Thread.sleep(500);
      chromium.screenshot(PHONE_SCREENSHOT);
    } catch (RuntimeException e) {
      System.err.println("could not save a screenshot: " + e);
    } finally {
      chromium.resize(1280, 1000);
    }
  }
}
