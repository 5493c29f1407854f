package com.leadcadence.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.LeadCadenceApplication;
import com.leadcadence.api.LeadCadenceConfiguration;
import com.leadcadence.store.ApiKeys;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dealership create ... config.yml} as an operator runs it (the jar's own CLI parser and command,
 * a YAML file, the real database): it prints the id and a key that the store knows; bad options name
 * the option and write nothing.
 */
class DealershipCommandTest {
  private static final TestDatabase DB = TestDatabase.create();

  @TempDir
  Path dir;

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  private record Run(Optional<Throwable> failure, String out, String err) {}

  @Test
  void createPrintsTheIdAndAKeyTheStoreKnows() throws Exception {
    Run run = run("dealership", "create", "--name", "Harbor Ford", "--timezone", "America/Los_Angeles",
        "--business-hours", "MON-FRI 08:30-19:00; SAT 09:00-17:00", "--holidays", "12-25; 4th thu of NOV",
        "--sender-email", "Sales@Harbor-Ford.example", "--sender-phone", "(415) 555-0199",
        "--web-form-captures-consent", "--first-party-sources", "website, Chat", config());
    assertTrue(run.failure().isEmpty(), run.err());
    long id = Long.parseLong(line(run.out(), "id"));
    String key = line(run.out(), "apiKey");

    DealershipRow row = DB.jdbi().onDemand(DealershipDao.class).findByApiKeyHash(ApiKeys.hash(key)).orElseThrow();
    assertEquals(id, row.id());
    assertEquals("Harbor Ford", row.name());
    assertEquals("12-25; 4th THU of NOV", row.holidays());
    assertEquals("sales@harbor-ford.example", row.senderEmail());
    assertEquals("+14155550199", row.senderPhone());
    assertEquals("Harbor Ford", row.senderName());
    assertEquals("website,chat", row.firstPartySources());
    assertTrue(row.webFormCapturesConsent());
    assertEquals(1, DB.jdbi().onDemand(DealershipDao.class).listApiKeys(id).size());
  }

  @Test
  void badOptionsAreNamedAndNothingIsWritten() throws Exception {
    int before = DB.jdbi().onDemand(DealershipDao.class).listAll().size();
    Run run = run("dealership", "create", "--name", "Harbor Ford", "--timezone", "Pacific Time",
        "--business-hours", "MON-FRI 08:30-19:00", "--holidays", "12-25; someday", config());
    assertTrue(run.failure().isPresent());
    assertTrue(run.err().contains("error: --timezone is not an IANA time zone"), run.err());
    assertTrue(run.err().contains("error: --holidays 'someday'"), run.err());
    assertTrue(run.err().contains("error: --sender-email is required"), run.err());
    assertEquals(before, DB.jdbi().onDemand(DealershipDao.class).listAll().size());
  }

  private String config() throws Exception {
    Path file = dir.resolve("cli.yml");
    Files.writeString(file, """
        database:
          driverClass: com.mysql.cj.jdbc.Driver
          url: %s
          user: %s
          password: "%s"
        embeddedDatabaseFallback:
          enabled: false
        logging:
          level: WARN
        """.formatted(DB.jdbcUrl(), DB.user(), DB.password()));
    return file.toString();
  }

  private static Run run(String... args) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Bootstrap<LeadCadenceConfiguration> bootstrap = new Bootstrap<>(new LeadCadenceApplication());
    bootstrap.addCommand(new DealershipCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)));
    Cli cli = new Cli(new JarLocation(DealershipCommandTest.class), bootstrap,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    Optional<Throwable> failure = cli.run(args);
    return new Run(failure, printed.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8));
  }

  private static String line(String out, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + ": (\\S+)$").matcher(out);
    assertTrue(m.find(), "no '" + name + ":' line in: " + out);
    return m.group(1);
  }
}
