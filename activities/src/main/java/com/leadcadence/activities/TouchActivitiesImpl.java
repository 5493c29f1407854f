package com.leadcadence.activities;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.logging.Masking;
import com.leadcadence.activities.notify.AgentNotifier;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.activities.senders.EmailMessage;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.PermanentDeliveryException;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.senders.SmsMessage;
import com.leadcadence.activities.senders.VoicemailMessage;
import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.activities.templates.RenderedMessage;
import com.leadcadence.activities.templates.TemplateContext;
import com.leadcadence.activities.templates.UnsubscribeUrls;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.NewTask;
import com.leadcadence.store.rows.NewTouch;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.workflows.activities.TouchActivities;
import com.leadcadence.workflows.activities.TouchRequest;
import com.leadcadence.workflows.activities.TouchResult;
import com.leadcadence.workflows.activities.TouchStatus;
import com.leadcadence.workflows.activities.UnsentTouch;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.TaskDeadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs a cadence step at most once per idempotency key. The touch row is written (PENDING) before
 * anything else; SENDING marks a message handed to a provider, so a retry that finds it there reports it
 * sent instead of sending twice. Free of Activity.getExecutionContext(), so it runs outside a worker too.
 */
public final class TouchActivitiesImpl implements TouchActivities {
  public static final Duration DEFAULT_CALL_SLA = Duration.ofMinutes(5);
  static final String UNCONFIRMED = "an earlier attempt was interrupted after handing the message to the"
      + " provider; delivery was not confirmed and it is not sent again";
  private static final int DETAIL_MAX = 500;
  private static final Logger log = LoggerFactory.getLogger(TouchActivitiesImpl.class);

  private final Jdbi jdbi;
  private final TouchDao touches;
  private final LeadDao leads;
  private final DealershipDao dealerships;
  private final AgentDao agents;
  private final TaskDao tasks;
  private final Senders senders;
  private final MessageTemplates templates;
  private final OptOutRegistry optOuts;
  private final AgentNotifier notifier;
  private final UnsubscribeUrls unsubscribeUrls;
  /** The activity's own clock for the window check (a test's time-skipping clock in tests). */
  private final Clock clock;

  public TouchActivitiesImpl(
      Jdbi jdbi, Senders senders, MessageTemplates templates, OptOutRegistry optOuts, AgentNotifier notifier) {
    this(jdbi, senders, templates, optOuts, notifier, UnsubscribeUrls.NONE);
  }

  public TouchActivitiesImpl(Jdbi jdbi, Senders senders, MessageTemplates templates, OptOutRegistry optOuts,
      AgentNotifier notifier, UnsubscribeUrls unsubscribeUrls) {
    this(jdbi, senders, templates, optOuts, notifier, unsubscribeUrls, Clock.systemUTC());
  }

  public TouchActivitiesImpl(Jdbi jdbi, Senders senders, MessageTemplates templates, OptOutRegistry optOuts,
      AgentNotifier notifier, UnsubscribeUrls unsubscribeUrls, Clock clock) {
    this.clock = clock;
    this.jdbi = jdbi;
    this.touches = jdbi.onDemand(TouchDao.class);
    this.leads = jdbi.onDemand(LeadDao.class);
    this.dealerships = jdbi.onDemand(DealershipDao.class);
    this.agents = jdbi.onDemand(AgentDao.class);
    this.tasks = jdbi.onDemand(TaskDao.class);
    this.senders = senders;
    this.templates = templates;
    this.optOuts = optOuts;
    this.notifier = notifier;
    this.unsubscribeUrls = unsubscribeUrls;
  }

  @Override
  public TouchResult perform(TouchRequest request) {
    try (LeadMdc ignored = LeadMdc.put(request.leadId(), request.workflowId())) {
      Instant wallClock = clock.instant();
      if (request.allowedUntil() != null && !wallClock.isBefore(request.allowedUntil())) {
        // Second line of defence: started after the window closed (a backlog, a late retry). Nothing is
        // written or sent; the workflow plans the step again. A retry that finds it settled is re-asked
        // inside the next window and answers from the row then.
        log.warn("Step {} ({}) refused: started at {}, the {} window closed at {}", request.stepId(),
            request.idempotencyKey(), wallClock, request.channel(), request.allowedUntil());
        return new TouchResult(0, TouchStatus.SKIPPED_QUIET_HOURS,
            "started at " + wallClock + ", after the contact window closed at " + request.allowedUntil());
      }
      TouchRow touch = touches.insertIfAbsent(new NewTouch(request.leadId(), request.stepIndex(),
          request.stepId(), request.channel(), request.templateId(), request.idempotencyKey(),
          request.performedAt()));
      return switch (touch.status()) {
        case PENDING -> performPending(request, touch);
        case SENDING -> settleUnconfirmed(request, touch);
        case TASK_CREATED -> withTask(touch);
        default -> {
          log.info("Step {} ({}) already done: {}", request.stepId(), request.idempotencyKey(), touch.status());
          yield resultOf(touch);
        }
      };
    }
  }

  private TouchResult performPending(TouchRequest request, TouchRow touch) {
    LeadRow lead = leads.findById(request.leadId())
        .orElseThrow(() -> new IllegalStateException("lead " + request.leadId() + " does not exist"));
    Channel channel = request.channel();
    String address = channel == Channel.EMAIL ? lead.email() : lead.phone();
    if (address == null || address.isBlank()) {
      return settle(touch, TouchState.CHANNEL_BLOCKED, null, null,
          "the lead has no " + (channel == Channel.EMAIL ? "email address" : "phone number"));
    }
    if (optOuts.isBlocked(lead.dealershipId(), address, channel)) {
      return settle(touch, TouchState.SKIPPED_OPTED_OUT, address, null,
          Masking.address(address) + " opted out of " + channel);
    }
    DealershipRow dealership = dealerships.findById(lead.dealershipId())
        .orElseThrow(() -> new IllegalStateException("dealership " + lead.dealershipId() + " does not exist"));
    Long agentId = request.agentId() != null ? request.agentId() : lead.assignedAgentId();
    AgentRow agent = agentId == null ? null : agents.findById(lead.dealershipId(), agentId).orElse(null);
    TemplateContext context = TemplateContext.of(lead, dealership, agent);
    if (channel == Channel.EMAIL) {
      context = context.withUnsubscribeUrl(unsubscribeUrls.forLead(lead.id()));
    }
    RenderedMessage message = templates.render(channel, request.templateId(), context);
    if (channel == Channel.CALL) {
      return createCallTask(request, touch, lead, dealership, agentId, address, message);
    }
    return send(request, touch, dealership, address, message);
  }

  @Override
  public TouchResult recordFailure(UnsentTouch step) {
    try (LeadMdc ignored = LeadMdc.put(step.leadId(), step.workflowId())) {
      TouchRow touch = insertUnsent(step);
      if (!touch.status().isSettled()) {
        String reason = touch.status() == TouchState.SENDING
            ? "failed after it was handed to the provider (delivery unknown): " + step.reason()
            : "failed: " + step.reason();
        touches.settle(touch.id(), TouchState.FAILED, null, null, null, truncate(reason));
        log.warn("Step {} ({}) FAILED: {}", step.stepId(), step.idempotencyKey(), reason);
      }
      TouchRow current = touches.findById(touch.id()).orElseThrow();
      if (step.channel() != Channel.CALL || current.status() != TouchState.FAILED) {
        return unsentResult(current, null);
      }
      return unsentResult(current, taskForFailedCall(step, current));
    }
  }

  @Override
  public TouchResult recordSkippedStale(UnsentTouch step) {
    try (LeadMdc ignored = LeadMdc.put(step.leadId(), step.workflowId())) {
      TouchRow touch = insertUnsent(step);
      if (!touch.status().isSettled()) {
        touches.settle(touch.id(), TouchState.SKIPPED_STALE, null, null, null, truncate("stale: " + step.reason()));
        log.info("Step {} ({}) SKIPPED_STALE: {}", step.stepId(), step.idempotencyKey(), step.reason());
      }
      return unsentResult(touches.findById(touch.id()).orElseThrow(), null);
    }
  }

  private TouchRow insertUnsent(UnsentTouch step) {
    return touches.insertIfAbsent(new NewTouch(step.leadId(), step.stepIndex(), step.stepId(), step.channel(),
        step.templateId(), step.idempotencyKey(), step.at()));
  }

  /** A call step that failed still puts the call on the agent's list (once per touch), without a script. */
  private TaskDeadline taskForFailedCall(UnsentTouch step, TouchRow touch) {
    LeadRow lead = leads.findById(step.leadId()).orElseThrow();
    DealershipRow dealership = dealerships.findById(lead.dealershipId()).orElseThrow();
    Long agentId = step.agentId() != null ? step.agentId() : lead.assignedAgentId();
    Duration sla = step.callSla() != null ? step.callSla() : DEFAULT_CALL_SLA;
    String note = "Call " + lead.firstName() + " " + lead.lastName() + " (the step's script could not be prepared: "
        + truncate(step.reason()) + ")";
    Optional<TaskRow> existing = tasks.findByTouchId(touch.id());
    if (existing.isPresent()) {
      return deadline(existing.get(), lead, dealership);
    }
    int attempt = touches.countCallsUpTo(lead.id(), step.stepIndex());
    TaskRow task = tasks.createForTouchIfAbsent(NewTask.call(lead.dealershipId(), lead.id(), agentId, touch.id(),
        attempt, note, step.at().plus(sla), step.at()));
    try {
      notifier.taskAssigned(task, lead);
    } catch (RuntimeException e) {
      log.warn("task {}: the agent could not be notified: {}", task.id(), e.getMessage());
    }
    return deadline(task, lead, dealership);
  }

  private static TouchResult unsentResult(TouchRow touch, TaskDeadline task) {
    TouchStatus status = switch (touch.status()) {
      case FAILED -> TouchStatus.FAILED;
      case SKIPPED_STALE -> TouchStatus.SKIPPED_STALE;
      default -> resultOf(touch).status();
    };
    return new TouchResult(touch.id(), status, touch.detail(), task);
  }

  private TouchResult send(
      TouchRequest request, TouchRow touch, DealershipRow dealership, String address, RenderedMessage message) {
    if (touches.markSending(touch.id(), address, message.subject(), message.body()) == 0) {
      // A concurrent attempt of the same step got there first: report what it did, never send again.
      TouchRow current = touches.findById(touch.id()).orElseThrow();
      return current.status() == TouchState.SENDING ? settleUnconfirmed(request, current) : resultOf(current);
    }
    SendReceipt receipt;
    try {
      receipt = switch (request.channel()) {
        case EMAIL -> senders.email().send(new EmailMessage(address, dealership.senderName(),
            dealership.senderEmail(), message.subject(), message.body(), message.html(), request.idempotencyKey(),
            request.leadId(), touch.id(), request.templateId()));
        case SMS -> senders.sms().send(new SmsMessage(address, dealership.senderPhone(), message.body(),
            request.idempotencyKey(), request.leadId(), touch.id(), dealership.messagingServiceSid()));
        case VOICEMAIL -> senders.voicemail().send(new VoicemailMessage(address, dealership.senderPhone(),
            message.body(), request.idempotencyKey(), request.leadId(), touch.id()));
        case CALL -> throw new IllegalArgumentException("a call is a task, not a send");
      };
    } catch (PermanentDeliveryException e) {
      log.warn("{} to {} refused for good: {}", request.channel(), Masking.address(address), e.getMessage());
      return settle(touch, TouchState.CHANNEL_BLOCKED, null, null, "provider refused: " + e.getMessage());
    } catch (MessageNotSentException e) {
      // Certainly not accepted: let the retry send it.
      touches.revertToPending(touch.id());
      throw e;
    }
    // Any other exception leaves the touch SENDING: the retry reports it sent without sending again.
    String detail = "sent via " + receipt.provider()
        + (message.smsSegments() == null ? "" : " (" + message.smsSegments().describe() + ")");
    touches.markSent(touch.id(), receipt.provider(), receipt.providerId(), detail);
    leads.markFirstResponse(request.leadId(), request.performedAt());
    log.info("Step {} sent {} to {} via {} ({})", request.stepId(), request.channel(),
        Masking.address(address), receipt.provider(), receipt.providerId());
    return new TouchResult(touch.id(), TouchStatus.SENT, detail);
  }

  private TouchResult settleUnconfirmed(TouchRequest request, TouchRow touch) {
    log.warn("Step {} ({}) found SENDING after a failed attempt; marking it sent without sending again",
        request.stepId(), request.idempotencyKey());
    jdbi.useTransaction(handle -> {
      handle.attach(TouchDao.class).settle(touch.id(), TouchState.SENT, null, null, null, UNCONFIRMED);
      handle.attach(LeadDao.class).markFirstResponse(request.leadId(), request.performedAt());
    });
    return resultOf(touches.findById(touch.id()).orElseThrow());
  }

  /**
   * The agent's task for a CALL step, once per touch: due after the SLA, numbered by the lead's call
   * attempts, with the step's rendered script. The result tells the workflow when to escalate it.
   */
  private TouchResult createCallTask(TouchRequest request, TouchRow touch, LeadRow lead, DealershipRow dealership,
      Long agentId, String phone, RenderedMessage message) {
    Duration sla = request.callSla() != null ? request.callSla() : DEFAULT_CALL_SLA;
    Instant due = request.performedAt().plus(sla);
    int attempt = touches.countCallsUpTo(lead.id(), request.stepIndex());
    TaskRow task = jdbi.inTransaction(handle -> {
      TaskRow created = handle.attach(TaskDao.class).createForTouchIfAbsent(NewTask.call(lead.dealershipId(),
          lead.id(), agentId, touch.id(), attempt, message.body(), due, request.performedAt()));
      handle.attach(TouchDao.class).settle(touch.id(), TouchState.TASK_CREATED, phone, null, message.body(),
          "task " + created.id() + " due " + created.dueAt());
      handle.attach(LeadDao.class).markFirstResponse(lead.id(), request.performedAt());
      return created;
    });
    notifier.taskAssigned(task, lead);
    return new TouchResult(touch.id(), TouchStatus.TASK_CREATED, "task " + task.id() + " due " + task.dueAt(),
        deadline(task, lead, dealership));
  }

  private TaskDeadline deadline(TaskRow task, LeadRow lead, DealershipRow dealership) {
    return new TaskDeadline(task.id(), task.dueAt(), dealership.escalationDelay(lead.grade()));
  }

  /** A CALL step performed before (a retry): its result carries the task as the first attempt made it. */
  private TouchResult withTask(TouchRow touch) {
    TouchResult done = resultOf(touch);
    return tasks.findByTouchId(touch.id())
        .map(task -> {
          LeadRow lead = leads.findById(task.leadId()).orElseThrow();
          DealershipRow dealership = dealerships.findById(lead.dealershipId()).orElseThrow();
          return new TouchResult(done.touchId(), done.status(), done.detail(), deadline(task, lead, dealership));
        })
        .orElse(done);
  }

  private TouchResult settle(TouchRow touch, TouchState state, String recipient, String body, String detail) {
    touches.settle(touch.id(), state, recipient, null, body, truncate(detail));
    log.info("Step {} {}: {}", touch.stepId(), state, detail);
    return resultOf(touches.findById(touch.id()).orElseThrow());
  }

  private static TouchResult resultOf(TouchRow touch) {
    TouchStatus status = switch (touch.status()) {
      case SENT, DELIVERED, FAILED -> TouchStatus.SENT;
      case TASK_CREATED -> TouchStatus.TASK_CREATED;
      case SKIPPED_OPTED_OUT -> TouchStatus.SKIPPED_OPTED_OUT;
      case SKIPPED_STALE -> TouchStatus.SKIPPED_STALE;
      case CHANNEL_BLOCKED -> TouchStatus.CHANNEL_BLOCKED;
      case PENDING, SENDING -> throw new IllegalStateException(
          "touch " + touch.id() + " is still " + touch.status());
    };
    return new TouchResult(touch.id(), status, touch.detail());
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
  }
}
