package com.leadcadence.api.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
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
 * Debian's headless {@code chromium} driven by its {@code chromedriver}, both from the PATH (Selenium
 * Manager never downloads anything), for the pages' browser tests. {@link #missing} says why a test
 * must skip on a machine without them.
 */
final class HeadlessChromium implements AutoCloseable {
  private final ChromeDriverService service;
  private final WebDriver driver;
  private final Path profile;
  private final List<String> console = new ArrayList<>();

  private HeadlessChromium(ChromeDriverService service, WebDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  /** Null when chromium and chromedriver are on the PATH; else the message a skipped test gives. */
  static String missing(String testName) {
    Optional<Path> chromium = onPath("chromium");
    Optional<Path> chromedriver = onPath("chromedriver");
    if (chromium.isPresent() && chromedriver.isPresent()) {
      return null;
    }
    return testName + " skipped: needs Debian's 'chromium' and 'chromedriver' on the PATH"
        + " (apt-get install -y chromium chromium-driver; .ci/run installs them). Found chromium="
        + chromium.map(Path::toString).orElse("none") + ", chromedriver="
        + chromedriver.map(Path::toString).orElse("none");
  }

  /** A fresh browser (its own profile) at 1280x1000; chromedriver's log goes to target/{logName}. */
  static HeadlessChromium start(String logName) throws IOException {
    Path profile = Files.createTempDirectory("chromium-profile-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(onPath("chromium").orElseThrow().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1280,1000",
        "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    Files.createDirectories(Path.of("target"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(onPath("chromedriver").orElseThrow().toFile())
        .usingAnyFreePort()
        .withLogFile(Path.of("target", logName).toFile())
        .build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new HeadlessChromium(service, driver, profile);
  }

  WebDriver driver() {
    return driver;
  }

  /** Waits for condition; on a timeout fails with what the page showed (pageState) and its console. */
  <T> T waitFor(String what, Duration timeout, ExpectedCondition<T> condition, Supplier<String> pageState) {
    try {
      return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).until(condition);
    } catch (RuntimeException e) {
      StringBuilder state = new StringBuilder();
      try {
        state.append("url: ").append(driver.getCurrentUrl()).append('\n').append(pageState.get());
        consoleLines().forEach(line -> state.append("console: ").append(line).append('\n'));
      } catch (RuntimeException unavailable) {
        state.append("(page state unavailable: ").append(unavailable).append(")\n");
      }
      throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "\n" + state, e);
    }
  }

  /** The element when it is displayed, else null (so it can be waited for). */
  WebElement visible(By by) {
    List<WebElement> found = driver.findElements(by);
    return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
  }

  /** "#id: text" lines of the given elements, for a failure message. */
  String texts(List<String> ids) {
    StringBuilder state = new StringBuilder();
    for (String id : ids) {
      List<WebElement> found = driver.findElements(By.id(id));
      String text = found.isEmpty() ? "(absent)" : found.get(0).getText().replace("\n", " | ");
      state.append('#').append(id).append(": ").append(text).append('\n');
    }
    return state.toString();
  }

  Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  /** Browser console lines so far (the log is drained on each read, so they are kept here). */
  List<String> consoleLines() {
    try {
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        console.add(entry.getLevel() + " " + entry.getMessage());
      }
    } catch (RuntimeException e) {
      // Not every driver offers the log; it is only a diagnostic.
    }
    return console;
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** The visible viewport as a PNG at target. */
  void screenshot(Path target) throws IOException {
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    System.out.println("screenshot: " + target.toAbsolutePath());
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteTree(profile);
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
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
}
