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
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent page in a real (headless) Chromium against the whole app: real MariaDB, the embedded
 * Temporal test server, the worker with dry-run senders. An agent signs in with a token, sees a new
 * lead's CALL task arrive over the live stream without a reload, taps "No answer" and sees the
 * follow-up text land in the lead's touch history.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromedriver} from the PATH (Selenium Manager never
 * downloads anything); skipped with a message when either is missing. The page's screenshot is kept
 * in {@code target/agent-page.png}, whether the test passes or fails.
 */
class AgentPageBrowserTest {
  private static final Duration TASK_APPEARS = Duration.ofSeconds(15);
  private static final Duration FOLLOW_UP_TEXT = Duration.ofSeconds(60);
  private static final Path SCREENSHOT = Path.of("target", "agent-page.png");
  private static final Path PHONE_SCREENSHOT = Path.of("target", "agent-page-phone.png");
  private static final Path TASK_SCREENSHOT = Path.of("target", "agent-page-task.png");
  private static final String AGENT_NAME = "Avery Browser";
  private static final ObjectMapper JSON = Jackson.newObjectMapper();

  private static TestDatabase db;
  private static DropwizardAppExtension<LeadCadenceConfiguration> app;
  private static ChromeDriverService driverService;
  private static WebDriver driver;
  private static Path chromeProfile;
  private static Api api;
  private static String base;

  /** Null when the browser is there; else why the tests skip (each test reports it, nothing starts). */
  private static String missingBrowser;

  @BeforeAll
  static void startAppAndBrowser() throws Exception {
    Optional<Path> chromium = onPath("chromium");
    Optional<Path> chromedriver = onPath("chromedriver");
    if (chromium.isEmpty() || chromedriver.isEmpty()) {
      missingBrowser = "AgentPageBrowserTest skipped: needs Debian's 'chromium' and 'chromedriver' on the PATH"
          + " (apt-get install -y chromium chromium-driver; .ci/run installs them). Found chromium="
          + chromium.map(Path::toString).orElse("none") + ", chromedriver="
          + chromedriver.map(Path::toString).orElse("none");
      System.err.println(missingBrowser);
      return;
    }

    db = TestDatabase.create();
    app = new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(db));
    app.before();
    base = "http://127.0.0.1:" + app.getLocalPort();

    String apiKey = "browser-test-" + UUID.randomUUID();
    new DealershipSeeder(db.jdbi()).seed(new DealershipSeed(
        "Browser Test Motors",
        "America/Chicago",
        "MON-SUN 00:00-23:59",        // open every day, all day: business hours never hold the call
        "",                            // no holidays
        "Browser Test Motors Sales",
        "sales@browser-test-motors.example",
        "+13125550150",
        true,                          // the web form captures consent
        "website,chat",
        null,                          // no inbound e-mail address
        apiKey,
        List.of(new AgentSeed(AGENT_NAME, "avery@browser-test-motors.example", "+13125550151", AgentRole.AGENT))));
    api = new Api(base, apiKey);

    chromeProfile = Files.createTempDirectory("agent-page-chrome-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + chromeProfile.toAbsolutePath(),
        "--window-size=1280,1000",
        "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    Files.createDirectories(Path.of("target"));
    driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.get().toFile())
        .usingAnyFreePort()
        .withLogFile(Path.of("target", "chromedriver.log").toFile())
        .build();
    driver = new ChromeDriver(driverService, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @BeforeEach
  void skipWithoutBrowser() {
    Assumptions.assumeTrue(missingBrowser == null, missingBrowser);
  }

  @AfterAll
  static void stopEverything() throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (driverService != null) {
        driverService.stop();
      }
      if (app != null) {
        app.after();
      }
      if (db != null) {
        db.close();
      }
      deleteTree(chromeProfile);
    }
  }

  @Test
  void agentSignsInSeesTheNewCallTaskLiveAndNoAnswerBringsTheFollowUpText() throws Exception {
    boolean shotsTaken = false;
    try {
      long agentId = agentIdByName(AGENT_NAME);
      Api.Reply issued = api.post("/v1/agents/" + agentId + "/token", Map.of());
      assertEquals(201, issued.status(), "agent token: " + issued);
      String token = issued.body().path("token").asText();
      assertFalse(token.isBlank(), "agent token: " + issued);

      // Signed out: the page offers the sign-in form.
      driver.get(base + "/agent/");
      WebElement tokenField = waitFor("the sign-in form", Duration.ofSeconds(15),
          d -> visible(By.id("token")));
      tokenField.sendKeys(token);
      driver.findElement(By.id("signin-button")).click();
      waitFor("the signed-in task list", Duration.ofSeconds(15), d -> visible(By.id("workspace")));
      waitFor("the live stream to connect", Duration.ofSeconds(15),
          d -> "live".equals(d.findElement(By.id("connection")).getAttribute("data-state")) ? true : null);
      assertTrue(driver.findElement(By.id("who")).getText().contains(AGENT_NAME));

      // The token went into one POST body and an HttpOnly cookie, nowhere else.
      assertFalse(driver.getCurrentUrl().contains(token), "the token is not in the URL");
      Object storage = js("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie;");
      assertFalse(String.valueOf(storage).contains(token), "the token is not in storage or a script-readable cookie");
      Set<Cookie> cookies = driver.manage().getCookies();
      assertTrue(cookies.stream().anyMatch(c -> c.isHttpOnly() && "Strict".equalsIgnoreCase(c.getSameSite())),
          "an HttpOnly, SameSite=Strict session cookie: " + cookies);

      // A lead assigned to this agent, somewhere it is mid-afternoon so quiet hours never hold the text.
      String zone = zoneWhereItIsAfternoon(Instant.now());
      LocalTime leadLocal = LocalTime.now(ZoneId.of(zone));
      assertTrue(leadLocal.getHour() >= 10 && leadLocal.getHour() < 19, zone + " is at " + leadLocal);
      Api.Reply created = api.post("/v1/leads", lead(agentId, zone));
      assertEquals(201, created.status(), "create lead: " + created);
      long leadId = created.body().path("id").asLong();

      // The CALL task arrives without a reload.
      By callTask = By.cssSelector("#tasks .task[data-lead-id='" + leadId + "'][data-kind='CALL']");
      WebElement task = waitFor("lead " + leadId + "'s CALL task to appear without a reload", TASK_APPEARS,
          d -> visible(callTask));
      assertTrue(task.getText().contains("Jordan Rivera"), task.getText());
      String taskId = task.getAttribute("data-task-id");
      saveScreenshot(TASK_SCREENSHOT);
      task.click();

      By detail = By.cssSelector("#detail[data-task-id='" + taskId + "']");
      waitFor("task " + taskId + "'s details", Duration.ofSeconds(15), d -> visible(detail));
      waitFor("the outcome buttons", Duration.ofSeconds(10), d -> visible(By.cssSelector("[data-outcome='NO_ANSWER']")));
      String tel = driver.findElement(By.id("lead-tel")).getAttribute("href");
      assertTrue(tel != null && tel.startsWith("tel:+1312555"), "tel link: " + tel);
      String sms = driver.findElement(By.id("lead-sms")).getAttribute("href");
      assertTrue(sms != null && sms.startsWith("sms:+1312555"), "sms link: " + sms);
      By smsTouches = By.cssSelector("#touches li[data-channel='SMS']");
      int textsBefore = driver.findElements(smsTouches).size();

      driver.findElement(By.cssSelector("[data-outcome='NO_ANSWER']")).click();
      waitFor("the outcome to be saved", Duration.ofSeconds(15),
          d -> "ok".equals(d.findElement(By.id("detail-message")).getAttribute("data-kind")) ? true : null);
      assertTrue(visible(By.cssSelector("#detail[data-lead-id='" + leadId + "']")) != null,
          "the lead stays on screen after the outcome");

      // The text goes out right away (afterNoAnswer: 0m in config/cadences), often before the
      // outcome's answer; if the cadence says it is still to come, wait FOLLOW_UP_TEXT past its time.
      WebElement saved = driver.findElement(By.id("detail-message"));
      String nextAt = saved.getAttribute("data-next-step-at");
      Duration textWait = FOLLOW_UP_TEXT;
      if ("SMS".equals(saved.getAttribute("data-next-channel")) && nextAt != null) {
        Duration untilText = Duration.between(Instant.now(), Instant.parse(nextAt));
        assertTrue(untilText.compareTo(Duration.ofMinutes(3)) < 0, "the follow-up text is due soon, not at " + nextAt);
        textWait = untilText.isNegative() ? textWait : textWait.plus(untilText);
      }
      WebElement text = waitFor("the follow-up text in the lead's touch history", textWait, d -> {
        List<WebElement> texts = d.findElements(smsTouches);
        return texts.size() > textsBefore ? texts.get(texts.size() - 1) : null;
      });
      assertFalse(text.getText().isBlank());
      // The finished task left the open list (it stays in the detail pane).
      waitFor("the finished task to leave the list", Duration.ofSeconds(15),
          d -> d.findElements(By.cssSelector("#tasks .task[data-task-id='" + taskId + "']")).isEmpty() ? true : null);

      assertNoTokenInConsole(token);
      screenshots();
      shotsTaken = true;

      // Signing out ends the session: the form is back and the cookie no longer signs anything in.
      driver.findElement(By.id("sign-out")).click();
      waitFor("the sign-in form after signing out", Duration.ofSeconds(10), d -> visible(By.id("token")));
      Object status = ((JavascriptExecutor) driver).executeAsyncScript(
          "var done = arguments[arguments.length - 1];"
              + "fetch('/v1/session', {credentials: 'same-origin'}).then(function (r) { done(r.status); });");
      assertEquals(401L, status, "GET /v1/session after signing out");
    } finally {
      if (!shotsTaken) {
        screenshots();
      }
    }
  }

  /** The page's files come from the jar through AssetsBundle, beside Jersey on /*, with no credential. */
  @Test
  void thePageAndItsFilesAreServedBesideTheApi() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    Map<String, String> expected = Map.of(
        "/agent/", "text/html", "/agent/agent.js", "javascript", "/agent/agent.css", "text/css");
    for (Map.Entry<String, String> file : expected.entrySet()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + file.getKey())).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), file.getKey());
      String type = response.headers().firstValue("Content-Type").orElse("");
      assertTrue(type.contains(file.getValue()), file.getKey() + " is served as " + type);
      assertFalse(response.body().contains("https://") || response.body().contains("http://"),
          file.getKey() + " fetches nothing from elsewhere");
    }
    HttpResponse<Void> bare = http.send(HttpRequest.newBuilder(URI.create(base + "/agent")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    assertTrue(bare.statusCode() == 200 || bare.statusCode() / 100 == 3, "/agent answers " + bare.statusCode());
    // The API beside it still answers in its own JSON.
    assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(base + "/v1/session")).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode());
  }

  // ---------------------------------------------------------------------------------------------

  private static long agentIdByName(String name) {
    Api.Reply agents = api.get("/v1/agents");
    assertEquals(200, agents.status(), "GET /v1/agents: " + agents);
    for (JsonNode agent : agents.body().path("items")) {
      if (name.equals(agent.path("name").asText())) {
        return agent.path("id").asLong();
      }
    }
    throw new AssertionError("no agent named " + name + " in " + agents);
  }

  private static final java.util.concurrent.atomic.AtomicInteger BROWSER_LEADS =
      new java.util.concurrent.atomic.AtomicInteger();

  private static Map<String, Object> lead(long agentId, String zone) {
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("source", "website");
    lead.put("externalId", "browser-" + UUID.randomUUID());
    lead.put("firstName", "Jordan");
    lead.put("lastName", "Rivera");
    // Each lead its own address: a second open lead with the same phone or email would be a DUPLICATE.
    int n = BROWSER_LEADS.incrementAndGet();
    lead.put("email", "jordan.rivera" + n + "@example.com");
    lead.put("phone", "(312) 555-" + String.format("%04d", 7000 + n));
    lead.put("timezone", zone);
    lead.put("vehicle", Map.of("year", 2024, "make", "Toyota", "model", "RAV4"));
    lead.put("timeframe", "WITHIN_7_DAYS");
    lead.put("financing", true);
    lead.put("consent", Map.of("sms", true, "voice", true));
    lead.put("assignedAgentId", agentId);
    return lead;
  }

  /** An Etc/GMT zone where it is now 14:xx (Etc/GMT signs are inverted: Etc/GMT-3 is UTC+3). */
  static String zoneWhereItIsAfternoon(Instant now) {
    int offset = 14 - now.atOffset(ZoneOffset.UTC).getHour();   // -9 .. +14, all valid Etc/GMT zones
    return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
  }

  private static <T> T waitFor(String what, Duration timeout, ExpectedCondition<T> condition) {
    try {
      return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).until(condition);
    } catch (RuntimeException e) {
      throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
          + "\n" + pageState(), e);
    }
  }

  /** The element when it is displayed, else null (so it can be waited for). */
  private static WebElement visible(By by) {
    List<WebElement> found = driver.findElements(by);
    return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  /** What the page showed, for a failure message. */
  private static String pageState() {
    StringBuilder state = new StringBuilder();
    try {
      state.append("url: ").append(driver.getCurrentUrl()).append('\n');
      for (String id : List.of("connection-text", "signin-error", "tasks-error", "detail-message", "tasks", "touches")) {
        List<WebElement> found = driver.findElements(By.id(id));
        String text = found.isEmpty() ? "(absent)" : found.get(0).getText().replace("\n", " | ");
        state.append('#').append(id).append(": ").append(text).append('\n');
      }
      for (String line : consoleLines()) {
        state.append("console: ").append(line).append('\n');
      }
    } catch (RuntimeException e) {
      state.append("(page state unavailable: ").append(e).append(")\n");
    }
    return state.toString();
  }

  private static final List<String> CONSOLE = new ArrayList<>();

  /** Browser console lines so far (the log is drained on each read, so they are kept here). */
  private static List<String> consoleLines() {
    try {
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        CONSOLE.add(entry.getLevel() + " " + entry.getMessage());
      }
    } catch (RuntimeException e) {
      // Not every driver offers the log; it is only a diagnostic.
    }
    return CONSOLE;
  }

  private static void assertNoTokenInConsole(String token) {
    for (String line : consoleLines()) {
      assertFalse(line.contains(token), "the token must never reach the console: " + line);
    }
  }

  private static void screenshots() throws IOException {
    if (driver == null) {
      return;
    }
    try {
      // The newest touch in view: after the test, the follow-up text.
      js("var t = document.querySelector('#touches li:last-child'); if (t) { t.scrollIntoView({block: 'center'}); }");
      saveScreenshot(SCREENSHOT);
      driver.manage().window().setSize(new Dimension(390, 844));
      Thread.sleep(300);
      js("window.scrollTo(0, 0);");
      saveScreenshot(PHONE_SCREENSHOT);
      driver.manage().window().setSize(new Dimension(1280, 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      System.err.println("could not save a screenshot: " + e);
    }
  }

  private static void saveScreenshot(Path target) throws IOException {
    save(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target);
  }

  private static void save(Path shot, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    System.out.println("screenshot: " + target.toAbsolutePath());
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // A leftover temp file is harmless.
        }
      });
    }
  }

  /** JSON over HTTP with the dealership's API key. */
  private static final class Api {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String apiKey;

    Api(String base, String apiKey) {
      this.base = base;
      this.apiKey = apiKey;
    }

    record Reply(int status, JsonNode body) {}

    Reply get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply post(String path, Object body) {
      try {
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private Reply send(HttpRequest.Builder request) {
      request.header("Authorization", "Bearer " + apiKey).header("Accept", "application/json");
      try {
        HttpResponse<String> response =
            http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode json;
        try {
          json = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException notJson) {
          json = JSON.getNodeFactory().textNode(text);
        }
        return new Reply(response.statusCode(), json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
