package com.leadcadence.store.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.reports.FunnelGrouping;
import com.leadcadence.store.rows.AtRiskLead;
import com.leadcadence.store.rows.FunnelCounts;
import com.leadcadence.store.rows.SpeedToLeadCounts;
import com.leadcadence.store.testing.FunnelDataSet;
import com.leadcadence.store.testing.FunnelDataSet.Lead;
import com.leadcadence.store.testing.FunnelDataSet.Touch;
import com.leadcadence.store.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The report SQL against figures computed here, in Java, from the generated data set itself (not from
 * the database): every count, and the percentiles by nearest rank (rank ceil(p * n) of n ascending
 * values, computed with integers). The period is November 2026 in the dealership's zone
 * (America/Chicago); leads received exactly at its start, a millisecond before, the last millisecond
 * and exactly at its end check the day boundaries. A second dealership's leads must never show.
 */
class FunnelReportDaoTest {
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");
  private static final Instant FROM = LocalDate.of(2026, 11, 1).atStartOfDay(ZONE).toInstant();
  private static final Instant TO = LocalDate.of(2026, 12, 1).atStartOfDay(ZONE).toInstant();
  private static final int LEADS = 4_000;

  private static TestDatabase db;
  private static FunnelReportDao reports;
  private static FunnelDataSet data;
  private static List<Long> agents;

  @BeforeAll
  static void seed() {
    db = TestDatabase.create();
    Jdbi jdbi = db.jdbi();
    long dealershipId = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
    agents = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int n = i;
      agents.add(jdbi.withHandle(h -> h.createUpdate(
              "INSERT INTO agents (dealership_id, name, role) VALUES (:d, :name, 'AGENT')")
          .bind("d", dealershipId).bind("name", "Agent " + n).executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class).one()));
    }
    data = FunnelDataSet.generate(42, LEADS, dealershipId, agents, FROM, TO, 1, 1);
    data.insert(jdbi, 1_000);
    long otherDealership = jdbi.withHandle(h -> h.createUpdate("""
            INSERT INTO dealerships (name, time_zone, business_hours, sender_name, sender_email)
            VALUES ('Other', 'America/New_York', 'MON-FRI 09:00-17:00', 'Other', 'other@example.com')
            """).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    FunnelDataSet.generate(7, 300, otherDealership, List.of(), FROM, TO, 100_001, 1_000_001).insert(jdbi, 1_000);
    reports = jdbi.onDemand(FunnelReportDao.class);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static List<Lead> inPeriod() {
    return data.leads.stream()
        .filter(l -> !l.createdAt.isBefore(FROM) && l.createdAt.isBefore(TO) && !l.status.equals("DUPLICATE"))
        .toList();
  }

  @Test
  void theDataSetCoversWhatTheReportsDistinguish() {
    List<Lead> leads = inPeriod();
    assertTrue(leads.size() > 3_000, "leads in the period: " + leads.size());
    assertTrue(leads.stream().anyMatch(l -> l.createdAt.equals(FROM)), "a lead at the period's first instant");
    assertTrue(data.leads.stream().anyMatch(l -> l.createdAt.equals(TO)), "a lead at the period's end");
    Map<String, Long> firstChannels = leads.stream().map(FunnelReportDaoTest::firstAttemptChannel)
        .filter(Objects::nonNull).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertEquals(4, firstChannels.size(), "first attempts on every channel: " + firstChannels);
  }

  @ParameterizedTest
  @EnumSource(FunnelGrouping.class)
  void funnelMatchesTheFiguresComputedInJava(FunnelGrouping grouping) {
    List<FunnelCounts> rows = reports.funnel(data.dealershipId, FROM, TO, grouping,
        grouping == FunnelGrouping.VARIANT ? FunnelDataSet.VARIANT_STEP : null);

    Map<String, FunnelCounts> expected = new TreeMap<>();
    List<Lead> leads = inPeriod();
    expected.put("total", expected(true, null, leads));
    if (grouping != FunnelGrouping.NONE) {
      Map<String, List<Lead>> groups = new HashMap<>();
      leads.forEach(l -> groups.computeIfAbsent(keyOf(grouping, l), k -> new ArrayList<>()).add(l));
      groups.forEach((key, members) -> expected.put("group " + key, expected(false, key, members)));
    }
    Map<String, FunnelCounts> actual = new TreeMap<>();
    rows.forEach(r -> actual.put(r.total() ? "total" : "group " + r.groupKey(), r));
    assertEquals(expected, actual);
    assertTrue(rows.get(rows.size() - 1).total(), "the total comes last");
  }

  @Test
  void theVariantGroupingHasEveryVariantOfItsStepAndNoOtherStepsAndNeedsItsStep() {
    List<FunnelCounts> rows = reports.funnel(data.dealershipId, FROM, TO, FunnelGrouping.VARIANT,
        FunnelDataSet.VARIANT_STEP);
    java.util.Set<String> keys = rows.stream().filter(r -> !r.total()).map(r -> String.valueOf(r.groupKey()))
        .collect(Collectors.toSet());
    java.util.Set<String> expected = new java.util.HashSet<>(FunnelDataSet.VARIANTS);
    expected.add("null");
    assertEquals(expected, keys, "the step's variants and the leads without one");
    assertTrue(rows.stream().allMatch(r -> r.total() || r.leads() > 50), rows.toString());
    assertEquals(List.of(1), reports.funnel(data.dealershipId, FROM, TO, FunnelGrouping.VARIANT, "no-such-step")
        .stream().filter(r -> !r.total()).map(r -> r.groupKey() == null ? 1 : 0).toList(), "one group: none");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> reports.funnel(data.dealershipId, FROM, TO, FunnelGrouping.VARIANT));
  }

  @Test
  void speedToLeadMatchesTheFiguresComputedInJava() {
    List<Lead> leads = inPeriod();
    List<Long> responses = leads.stream().map(FunnelReportDaoTest::responseMs).filter(Objects::nonNull).sorted().toList();
    Function<Predicate<Long>, Long> count = p -> responses.stream().filter(p).count();
    SpeedToLeadCounts expected = new SpeedToLeadCounts(leads.size(), leads.size() - responses.size(),
        count.apply(ms -> ms <= 60_000), count.apply(ms -> ms > 60_000 && ms <= 300_000),
        count.apply(ms -> ms > 300_000 && ms <= 900_000), count.apply(ms -> ms > 900_000 && ms <= 3_600_000),
        count.apply(ms -> ms > 3_600_000 && ms <= 86_400_000), count.apply(ms -> ms > 86_400_000),
        percentile(responses, 1, 2), percentile(responses, 9, 10));

    assertEquals(expected, reports.speedToLead(data.dealershipId, FROM, TO));
  }

  @Test
  void anEmptyPeriodHasATotalOfNothing() {
    Instant longAgo = Instant.parse("2020-01-01T06:00:00Z");
    List<FunnelCounts> rows = reports.funnel(data.dealershipId, longAgo, longAgo.plus(Duration.ofDays(1)),
        FunnelGrouping.SOURCE);
    assertEquals(List.of(expected(true, null, List.of())), rows);
    assertEquals(new SpeedToLeadCounts(0, 0, 0, 0, 0, 0, 0, 0, null, null),
        reports.speedToLead(data.dealershipId, longAgo, longAgo.plus(Duration.ofDays(1))));
  }

  @Test
  void atRiskListsRunningUncontactedLeadsPastTheirFirstCallDeadlineMostOverdueFirst() {
    Instant now = TO.minus(Duration.ofDays(3));
    List<Lead> expected = data.leads.stream()
        .filter(l -> List.of("STARTING", "ACTIVE").contains(l.status) && l.firstContactAt() == null)
        .filter(l -> slaDueAt(l).isBefore(now))
        .sorted(Comparator.comparing(FunnelReportDaoTest::slaDueAt).thenComparing(l -> l.id))
        .limit(100)
        .toList();

    List<AtRiskLead> actual = reports.atRisk(data.dealershipId, null, now, 100);

    assertEquals(expected.stream().map(l -> l.id).toList(), actual.stream().map(AtRiskLead::leadId).toList());
    assertEquals(expected.stream().map(FunnelReportDaoTest::slaDueAt).toList(),
        actual.stream().map(AtRiskLead::slaDueAt).toList());
    long agent = agents.get(1);
    List<AtRiskLead> ofOneAgent = reports.atRisk(data.dealershipId, agent, now, 100);
    assertTrue(!ofOneAgent.isEmpty() && ofOneAgent.stream().allMatch(l -> l.agentId() == agent));
    assertEquals("Agent 1", ofOneAgent.get(0).agentName());
  }

  private static Instant slaDueAt(Lead lead) {
    return lead.tasks.stream().filter(t -> t.kind().equals("CALL")).map(FunnelDataSet.Task::dueAt)
        .min(Instant::compareTo).orElse(lead.createdAt.plus(Duration.ofMinutes(5)));
  }

  // ---- the figures, computed from the data set ----

  private static FunnelCounts expected(boolean total, String key, List<Lead> leads) {
    List<Long> responses = leads.stream().map(FunnelReportDaoTest::responseMs).filter(Objects::nonNull).sorted().toList();
    List<Long> contacts = leads.stream().map(FunnelReportDaoTest::contactMs).filter(Objects::nonNull).sorted().toList();
    return new FunnelCounts(total, key, leads.size(),
        percentile(responses, 1, 2), percentile(responses, 9, 10),
        percentile(contacts, 1, 2), percentile(contacts, 9, 10),
        responses.stream().filter(ms -> ms <= 300_000).count(),
        contacts.size(),
        count(leads, l -> l.outcomes.stream().anyMatch(o -> List.of("APPOINTMENT_SET", "SOLD").contains(o.type()))),
        count(leads, l -> l.outcomes.stream().anyMatch(o -> o.type().equals("SOLD"))),
        sum(leads, l -> sent(l, null) + l.outcomes.stream()
            .filter(o -> FunnelDataSet.ATTEMPT_OUTCOMES.contains(o.type())).count()),
        sum(leads, l -> sent(l, "EMAIL")),
        sum(leads, l -> Math.min(sent(l, "EMAIL"), l.engagements.stream().map(e -> e.email()).distinct().count())),
        sum(leads, l -> sent(l, "SMS")),
        sum(leads, l -> Math.min(sent(l, "SMS"), tasks(l, "LEAD_REPLIED", t -> true))),
        sum(leads, l -> tasks(l, "CALL", t -> true)),
        sum(leads, l -> tasks(l, "CALL", t -> t.outcome() != null && FunnelDataSet.CONTACT_OUTCOMES.contains(t.outcome()))),
        sum(leads, l -> sent(l, "VOICEMAIL")),
        sum(leads, l -> Math.min(sent(l, "VOICEMAIL"), tasks(l, "CALL_BACK_NOW", t -> true))),
        sum(leads, l -> l.touches.stream().filter(t -> t.sent() && t.status().equals("FAILED")
            && List.of("EMAIL", "SMS").contains(t.step().channel())).count()),
        count(leads, l -> data.optOuts.stream().anyMatch(o -> (o.address().equals(l.phone)
            || o.address().equals(l.email)) && !o.createdAt().isBefore(l.createdAt))));
  }

  /** Nearest rank: the value at rank ceil(num/den * n), 1-based. */
  private static Long percentile(List<Long> sorted, int num, int den) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (num * sorted.size() + den - 1) / den;
    return sorted.get(rank - 1);
  }

  private static Instant firstSent(Lead l) {
    return l.touches.stream().filter(Touch::sent).map(Touch::performedAt).min(Instant::compareTo).orElse(null);
  }

  private static Instant firstCall(Lead l) {
    return l.outcomes.stream().filter(o -> FunnelDataSet.ATTEMPT_OUTCOMES.contains(o.type()))
        .map(FunnelDataSet.Outcome::recordedAt).min(Instant::compareTo).orElse(null);
  }

  private static Long responseMs(Lead l) {
    Instant sent = firstSent(l);
    Instant call = firstCall(l);
    Instant first = sent == null ? call : call == null ? sent : call.isBefore(sent) ? call : sent;
    return first == null ? null : Math.max(0, Duration.between(l.createdAt, first).toMillis());
  }

  private static Long contactMs(Lead l) {
    Instant contact = l.firstContactAt();
    return contact == null ? null : Math.max(0, Duration.between(l.createdAt, contact).toMillis());
  }

  private static String firstAttemptChannel(Lead l) {
    Instant sent = firstSent(l);
    Instant call = firstCall(l);
    if (sent == null && call == null) {
      return null;
    }
    if (sent == null || (call != null && call.isBefore(sent))) {
      return "CALL";
    }
    return l.touches.stream().filter(t -> t.sent() && t.performedAt().equals(sent)).findFirst().orElseThrow()
        .step().channel();
  }

  private static String keyOf(FunnelGrouping grouping, Lead l) {
    return switch (grouping) {
      case NONE -> null;
      case SOURCE -> l.source;
      case AGENT -> l.agentId == null ? null : String.valueOf(l.agentId);
      case GRADE -> l.grade;
      case STEP -> l.touches.stream().max(Comparator.comparingInt(t -> t.step().index()))
          .map(t -> t.step().id()).orElse(null);
      case CHANNEL -> firstAttemptChannel(l);
      // The variant of its touch of the A/B step that went out (taken by a provider, or a call task).
      case VARIANT -> l.touches.stream()
          .filter(t -> t.step().id().equals(FunnelDataSet.VARIANT_STEP) && t.variant() != null
              && (t.sent() || t.status().equals("TASK_CREATED")))
          .map(Touch::variant).findFirst().orElse(null);
    };
  }

  private static long sent(Lead l, String channel) {
    return l.touches.stream().filter(t -> t.sent() && (channel == null || t.step().channel().equals(channel))).count();
  }

  private static long tasks(Lead l, String kind, Predicate<FunnelDataSet.Task> which) {
    return l.tasks.stream().filter(t -> t.kind().equals(kind) && which.test(t)).count();
  }

  private static long count(List<Lead> leads, Predicate<Lead> which) {
    return leads.stream().filter(which).count();
  }

  private static long sum(List<Lead> leads, java.util.function.ToLongFunction<Lead> each) {
    return leads.stream().mapToLong(each).sum();
  }
}
