package com.leadcadence.activities;

import static com.leadcadence.activities.ActivitiesTestSupport.T0;
import static com.leadcadence.activities.ActivitiesTestSupport.newLead;
import static com.leadcadence.activities.ActivitiesTestSupport.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.leadcadence.activities.notify.RecordingAgentNotifier;
import com.leadcadence.activities.senders.DryRunOutbox;
import com.leadcadence.activities.senders.DryRunSenders;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.OutcomeDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TaskStatus;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.activities.ManagerAlert;
import com.leadcadence.workflows.activities.OutcomeRecord;
import com.leadcadence.workflows.activities.StatusChange;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.OutcomeType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LeadRecordActivitiesImplTest {
  private static TestDatabase db;
  private static Jdbi jdbi;
  private static long dealershipId;
  private static long agentId;

  private final RecordingAgentNotifier notifier = new RecordingAgentNotifier();
  private final CadenceActivities activities = CadenceActivities.create(jdbi,
      DryRunSenders.all(new DryRunOutbox()), ActivitiesTestSupport.repoTemplates(), notifier,
      new SimpleMeterRegistry());

  @BeforeAll
  static void setUpDatabase() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    dealershipId = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
    agentId = jdbi.onDemand(AgentDao.class).listActive(dealershipId, AgentRole.AGENT).get(0).id();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private long leadWithOpenCallTask(String externalId) {
    long leadId = newLead(jdbi, dealershipId, externalId, "jane@example.com", "+13125550140", agentId);
    activities.touch().perform(request(leadId, dealershipId, 1, Channel.CALL, "call", agentId, Duration.ofMinutes(5)));
    return leadId;
  }

  private static OutcomeRecord outcome(long leadId, OutcomeType type, int n, LeadStatus after, Duration later) {
    String workflowId = WorkflowIds.forLead(leadId);
    return new OutcomeRecord(leadId, workflowId, workflowId + ":" + type + ":" + n,
        new Outcome(type, agentId, "note " + n), after, T0.plus(later));
  }

  @Test
  void contactIsStoredOnceClosesTasksAndStampsFirstContact() {
    long leadId = leadWithOpenCallTask("record-contacted");
    OutcomeRecord contacted = outcome(leadId, OutcomeType.CONTACTED, 1, LeadStatus.CONTACTED, Duration.ofMinutes(3));

    activities.leadRecord().recordOutcome(contacted);
    activities.leadRecord().recordOutcome(contacted);

    assertEquals(1, jdbi.onDemand(OutcomeDao.class).listByLead(leadId).size());
    List<TaskRow> tasks = jdbi.onDemand(TaskDao.class).listByLead(leadId);
    assertEquals(1, tasks.size());
    assertEquals(TaskStatus.DONE, tasks.get(0).status());
    assertEquals("CONTACTED", tasks.get(0).outcome());
    assertEquals(contacted.at(), tasks.get(0).completedAt());
    LeadRow lead = jdbi.onDemand(LeadDao.class).findById(leadId).orElseThrow();
    assertEquals(contacted.at(), lead.firstContactAt());
    assertEquals(LeadStatus.CONTACTED, lead.status());
    assertEquals(contacted.at(), lead.closedAt());
  }

  @Test
  void noAnswerClosesTheTaskButIsNoContact() {
    long leadId = leadWithOpenCallTask("record-no-answer");
    activities.leadRecord().recordOutcome(
        outcome(leadId, OutcomeType.NO_ANSWER, 1, LeadStatus.ACTIVE, Duration.ofMinutes(4)));

    LeadRow lead = jdbi.onDemand(LeadDao.class).findById(leadId).orElseThrow();
    assertNull(lead.firstContactAt());
    assertNull(lead.closedAt());
    assertEquals(LeadStatus.ACTIVE, lead.status());
    assertEquals(TaskStatus.DONE, jdbi.onDemand(TaskDao.class).listByLead(leadId).get(0).status());
    assertEquals(OutcomeType.NO_ANSWER, jdbi.onDemand(OutcomeDao.class).listByLead(leadId).get(0).type());
  }

  @Test
  void aTerminalStatusClosesTheLeadAndCancelsItsTasks() {
    long leadId = leadWithOpenCallTask("record-retired");
    activities.leadRecord().recordStatus(new StatusChange(leadId, LeadStatus.RETIRED, T0.plus(Duration.ofDays(30))));

    LeadRow lead = jdbi.onDemand(LeadDao.class).findById(leadId).orElseThrow();
    assertEquals(LeadStatus.RETIRED, lead.status());
    assertEquals(T0.plus(Duration.ofDays(30)), lead.closedAt());
    assertEquals(TaskStatus.CANCELLED, jdbi.onDemand(TaskDao.class).listByLead(leadId).get(0).status());
  }

  @Test
  void aManagerAlertReachesTheDealershipsManagers() {
    long leadId = newLead(jdbi, dealershipId, "record-alert", "jane@example.com", null, agentId);
    ManagerAlert alert = new ManagerAlert(leadId, dealershipId, WorkflowIds.forLead(leadId),
        "hot lead uncontacted after 15 minutes", T0.plus(Duration.ofMinutes(15)));

    activities.leadRecord().alertManager(alert);

    assertEquals(List.of(alert), notifier.alerts);
    assertEquals(List.of("Karen Olsen"), notifier.alertedManagers.get(0).stream().map(a -> a.name()).toList());
  }
}
