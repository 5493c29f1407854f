package com.leadcadence.store.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.store.reports.FunnelGrouping;
import com.leadcadence.store.reports.ReportFactsRefresh;
import com.leadcadence.store.rows.DirtyLead;
import com.leadcadence.store.rows.FunnelCounts;
import com.leadcadence.store.rows.NewTouch;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.store.testing.TestLeads;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.OptOutChannel;
import com.leadcadence.workflows.model.OutcomeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report facts kept by V19's triggers and ReportFactsRefresh: writes made through the DAOs after a
 * report show in the next one, a mark bumped while a refresh runs survives it, and a lead that becomes a
 * DUPLICATE leaves the facts. Each test has its own dealership; the period is the day around now, as
 * leads.created_at defaults to the insert's time.
 */
class LeadReportFactsTest {
  private static TestDatabase db;
  private static Jdbi jdbi;
  private static FunnelReportDao reports;

  private long dealershipId;
  private final Instant from = Instant.now().minus(Duration.ofDays(1));
  private final Instant to = Instant.now().plus(Duration.ofDays(1));

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    reports = jdbi.onDemand(FunnelReportDao.class);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void newDealership() {
    dealershipId = jdbi.withHandle(h -> h.createUpdate("""
            INSERT INTO dealerships (name, time_zone, business_hours, sender_name, sender_email)
            VALUES ('Facts', 'America/Chicago', 'MON-FRI 09:00-17:00', 'Facts', 'facts@example.com')
            """).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
  }

  private static <T> T dao(Class<T> type) {
    return jdbi.onDemand(type);
  }

  private long newLead(int n) {
    return dao(LeadDao.class).insert(TestLeads.lead(dealershipId, "ext-" + n, "lead" + n + "@example.com",
        "+1312555" + String.format("%04d", n), null));
  }

  private FunnelCounts total() {
    return reports.funnel(dealershipId, from, to, FunnelGrouping.NONE).get(0);
  }

  private Map<String, Long> leadsPerGrade() {
    Map<String, Long> grades = new TreeMap<>();
    reports.funnel(dealershipId, from, to, FunnelGrouping.GRADE).stream().filter(r -> !r.total())
        .forEach(r -> grades.put(r.groupKey(), r.leads()));
    return grades;
  }

  private static long marks(long leadId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM lead_report_facts_dirty WHERE lead_id = :id")
        .bind("id", leadId).mapTo(Long.class).one());
  }

  private static long factRows(long leadId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM lead_report_facts WHERE id = :id")
        .bind("id", leadId).mapTo(Long.class).one());
  }

  @Test
  void aReportCountsTheTouchesOutcomesOptOutsAndGradeChangesWrittenSinceTheLastOne() {
    long texted = newLead(1);
    long appointed = newLead(2);
    long optedOut = newLead(3);
    FunnelCounts before = total();
    assertEquals(3, before.leads());
    assertEquals(List.of(0L, 0L, 0L, 0L, 0L), List.of(before.textsSent(), before.attempts(), before.appointments(),
        before.contacted(), before.optedOut()));
    assertEquals(Map.of("A", 3L), leadsPerGrade());
    assertEquals(0, marks(texted), "the report refreshed the dealership's leads");

    Instant now = Instant.now();
    TouchDao touches = dao(TouchDao.class);
    touches.insertIgnoringDuplicate(new NewTouch(texted, 2, "sms-1", Channel.SMS, "sms-1", "touch-" + texted, now));
    long touchId = touches.findByIdempotencyKey("touch-" + texted).orElseThrow().id();
    assertEquals(1, touches.updateMarkSentLate(touchId, "twilio", "SM1", null));
    dao(OutcomeDao.class).insertIfAbsent(appointed, "appointment-" + appointed, OutcomeType.APPOINTMENT_SET, null, null, now);
    dao(LeadDao.class).markFirstContact(appointed, now);
    dao(OptOutDao.class).insertIfAbsent(dealershipId, "+13125550003", OptOutChannel.SMS, "test");
    dao(LeadDao.class).updateScore(texted, 40, Grade.C);
    assertEquals(List.of(3L, 2L, 1L), List.of(marks(texted), marks(appointed), marks(optedOut)),
        "each write marked its lead: the touch's insert and its SENT, and the grade; the outcome and the first"
            + " contact; the opt-out");

    FunnelCounts after = total();
    assertEquals(List.of(0L, 0L, 0L), List.of(marks(texted), marks(appointed), marks(optedOut)),
        "one computation of a lead's facts settles all its marks");
    assertEquals(3, after.leads());
    assertEquals(List.of(1L, 2L, 1L, 1L, 1L), List.of(after.textsSent(), after.attempts(), after.appointments(),
        after.contacted(), after.optedOut()), "the text and the reported call are the two attempts");
    assertEquals(Map.of("A", 2L, "C", 1L), leadsPerGrade());
    assertEquals(1, reports.speedToLead(dealershipId, from, to).notYetAttempted(), "the opted-out lead, never tried");

    // The START that lifts the opt-out (a DELETE) counts too.
    assertEquals(1, dao(OptOutDao.class).remove(dealershipId, "+13125550003", OptOutChannel.SMS));
    assertEquals(0, total().optedOut());
  }

  @Test
  void aReportLeavesItsConnectionsTemporaryTableLimitsAsTheServersDefaults() {
    newLead(1);
    boolean defaults = jdbi.withHandle(h -> {
      FunnelReportDao onThisHandle = h.attach(FunnelReportDao.class);
      assertEquals(1, onThisHandle.funnel(dealershipId, from, to, FunnelGrouping.SOURCE).get(0).leads());
      assertEquals(1, onThisHandle.speedToLead(dealershipId, from, to).leads());
      return h.createQuery("""
          SELECT @@session.tmp_table_size = @@global.tmp_table_size
             AND @@session.max_heap_table_size = @@global.max_heap_table_size""").mapTo(Boolean.class).one();
    });
    assertTrue(defaults, "the pooled connection goes back with the server's limits");
  }

  @Test
  void aLeadMarkedAgainWhileItsFactsAreComputedStaysDirty() {
    long lead = newLead(1);
    LeadReportFactsDao facts = dao(LeadReportFactsDao.class);
    jdbi.useTransaction(TransactionIsolationLevel.READ_COMMITTED, refresher -> {
      LeadReportFactsDao refreshing = refresher.attach(LeadReportFactsDao.class);
      List<DirtyLead> read = refreshing.dirtyLeadsOf(dealershipId, 0, refreshing.lastMarkId(), ReportFactsRefresh.BATCH);
      assertEquals(List.of(lead), read.stream().map(DirtyLead::leadId).toList());
      refreshing.writeFacts(List.of(lead));

      // Another connection's write lands between the read of the mark and its deletion.
      dao(OutcomeDao.class).insertIfAbsent(lead, "sold-" + lead, OutcomeType.SOLD, null, null, Instant.now());

      assertEquals(1, refreshing.clearMarks(read.stream().map(DirtyLead::markId).toList()), "only the mark read");
    });
    assertEquals(1, marks(lead), "the sale's mark stays");
    assertEquals(0, (int) jdbi.<Integer, RuntimeException>withHandle(h -> h.createQuery("SELECT sold FROM lead_report_facts WHERE id = :id")
        .bind("id", lead).mapTo(Integer.class).one()), "facts as of before the sale");

    assertEquals(1, total().sold(), "the next report refreshes the lead again");
    assertEquals(0, marks(lead));
    assertEquals(List.of(), facts.dirtyLeadsOf(dealershipId, 0, Long.MAX_VALUE, ReportFactsRefresh.BATCH));
  }

  @Test
  void aLeadThatBecomesADuplicateLeavesTheFacts() {
    long original = newLead(1);
    long repeat = newLead(2);
    assertEquals(2, total().leads());
    assertEquals(1, factRows(repeat));

    assertEquals(1, dao(LeadDao.class).markDuplicate(repeat, original));
    assertEquals(1, total().leads());
    assertEquals(0, factRows(repeat));
    assertEquals(1, factRows(original));
  }

  @Test
  void theBackgroundRefreshCoversEveryDealershipAndForgetsLeadsThatAreGone() {
    long kept = newLead(1);
    long gone = newLead(2);
    long otherDealership = dealershipId;
    newDealership();
    long elsewhere = newLead(3);
    jdbi.useHandle(h -> new ReportFactsRefresh(h).refreshAll());
    assertEquals(List.of(1L, 1L, 1L), List.of(factRows(kept), factRows(gone), factRows(elsewhere)));

    jdbi.useHandle(h -> h.createUpdate("DELETE FROM leads WHERE id = :id").bind("id", gone).execute());
    assertEquals(1, marks(gone), "the delete marked it");
    assertEquals(1, (int) jdbi.<Integer, RuntimeException>withHandle(h -> new ReportFactsRefresh(h).refreshAll()));
    assertEquals(List.of(1L, 0L, 1L), List.of(factRows(kept), factRows(gone), factRows(elsewhere)));
    assertEquals(0, marks(gone));
    assertEquals(1, reports.funnel(otherDealership, from, to, FunnelGrouping.NONE).get(0).leads());
  }
}
