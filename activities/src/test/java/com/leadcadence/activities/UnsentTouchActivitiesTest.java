package com.leadcadence.activities;

import static com.leadcadence.activities.ActivitiesTestSupport.T0;
import static com.leadcadence.activities.ActivitiesTestSupport.newLead;
import static com.leadcadence.activities.ActivitiesTestSupport.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.notify.RecordingAgentNotifier;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.activities.senders.DryRunOutbox;
import com.leadcadence.activities.senders.DryRunSenders;
import com.leadcadence.activities.templates.UnsubscribeUrls;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.OptOutDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.activities.TouchRequest;
import com.leadcadence.workflows.activities.TouchResult;
import com.leadcadence.workflows.activities.TouchStatus;
import com.leadcadence.workflows.activities.UnsentTouch;
import com.leadcadence.workflows.model.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The send activity's own window check, and the rows of steps that were never sent (FAILED, SKIPPED_STALE). */
class UnsentTouchActivitiesTest {
  private static TestDatabase db;
  private static Jdbi jdbi;
  private static long dealershipId;
  private static AgentRow agent;

  private final DryRunOutbox outbox = new DryRunOutbox();
  private final RecordingAgentNotifier notifier = new RecordingAgentNotifier();
  private int leadCounter;

  @BeforeAll
  static void setUpDatabase() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    dealershipId = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
    agent = jdbi.onDemand(AgentDao.class).listActive(dealershipId, AgentRole.AGENT).get(0);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private TouchActivitiesImpl activitiesAt(Instant wallClock) {
    return new TouchActivitiesImpl(jdbi, DryRunSenders.all(outbox), ActivitiesTestSupport.repoTemplates(),
        new OptOutRegistry(jdbi.onDemand(OptOutDao.class)), notifier, UnsubscribeUrls.NONE,
        Clock.fixed(wallClock, ZoneOffset.UTC), new SimpleMeterRegistry());
  }

  private long lead() {
    return newLead(jdbi, dealershipId, "unsent-" + (++leadCounter) + "-" + System.nanoTime(),
        "jane@example.com", "+13125550123", agent.id());
  }

  private static TouchRequest withLimit(TouchRequest r, Instant allowedUntil) {
    return new TouchRequest(r.leadId(), r.dealershipId(), r.workflowId(), r.stepIndex(), r.stepId(), r.channel(),
        r.templateId(), r.performedAt(), r.agentId(), r.callSla(), allowedUntil);
  }

  private static UnsentTouch unsent(long leadId, int step, Channel channel, String template, String reason) {
    return new UnsentTouch(leadId, dealershipId, WorkflowIds.forLead(leadId), step, channel.name().toLowerCase()
        + "-" + step, channel, template, T0, agent.id(), channel == Channel.CALL ? Duration.ofMinutes(15) : null,
        reason);
  }

  private static List<TouchRow> touches(long leadId) {
    return jdbi.onDemand(TouchDao.class).listByLead(leadId);
  }

  @Test
  void aSendStartedAfterTheWindowClosedIsRefusedWithoutARowOrAMessage() {
    long leadId = lead();
    TouchRequest text = withLimit(request(leadId, dealershipId, 2, Channel.SMS, "intro", agent.id(), null),
        T0.plusSeconds(60));

    TouchResult refused = activitiesAt(T0.plusSeconds(60)).perform(text);

    assertEquals(TouchStatus.SKIPPED_QUIET_HOURS, refused.status());
    assertTrue(refused.detail().contains("window closed"), refused.detail());
    assertTrue(touches(leadId).isEmpty(), "nothing written: the step is planned again");
    assertTrue(outbox.messagesForLead(leadId).isEmpty());

    // Inside the window (by the activity's clock) the same request sends.
    TouchResult sent = activitiesAt(T0.plusSeconds(59)).perform(text);
    assertEquals(TouchStatus.SENT, sent.status());
    assertEquals(1, outbox.messagesForLead(leadId).size());
  }

  @Test
  void aFailedTextIsRecordedAsFailedWithItsReasonOnce() {
    long leadId = lead();
    TouchActivitiesImpl activities = activitiesAt(T0);
    TouchResult failed = activities.recordFailure(unsent(leadId, 2, Channel.SMS, "intro", "provider answered 500"));
    TouchResult again = activities.recordFailure(unsent(leadId, 2, Channel.SMS, "intro", "another reason"));

    assertEquals(TouchStatus.FAILED, failed.status());
    assertEquals(failed.touchId(), again.touchId());
    TouchRow row = touches(leadId).get(0);
    assertEquals(TouchState.FAILED, row.status());
    assertTrue(row.detail().contains("provider answered 500"), row.detail());
    assertEquals(1, touches(leadId).size());
  }

  @Test
  void aFailedCallStillGivesTheAgentTheTask() {
    long leadId = lead();
    TouchResult failed = activitiesAt(T0).recordFailure(unsent(leadId, 1, Channel.CALL, "call", "template broke"));

    assertEquals(TouchStatus.FAILED, failed.status());
    assertNotNull(failed.task(), "the workflow watches the task's SLA");
    List<TaskRow> tasks = jdbi.onDemand(TaskDao.class).listByLead(leadId);
    assertEquals(1, tasks.size());
    assertEquals(T0.plus(Duration.ofMinutes(15)), tasks.get(0).dueAt());
    assertEquals(agent.id(), tasks.get(0).agentId());
    assertEquals(1, notifier.tasks.size());
    // Retried: the same task, no second notification.
    activitiesAt(T0).recordFailure(unsent(leadId, 1, Channel.CALL, "call", "template broke"));
    assertEquals(1, jdbi.onDemand(TaskDao.class).listByLead(leadId).size());
    assertEquals(1, notifier.tasks.size());
  }

  @Test
  void aStaleStepIsRecordedAsSkippedStaleAndASettledRowIsLeftAlone() {
    long leadId = lead();
    TouchActivitiesImpl activities = activitiesAt(T0);
    TouchResult stale = activities.recordSkippedStale(unsent(leadId, 4, Channel.SMS, "follow-up", "12 h late"));
    assertEquals(TouchStatus.SKIPPED_STALE, stale.status());
    assertEquals(TouchState.SKIPPED_STALE, touches(leadId).get(0).status());

    TouchResult sent = activities.perform(request(leadId, dealershipId, 5, Channel.EMAIL, "ack", agent.id(), null));
    assertEquals(TouchStatus.SENT, sent.status());
    TouchResult notFailed = activities.recordFailure(unsent(leadId, 5, Channel.EMAIL, "ack", "late report"));
    assertEquals(TouchStatus.SENT, notFailed.status(), "a sent step stays sent");
  }
}
