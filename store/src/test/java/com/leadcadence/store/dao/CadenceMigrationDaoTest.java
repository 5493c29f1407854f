package com.leadcadence.store.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.rows.CadenceMigrationRow;
import com.leadcadence.store.rows.MigrationLeadRow;
import com.leadcadence.store.rows.MigrationOutcome;
import com.leadcadence.store.rows.MigrationStatus;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.store.testing.TestLeads;
import com.leadcadence.workflows.model.LeadStatus;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migration DAO: the running leads of a plan version by id pages, per-lead results upserted (a retry
 * that finds the lead already switched keeps SWITCHED), counts recomputed from them, finished once.
 */
class CadenceMigrationDaoTest {
  private static final Instant T0 = Instant.parse("2026-11-30T15:00:00.123Z");
  private static TestDatabase db;
  private static Jdbi jdbi;
  private static long dealershipId;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    dealershipId = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void pagesResultsAndCounts() {
    LeadDao leads = jdbi.onDemand(LeadDao.class);
    CadenceMigrationDao migrations = jdbi.onDemand(CadenceMigrationDao.class);
    long first = lead(leads, "m-1", "standard", 1, LeadStatus.ACTIVE);
    long paused = lead(leads, "m-2", "standard", 1, LeadStatus.PAUSED);
    lead(leads, "m-3", "standard", 1, LeadStatus.CONTACTED); // ended: not running
    lead(leads, "m-4", "standard", 2, LeadStatus.ACTIVE); // another version
    long third = lead(leads, "m-5", "standard", 1, LeadStatus.ACTIVE);
    leads.insert(TestLeads.jane(dealershipId, "m-6", null)); // no recorded plan

    assertEquals(3, migrations.countRunningLeads(dealershipId, "standard", 1));
    assertEquals(List.of(first, paused), migrations.runningLeadIds(dealershipId, "standard", 1, 0, 2));
    assertEquals(List.of(third), migrations.runningLeadIds(dealershipId, "standard", 1, paused, 2));

    long id = migrations.insert(dealershipId, "standard", 1, 2, false, 3);
    migrations.recordLead(id, first, MigrationOutcome.SWITCHED, "ack", "call-1", null, T0);
    // A retried step: the lead answers ALREADY_ON_IT now, and SWITCHED stays.
    migrations.recordLead(id, first, MigrationOutcome.ALREADY_ON_IT, null, null, "already on standard v2", T0);
    migrations.recordLead(id, paused, MigrationOutcome.FAILED, null, null, "no answer", T0);
    migrations.recordLead(id, paused, MigrationOutcome.NO_COUNTERPART, "sms-1", null, "sms-1 is not in v2", T0);
    migrations.recordLead(id, third, MigrationOutcome.NOT_RUNNING, null, null, "ended", T0);
    migrations.refreshCounts(id);
    migrations.refreshCounts(id);

    CadenceMigrationRow row = migrations.find(dealershipId, "standard", id).orElseThrow();
    assertEquals(List.of(1, 1, 0, 1, 0, 3),
        List.of(row.switched(), row.noCounterpart(), row.already(), row.notRunning(), row.failed(), row.processed()));
    MigrationLeadRow kept = migrations.leads(id, MigrationOutcome.SWITCHED, 0, 10).get(0);
    assertEquals(List.of(first, "ack", "call-1"), List.of(kept.leadId(), kept.position(), kept.nextStepId()));
    assertEquals(List.of(paused), migrations.leads(id, MigrationOutcome.NO_COUNTERPART, 0, 10).stream()
        .map(MigrationLeadRow::leadId).toList());
    assertEquals(List.of(paused, third), migrations.leads(id, null, first, 10).stream()
        .map(MigrationLeadRow::leadId).toList());
    assertEquals(true, migrations.find(dealershipId, "nurture", id).isEmpty(), "another plan's migration");

    assertEquals(1, migrations.finish(id, MigrationStatus.DONE, null, T0));
    assertEquals(0, migrations.finish(id, MigrationStatus.FAILED, "late", T0), "finished once");
    assertEquals(MigrationStatus.DONE, migrations.findById(id).orElseThrow().status());
  }

  private long lead(LeadDao leads, String externalId, String plan, int version, LeadStatus status) {
    long id = leads.insert(TestLeads.jane(dealershipId, externalId, null));
    leads.recordPlan(id, plan, version);
    leads.setStatus(id, status, null);
    return id;
  }
}
