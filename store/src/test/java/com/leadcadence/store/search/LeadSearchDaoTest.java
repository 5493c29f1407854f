package com.leadcadence.store.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.LeadSearchDao;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.search.LeadSearchCriteria.EmailStartsWith;
import com.leadcadence.store.search.LeadSearchCriteria.FullNameStartsWith;
import com.leadcadence.store.search.LeadSearchCriteria.PhoneIs;
import com.leadcadence.store.search.LeadSearchCriteria.Position;
import com.leadcadence.store.search.LeadSearchCriteria.TextMatch;
import com.leadcadence.store.search.LeadSearchCriteria.WordStartsWith;
import com.leadcadence.store.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lead search against real MariaDB on a seeded table of 4,000 leads in two dealerships: every page
 * sequence equals the same filter and order applied in Java to what was inserted (ties on the time
 * included), and the EXPLAIN of the main shapes shows index range scans without filesort. The plans are
 * printed and written to target/lead-search-explain.txt (the README quotes them).
 */
class LeadSearchDaoTest {
  private static final int LEADS = 4_000;
  private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
  private static final List<String> STATUSES = List.of("ACTIVE", "ACTIVE", "ACTIVE", "CONTACTED", "CONTACTED",
      "RETIRED", "RETIRED", "APPOINTMENT_SET", "SOLD", "LOST", "PAUSED", "OPTED_OUT", "STARTING", "NO_CADENCE");
  private static final List<String> SOURCES =
      List.of("website", "website", "website", "autotrader", "autotrader", "cars.com", "truecar", "oem");
  private static final List<String> FIRST = List.of("Jane", "John", "Ana", "Maria", "Dev", "Karen", "Sam", "Lee");
  private static final List<String> LAST =
      List.of("Doe", "Smith", "Ruiz", "Nguyen", "Patel", "Johnson", "Brown", "Garcia", "Miller", "O_Neil");

  private static TestDatabase db;
  private static Jdbi jdbi;
  private static long dealer;
  private static long other;
  private static List<Long> dealerAgents;
  private static List<LeadRow> all;

  @BeforeAll
  static void seed() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    dealer = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
    other = new DealershipSeeder(jdbi).seed(DemoDealership.SEED.withApiKey("other-search-key"));
    dealerAgents = agentsOf(dealer);
    List<Long> otherAgents = agentsOf(other);
    Random random = new Random(20261130);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < LEADS; i++) {
      boolean ours = random.nextInt(4) != 0;
      List<Long> agents = ours ? dealerAgents : otherAgents;
      // Whole minutes, so that many leads share a created_at and the id must break the tie.
      Instant created = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
      Instant updated = created.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 10)));
      String first = FIRST.get(random.nextInt(FIRST.size()));
      String last = LAST.get(random.nextInt(LAST.size()));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("dealershipId", ours ? dealer : other);
      row.put("source", SOURCES.get(random.nextInt(SOURCES.size())));
      row.put("externalId", "x" + i);
      row.put("firstName", first);
      row.put("lastName", last);
      row.put("email", random.nextInt(10) == 0 ? null
          : (first + "." + last + i + "@example.com").toLowerCase(Locale.ROOT));
      row.put("phone", random.nextInt(10) == 0 ? null : String.format("+1312555%04d", i % 3_000));
      row.put("grade", "ABBCCCD".substring(random.nextInt(7)).substring(0, 1));
      row.put("status", STATUSES.get(random.nextInt(STATUSES.size())));
      row.put("agentId", random.nextInt(8) == 0 ? null : agents.get(random.nextInt(agents.size())));
      row.put("createdAt", created);
      row.put("updatedAt", updated);
      rows.add(row);
    }
    jdbi.useHandle(handle -> {
      // A few multi-row INSERTs: one statement per lead would take most of this test's time.
      for (int from = 0; from < rows.size(); from += 500) {
        List<Map<String, Object>> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
        List<String> values = new ArrayList<>();
        org.jdbi.v3.core.statement.Update insert = handle.createUpdate("INSERT INTO leads (dealership_id, source,"
            + " external_id, first_name, last_name, email, phone, time_zone, score, grade, status, assigned_agent_id,"
            + " created_at, updated_at) VALUES <values>");
        for (int i = 0; i < chunk.size(); i++) {
          List<String> names = new ArrayList<>();
          for (Map.Entry<String, Object> column : chunk.get(i).entrySet()) {
            names.add(":" + column.getKey() + i);
            insert.bind(column.getKey() + i, column.getValue());
          }
          names.add(7, "'America/Chicago', 50");
          values.add("(" + String.join(", ", names) + ")");
        }
        insert.define("values", String.join(",\n", values)).execute();
      }
      handle.execute("ANALYZE TABLE leads");
    });
    all = jdbi.withHandle(h -> h.createQuery("SELECT * FROM leads").mapTo(LeadRow.class).list());
    assertEquals(LEADS, all.size());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void everyFilterPagesThroughExactlyItsLeadsInOrder() {
    long agent = dealerAgents.get(1);
    Instant from = START.plus(Duration.ofDays(10));
    Instant before = START.plus(Duration.ofDays(20));
    Instant since = START.plus(Duration.ofDays(50));
    Map<LeadSearchCriteria, Predicate<LeadRow>> cases = new LinkedHashMap<>();
    cases.put(criteria(List.of(), List.of(), null, null, null, null, null, null), l -> true);
    cases.put(criteria(List.of("ACTIVE"), List.of(), null, null, null, null, null, null),
        l -> l.status().name().equals("ACTIVE"));
    cases.put(criteria(List.of("ACTIVE", "PAUSED"), List.of("A", "B"), null, null, null, null, null, null),
        l -> (l.status().name().equals("ACTIVE") || l.status().name().equals("PAUSED"))
            && (l.grade().name().equals("A") || l.grade().name().equals("B")));
    cases.put(criteria(List.of(), List.of("D"), null, null, null, null, null, null), l -> l.grade().name().equals("D"));
    cases.put(criteria(List.of(), List.of(), "autotrader", null, null, null, null, null),
        l -> l.source().equals("autotrader"));
    cases.put(criteria(List.of(), List.of(), null, agent, null, null, null, null),
        l -> Long.valueOf(agent).equals(l.assignedAgentId()));
    cases.put(criteria(List.of(), List.of(), null, null, from, before, null, null),
        l -> !l.createdAt().isBefore(from) && l.createdAt().isBefore(before));
    cases.put(criteria(List.of(), List.of(), null, null, null, null, since, null), l -> !l.updatedAt().isBefore(since));
    cases.put(criteria(List.of("CONTACTED"), List.of(), "website", null, null, null, since, null),
        l -> l.status().name().equals("CONTACTED") && l.source().equals("website") && !l.updatedAt().isBefore(since));
    cases.put(criteria(List.of(), List.of(), null, null, null, null, null, new PhoneIs("+13125550042")),
        l -> "+13125550042".equals(l.phone()));
    cases.put(criteria(List.of(), List.of(), null, null, null, null, null, new EmailStartsWith("jane.doe1")),
        l -> l.email() != null && l.email().startsWith("jane.doe1"));
    cases.put(criteria(List.of(), List.of(), null, null, null, null, null, new WordStartsWith("ngu")),
        l -> startsWithWord(l, "ngu"));
    cases.put(criteria(List.of(), List.of(), null, null, null, null, null, new WordStartsWith("Ma")),
        l -> startsWithWord(l, "ma"));
    cases.put(criteria(List.of(), List.of(), null, null, null, null, null, new WordStartsWith("ana.ruiz1")),
        l -> startsWithWord(l, "ana.ruiz1"));
    cases.put(criteria(List.of(), List.of(), null, null, null, null, null, new FullNameStartsWith("jan", "do")),
        l -> startsWithIgnoringCase(l.firstName(), "jan") && startsWithIgnoringCase(l.lastName(), "do"));
    // LIKE's wildcards in q are taken literally: "O_" finds O_Neil only, not every last name starting with O.
    cases.put(criteria(List.of(), List.of(), null, null, null, null, null, new WordStartsWith("O_")),
        l -> startsWithWord(l, "o_"));

    for (Map.Entry<LeadSearchCriteria, Predicate<LeadRow>> c : cases.entrySet()) {
      LeadSearchCriteria criteria = c.getKey();
      List<Long> expected = all.stream()
          .filter(l -> l.dealershipId() == dealer)
          .filter(c.getValue())
          .sorted(order(criteria))
          .map(LeadRow::id)
          .toList();
      List<Long> paged = pageThrough(criteria);
      assertFalse(expected.isEmpty(), "the seed has leads for " + criteria);
      assertEquals(expected, paged, "pages of " + criteria);
    }
  }

  @Test
  void anotherDealershipsPositionOnlyMovesWithinTheCallersOwnLeads() {
    LeadRow theirs = all.stream().filter(l -> l.dealershipId() == other).findFirst().orElseThrow();
    List<LeadRow> page = dao().search(criteria(List.of(), List.of(), null, null, null, null, null, null)
        .after(new Position(theirs.createdAt(), theirs.id())));
    assertFalse(page.isEmpty());
    assertTrue(page.stream().allMatch(l -> l.dealershipId() == dealer));
  }

  /** The plans of the main shapes, first page and a later one. */
  @Test
  void mainSearchesAreIndexRangeScansWithoutFilesort() throws IOException {
    // Positions deep enough that most of the dealership's leads lie beyond them: the case where a plan
    // that reads from the top instead of seeking shows in r_rows.
    Instant since = START.plus(Duration.ofDays(50));
    LeadSearchCriteria newest = criteria(List.of(), List.of(), null, null, null, null, null, null);
    LeadSearchCriteria changes = criteria(List.of(), List.of(), null, null, null, null, since, null);
    LeadRow deep = all.stream().filter(l -> l.dealershipId() == dealer).sorted(order(newest)).skip(1_000)
        .findFirst().orElseThrow();
    LeadRow deepChange = all.stream().filter(l -> l.dealershipId() == dealer && !l.updatedAt().isBefore(since))
        .sorted(order(changes)).skip(100).findFirst().orElseThrow();
    Position createdPos = new Position(deep.createdAt(), deep.id());
    Position updatedPos = new Position(deepChange.updatedAt(), deepChange.id());
    StringBuilder report = new StringBuilder();

    List<String> createdOnly = List.of("ix_leads_created");
    expectPlan(report, "newest first", criteria(List.of(), List.of(), null, null, null, null, null, null),
        createdOnly, false);
    expectPlan(report, "newest first, next page", criteria(List.of(), List.of(), null, null, null, null, null, null)
        .after(createdPos), createdOnly, false);
    expectPlan(report, "changes since (CRM polling)", criteria(List.of(), List.of(), null, null, null, null, since, null),
        List.of("ix_leads_updated"), false);
    expectPlan(report, "changes since, next page",
        criteria(List.of(), List.of(), null, null, null, null, since, null).after(updatedPos),
        List.of("ix_leads_updated"), false);
    expectPlan(report, "status", criteria(List.of("ACTIVE"), List.of(), null, null, null, null, null, null)
        .after(createdPos), List.of("ix_leads_status_created"), false);
    expectPlan(report, "grade", criteria(List.of(), List.of("D"), null, null, null, null, null, null),
        List.of("ix_leads_grade_created"), false);
    expectPlan(report, "source", criteria(List.of(), List.of(), "truecar", null, null, null, null, null),
        List.of("ix_leads_source_created"), false);
    expectPlan(report, "agent", criteria(List.of(), List.of(), null, dealerAgents.get(0), null, null, null, null)
        .after(createdPos), List.of("ix_leads_agent_created"), false);
    expectPlan(report, "created between",
        criteria(List.of(), List.of(), null, null, START.plus(Duration.ofDays(10)), START.plus(Duration.ofDays(12)),
            null, null), createdOnly, false);
    // q: the matches are few and are sorted (filesort of those rows only), found through their own index.
    expectPlan(report, "q phone", criteria(List.of(), List.of(), null, null, null, null, null,
        new PhoneIs("+13125550042")), List.of("ix_leads_phone"), true);
    expectPlan(report, "q e-mail prefix", criteria(List.of(), List.of(), null, null, null, null, null,
        new EmailStartsWith("jane.doe1")), List.of("ix_leads_email"), true);
    expectPlan(report, "q one word (first name, last name or e-mail)", criteria(List.of(), List.of(), null, null,
        null, null, null, new WordStartsWith("Ngu")), List.of("ix_leads_first_name,ix_leads_last_name,ix_leads_email",
            "ix_leads_last_name,ix_leads_first_name,ix_leads_email", "ix_leads_email,ix_leads_first_name,ix_leads_last_name",
            "ix_leads_first_name,ix_leads_email,ix_leads_last_name", "ix_leads_last_name,ix_leads_email,ix_leads_first_name",
            "ix_leads_email,ix_leads_last_name,ix_leads_first_name"), true);
    expectPlan(report, "q first and last name", criteria(List.of(), List.of(), null, null, null, null, null,
        new FullNameStartsWith("Jan", "Do")), List.of("ix_leads_last_name", "ix_leads_first_name"), true);

    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "lead-search-explain.txt"), report.toString());
  }

  private static void expectPlan(StringBuilder report, String name, LeadSearchCriteria criteria,
      List<String> allowedKeys, boolean sortsMatches) {
    LeadSearchSql sql = LeadSearchSql.of(criteria);
    // ANALYZE runs the statement and adds what it really read (r_rows) to EXPLAIN's columns.
    List<Map<String, Object>> plan = jdbi.withHandle(h -> h.createQuery("ANALYZE " + sql.text())
        .registerArgument(new com.leadcadence.store.InstantArgumentFactory())
        .bindMap(sql.bindings())
        .mapToMap()
        .list());
    assertEquals(1, plan.size(), name + ": one table, one step");
    Map<String, Object> row = plan.get(0);
    String type = String.valueOf(row.get("type"));
    String key = String.valueOf(row.get("key"));
    String extra = String.valueOf(row.get("extra"));
    double read = Double.parseDouble(String.valueOf(row.get("r_rows")));
    report.append("-- ").append(name).append('\n').append(sql.text()).append('\n')
        .append(String.format("type=%s key=%s key_len=%s rows(estimate)=%s r_rows(read)=%.0f extra=%s%n%n",
            type, key, row.get("key_len"), row.get("rows"), read, extra));
    assertNotEquals("ALL", type, name + ": no full table scan");
    assertNotEquals("index", type, name + ": no full index scan");
    assertNotNull(row.get("key"), name + ": an index is used");
    assertTrue(allowedKeys.contains(key), name + ": uses " + key + ", expected one of " + allowedKeys);
    if (!sortsMatches) {
      assertFalse(extra.contains("filesort"), name + ": rows come in index order, no filesort: " + extra);
      assertTrue(read <= 2 * criteria.limit(),
          name + ": a page reads about its own rows (keyset seek, not a walk from the top): " + read);
    }
  }

  /** Every page on one connection (the test DataSource opens one per handle). */
  private static List<Long> pageThrough(LeadSearchCriteria first) {
    return jdbi.withExtension(LeadSearchDao.class, dao -> pageThrough(dao, first));
  }

  private static List<Long> pageThrough(LeadSearchDao dao, LeadSearchCriteria first) {
    List<Long> ids = new ArrayList<>();
    LeadSearchCriteria criteria = first;
    for (int pages = 0; pages < 1_000; pages++) {
      List<LeadRow> page = dao.search(criteria);
      page.forEach(l -> ids.add(l.id()));
      if (page.size() < criteria.limit()) {
        return ids;
      }
      LeadRow last = page.get(page.size() - 1);
      criteria = criteria.after(new Position(
          criteria.order() == LeadSearchCriteria.Order.NEWEST_FIRST ? last.createdAt() : last.updatedAt(), last.id()));
    }
    throw new AssertionError("did not reach the last page");
  }

  private static Comparator<LeadRow> order(LeadSearchCriteria criteria) {
    return criteria.order() == LeadSearchCriteria.Order.NEWEST_FIRST
        ? Comparator.comparing(LeadRow::createdAt).thenComparing(LeadRow::id).reversed()
        : Comparator.comparing(LeadRow::updatedAt).thenComparing(LeadRow::id);
  }

  private static LeadSearchCriteria criteria(List<String> statuses, List<String> grades, String source, Long agentId,
      Instant createdFrom, Instant createdBefore, Instant updatedSince, TextMatch text) {
    return new LeadSearchCriteria(dealer, statuses, grades, source, agentId, createdFrom, createdBefore, updatedSince,
        text, null, 37);
  }

  private static boolean startsWithWord(LeadRow lead, String word) {
    return startsWithIgnoringCase(lead.firstName(), word) || startsWithIgnoringCase(lead.lastName(), word)
        || (lead.email() != null && lead.email().startsWith(word));
  }

  private static boolean startsWithIgnoringCase(String value, String prefix) {
    return value.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
  }

  private static List<Long> agentsOf(long dealershipId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id FROM agents WHERE dealership_id = :d ORDER BY id")
        .bind("d", dealershipId).mapTo(Long.class).list());
  }

  private static LeadSearchDao dao() {
    return jdbi.onDemand(LeadSearchDao.class);
  }
}
