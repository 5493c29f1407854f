package com.leadcadence.activities;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.logging.Masking;
import com.leadcadence.activities.metrics.ActivityMetrics;
import com.leadcadence.activities.metrics.TouchOutcome;
import com.leadcadence.activities.notify.AgentNotifier;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.activities.senders.EmailMessage;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.PermanentDeliveryException;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.senders.SentLookup;
import com.leadcadence.activities.senders.SmsMessage;
import com.leadcadence.activities.senders.VoicemailMessage;
import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.activities.templates.RenderedMessage;
import com.leadcadence.activities.templates.TemplateContext;
import com.leadcadence.activities.templates.UnsubscribeUrls;
import com.leadcadence.store.HandleDaos;
import com.leadcadence.store.SharedDaos;
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
import com.leadcadence.store.rows.TouchClaim;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.workflows.activities.TouchActivities;
import com.leadcadence.workflows.activities.TouchRequest;
import com.leadcadence.workflows.activities.TouchResult;
import com.leadcadence.workflows.activities.TouchStatus;
import com.leadcadence.workflows.activities.UnsentTouch;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.TaskDeadline;
import com.leadcadence.workflows.model.TimingVariant;
import com.leadcadence.workflows.plan.StepTimings;
import com.leadcadence.workflows.plan.VariantChoice;
import com.leadcadence.workflows.plan.VariantLabel;
import com.leadcadence.workflows.activities.ProviderTimeouts;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.ActivityCanceledException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs a cadence step once per idempotency key. The touch row is written (PENDING) before anything
 * else. An attempt claims the row with its own token before handing the message to a provider (SENDING),
 * and every later write of that attempt names the token, so a superseded attempt's late answer changes
 * nothing. A clear refusal puts it back to PENDING (the retry sends); an unclear answer (500/502/504, no
 * full answer) makes it UNCONFIRMED, never SENT: the retry asks the provider (Twilio's Messages and Calls
 * lists) and sends again only if the message is not there, or, for email, which cannot be looked up,
 * sends again. Right before a message would be handed to a provider, an attempt stops if the workflow
 * cancelled the send (the cadence ended meanwhile): the touch becomes CANCELLED, never after a provider
 * took the message. It uses the activity's context only for that check, so it runs outside a worker too.
 */
public final class TouchActivitiesImpl implements TouchActivities {
  public static final Duration DEFAULT_CALL_SLA = Duration.ofMinutes(5);
  private static final int DETAIL_MAX = 500;
  private static final Logger log = LoggerFactory.getLogger(TouchActivitiesImpl.class);

  /**
   * For the first send of a step (the path every lead takes first): its reads and its claim run on one
   * handle with each DAO attached once (HandleDaos), as does recording it SENT. The on-demand DAOs
   * below serve the rarer paths (retries, settling, failures), one handle per call.
   */
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
  private final Duration sendAttemptLimit;
  /** The activity's own clock for the window check (a test's time-skipping clock in tests). */
  private final Clock clock;
  /** Each attempt's outcome, counted where it is recorded on the touch row. */
  private final ActivityMetrics metrics;
  /** Sender identity and escalation delays change rarely: read at most every few seconds per dealership. */
  private final RecentDealerships recentDealerships = new RecentDealerships(RecentDealerships.DEFAULT_TTL);

  public TouchActivitiesImpl(Jdbi jdbi, Senders senders, MessageTemplates templates, OptOutRegistry optOuts,
      AgentNotifier notifier, MeterRegistry meters) {
    this(jdbi, senders, templates, optOuts, notifier, UnsubscribeUrls.NONE, meters);
  }

  public TouchActivitiesImpl(Jdbi jdbi, Senders senders, MessageTemplates templates, OptOutRegistry optOuts,
      AgentNotifier notifier, UnsubscribeUrls unsubscribeUrls, MeterRegistry meters) {
    this(jdbi, senders, templates, optOuts, notifier, unsubscribeUrls,
        ProviderTimeouts.sendAttempt(ProviderTimeouts.MAX_ANSWER), Clock.systemUTC(), meters);
  }

  public TouchActivitiesImpl(Jdbi jdbi, Senders senders, MessageTemplates templates, OptOutRegistry optOuts,
      AgentNotifier notifier, UnsubscribeUrls unsubscribeUrls, Clock clock, MeterRegistry meters) {
    this(jdbi, senders, templates, optOuts, notifier, unsubscribeUrls,
        ProviderTimeouts.sendAttempt(ProviderTimeouts.MAX_ANSWER), clock, meters);
  }

  public TouchActivitiesImpl(Jdbi jdbi, Senders senders, MessageTemplates templates, OptOutRegistry optOuts,
      AgentNotifier notifier, UnsubscribeUrls unsubscribeUrls, Duration sendAttemptLimit, MeterRegistry meters) {
    this(jdbi, senders, templates, optOuts, notifier, unsubscribeUrls, sendAttemptLimit, Clock.systemUTC(), meters);
  }

  /**
   * sendAttemptLimit: how long a send attempt can live at worst (the clients' timeouts times the requests
   * it makes, {@link ProviderTimeouts#sendAttempt}); a touch SENDING for longer belongs to an attempt
   * that died, and the next attempt takes it over.
   */
  public TouchActivitiesImpl(Jdbi jdbi, Senders senders, MessageTemplates templates, OptOutRegistry optOuts,
      AgentNotifier notifier, UnsubscribeUrls unsubscribeUrls, Duration sendAttemptLimit, Clock clock,
      MeterRegistry meters) {
    this.metrics = new ActivityMetrics(meters);
    metrics.declareTouches();
    this.sendAttemptLimit = sendAttemptLimit;
    this.clock = clock;
    this.jdbi = jdbi;
    this.touches = SharedDaos.onDemand(jdbi, TouchDao.class);
    this.leads = SharedDaos.onDemand(jdbi, LeadDao.class);
    this.dealerships = SharedDaos.onDemand(jdbi, DealershipDao.class);
    this.agents = SharedDaos.onDemand(jdbi, AgentDao.class);
    this.tasks = SharedDaos.onDemand(jdbi, TaskDao.class);
    this.senders = senders;
    this.templates = templates;
    this.optOuts = optOuts;
    this.notifier = notifier;
    this.unsubscribeUrls = unsubscribeUrls;
  }

  @Override
  public TouchResult perform(TouchRequest asked) {
    TouchRequest request = withVariant(asked);
    try (LeadMdc ignored = LeadMdc.put(request.leadId(), request.workflowId())) {
      Instant wallClock = clock.instant();
      if (request.allowedUntil() != null && !wallClock.isBefore(request.allowedUntil())) {
        // Second line of defence: started after the window closed (a backlog, a late retry). Nothing is
        // written or sent; the workflow plans the step again. A retry that finds it settled is re-asked
        // inside the next window and answers from the row then.
        log.warn("Step {} ({}) refused: started at {}, the {} window closed at {}", request.stepId(),
            request.idempotencyKey(), wallClock, request.channel(), request.allowedUntil());
        metrics.touch(request.channel(), TouchOutcome.SKIPPED_QUIET_HOURS);
        return new TouchResult(0, TouchStatus.SKIPPED_QUIET_HOURS,
            "started at " + wallClock + ", after the contact window closed at " + request.allowedUntil());
      }
      // The database work before the provider call runs on one handle (see HandleDaos); the provider
      // call and the agent's notification run after it is closed, so no connection waits on them.
      Prepared prepared = HandleDaos.with(jdbi, daos -> {
        TouchRow touch = daos.get(TouchDao.class).insertIfAbsent(new NewTouch(request.leadId(),
            request.stepIndex(), request.stepId(), request.channel(), request.templateId(),
            variantOf(request), request.idempotencyKey(),
            request.performedAt()));
        return switch (touch.status()) {
          case PENDING -> preparePending(request, touch, daos);
          case SENDING, UNCONFIRMED -> new Prepared(touch, null, null, null, null, null, null, null);
          case TASK_CREATED -> Prepared.done(withTask(touch, request.escalateAfter()));
          default -> {
            log.info("Step {} ({}) already done: {}", request.stepId(), request.idempotencyKey(), touch.status());
            yield Prepared.done(resultOf(touch));
          }
        };
      });
      if (prepared.result() != null) {
        return prepared.result();
      }
      if (prepared.task() != null) {
        return announceCallTask(request, prepared);
      }
      if (prepared.lead() == null) {
        return resumeSend(request, prepared.touch());
      }
      return prepared.claim() != null
          ? deliverClaimed(request, prepared.touch(), prepared.lead(), prepared.dealership(), prepared.address(),
              prepared.message(), prepared.claim())
          : deliver(request, prepared.touch(), prepared.lead(), prepared.dealership(), prepared.address(),
              prepared.message());
    }
  }

  /**
   * What the database work before a provider call decided: a final result; or a touch to resume
   * (SENDING/UNCONFIRMED: only touch set); or a call task to announce (task set); or a message to send,
   * claimed already (claim set) unless the row changed under the claim (then deliver claims it again).
   */
  private record Prepared(TouchRow touch, LeadRow lead, DealershipRow dealership, String address,
      RenderedMessage message, TouchClaim claim, TaskRow task, TouchResult result) {
    static Prepared done(TouchResult result) {
      return new Prepared(null, null, null, null, null, null, null, result);
    }
  }

  /**
   * A step with A/B variants: the request for the variant this lead gets there (the same on every attempt, so
   * a retry renders and looks up the message the first attempt sent). Everything after reads templateId.
   */
  private static TouchRequest withVariant(TouchRequest r) {
    if (r.variants() == null || r.variants().isEmpty()) {
      return r;
    }
    String template = VariantChoice.of(r.leadId(), r.stepId(), r.variants()).template();
    return new TouchRequest(r.leadId(), r.dealershipId(), r.workflowId(), r.stepIndex(), r.stepId(), r.channel(),
        template, r.performedAt(), r.agentId(), r.callSla(), r.allowedUntil(), r.escalateAfter(), r.variants(),
        r.timingVariants());
  }

  /**
   * What the touch records of the lead's variants (request: after {@link #withVariant}): its template variant
   * and the timing variant the workflow planned it at, as {@link VariantLabel} writes them; null for neither.
   */
  private static String variantOf(TouchRequest r) {
    TimingVariant timing = StepTimings.chosen(r.leadId(), r.stepId(), r.timingVariants());
    return VariantLabel.of(r.variants() == null ? null : r.templateId(),
        timing == null ? null : StepTimings.label(timing.timing()));
  }

  /**
   * An earlier attempt handed the message over without a clear answer, or died doing so: settle it with
   * the message as the first attempt rendered it (the stored body is what a lookup matches).
   */
  private TouchResult resumeSend(TouchRequest request, TouchRow touch) {
    log.warn("Step {} ({}) found {}: settling it at the provider", request.stepId(), request.idempotencyKey(),
        touch.status());
    LeadRow lead = leads.findById(request.leadId())
        .orElseThrow(() -> new IllegalStateException("lead " + request.leadId() + " does not exist"));
    DealershipRow dealership = dealerships.findById(lead.dealershipId())
        .orElseThrow(() -> new IllegalStateException("dealership " + lead.dealershipId() + " does not exist"));
    RenderedMessage message = render(request, lead, dealership);
    RenderedMessage stored = touch.body() == null ? message
        : new RenderedMessage(touch.subject() != null ? touch.subject() : message.subject(), touch.body(),
            message.html(), message.smsSegments());
    String address = touch.recipient() != null ? touch.recipient()
        : request.channel() == Channel.EMAIL ? lead.email() : lead.phone();
    return deliver(request, touch, lead, dealership, address, stored);
  }

  private RenderedMessage render(TouchRequest request, LeadRow lead, DealershipRow dealership) {
    Long agentId = request.agentId() != null ? request.agentId() : lead.assignedAgentId();
    AgentRow agent = agentId == null ? null : agents.findById(lead.dealershipId(), agentId).orElse(null);
    TemplateContext context = TemplateContext.of(lead, dealership, agent);
    if (request.channel() == Channel.EMAIL) {
      context = context.withUnsubscribeUrl(unsubscribeUrls.forLead(lead.id()));
    }
    return templates.render(request.channel(), request.templateId(), context);
  }

  /** A PENDING touch, on the handle of perform's first phase: settled here, or prepared for its send. */
  private Prepared preparePending(TouchRequest request, TouchRow touch, HandleDaos daos) {
    LeadRow lead = daos.get(LeadDao.class).findById(request.leadId())
        .orElseThrow(() -> new IllegalStateException("lead " + request.leadId() + " does not exist"));
    Channel channel = request.channel();
    String address = channel == Channel.EMAIL ? lead.email() : lead.phone();
    if (address == null || address.isBlank()) {
      metrics.touch(channel, TouchOutcome.BLOCKED_NO_ADDRESS);
      return Prepared.done(settle(touch, TouchState.CHANNEL_BLOCKED, null, null,
          "the lead has no " + (channel == Channel.EMAIL ? "email address" : "phone number")));
    }
    // Opt-outs are read for every send, never cached: one arriving a second ago must hold.
    if (optOuts.isBlocked(lead.dealershipId(), address, channel)) {
      metrics.touch(channel, TouchOutcome.SKIPPED_OPTED_OUT);
      return Prepared.done(settle(touch, TouchState.SKIPPED_OPTED_OUT, address, null,
          Masking.address(address) + " opted out of " + channel));
    }
    DealershipRow dealership = recentDealerships.get(lead.dealershipId(),
        id -> daos.get(DealershipDao.class).findById(id));
    Long agentId = request.agentId() != null ? request.agentId() : lead.assignedAgentId();
    AgentRow agent = agentId == null ? null
        : daos.get(AgentDao.class).findById(lead.dealershipId(), agentId).orElse(null);
    TemplateContext context = TemplateContext.of(lead, dealership, agent);
    if (channel == Channel.EMAIL) {
      context = context.withUnsubscribeUrl(unsubscribeUrls.forLead(lead.id()));
    }
    RenderedMessage message = templates.render(channel, request.templateId(), context);
    if (channel == Channel.CALL) {
      TaskRow task = createCallTask(request, touch, lead, agentId, address, message, daos);
      return new Prepared(touch, lead, dealership, address, message, null, task, null);
    }
    // A first send claims its PENDING touch right here (the row was just read); a claim that finds the
    // row changed leaves it to deliver, which reads the row and claims it as it now is.
    stopIfCancelled(() -> touches.cancelPending(touch.id(), "cancelled before sending: the cadence ended"));
    String token = UUID.randomUUID().toString();
    TouchClaim claim = daos.get(TouchDao.class).claimPending(touch.id(), token, address, message.subject(),
        message.body()) == 1 ? new TouchClaim(touch.id(), TouchState.PENDING, token, null, null) : null;
    return new Prepared(touch, lead, dealership, address, message, claim, null, null);
  }

  @Override
  public TouchResult recordFailure(UnsentTouch step) {
    try (LeadMdc ignored = LeadMdc.put(step.leadId(), step.workflowId())) {
      TouchRow touch = insertUnsent(step);
      if (touch.status() == TouchState.PENDING) {
        String reason = "failed: " + step.reason();
        touches.settle(touch.id(), TouchState.FAILED, null, null, null, truncate(reason));
        metrics.touch(step.channel(), TouchOutcome.FAILED);
        log.warn("Step {} ({}) FAILED: {}", step.stepId(), step.idempotencyKey(), reason);
      } else if (touch.status() == TouchState.SENDING || touch.status() == TouchState.UNCONFIRMED) {
        // Handed to the provider without a clear answer: it may have gone out, so it is never FAILED
        // (nor SENT); it stays counted as UNCONFIRMED.
        touches.markUnconfirmed(touch.id(), truncate("out of retries, delivery unknown: " + step.reason()));
        metrics.touch(step.channel(), TouchOutcome.UNCONFIRMED_OUT_OF_RETRIES);
        log.warn("Step {} ({}) UNCONFIRMED after its last retry: {}", step.stepId(), step.idempotencyKey(),
            step.reason());
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
        metrics.touch(step.channel(), TouchOutcome.SKIPPED_STALE);
        log.info("Step {} ({}) SKIPPED_STALE: {}", step.stepId(), step.idempotencyKey(), step.reason());
      }
      return unsentResult(touches.findById(touch.id()).orElseThrow(), null);
    }
  }

  @Override
  public TouchResult recordCancelled(UnsentTouch step) {
    try (LeadMdc ignored = LeadMdc.put(step.leadId(), step.workflowId())) {
      TouchRow touch = insertUnsent(step);
      String reason = truncate("cancelled: " + step.reason());
      if (touch.status() == TouchState.PENDING && touches.cancelPending(touch.id(), reason) == 1) {
        metrics.touch(step.channel(), TouchOutcome.CANCELLED);
        log.info("Step {} ({}) CANCELLED: {}", step.stepId(), step.idempotencyKey(), step.reason());
      } else if (touch.status() == TouchState.SENDING || touch.status() == TouchState.UNCONFIRMED) {
        // An earlier attempt handed it over without a clear answer (or died doing so): it may have gone out.
        touches.markUnconfirmed(touch.id(), truncate("cancelled, delivery unknown: " + step.reason()));
        metrics.touch(step.channel(), TouchOutcome.UNCONFIRMED_CANCELLED);
        log.warn("Step {} ({}) UNCONFIRMED when cancelled: {}", step.stepId(), step.idempotencyKey(), step.reason());
      }
      return unsentResult(touches.findById(touch.id()).orElseThrow(), null);
    }
  }

  /**
   * Stops this attempt before it hands a message to a provider when Temporal asked it to: the workflow
   * cancelled the send ({@code cancelled} records that on the touch first), or the attempt is no longer
   * Temporal's (timed out, the worker shutting down: the touch is left for the next attempt). Heartbeats
   * from the activity's own thread, which answers from what the worker's heartbeats last brought back
   * (see ActivityHeartbeats), so it costs no request. Outside a worker there is nobody to ask.
   */
  private static void stopIfCancelled(Runnable cancelled) {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException outsideAWorker) {
      return;
    }
    try {
      context.heartbeat(null);
    } catch (ActivityCanceledException e) {
      cancelled.run();
      throw e;
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
      return deadline(existing.get(), lead, dealership, step.escalateAfter());
    }
    int attempt = touches.countCallsUpTo(lead.id(), step.stepIndex());
    TaskRow task = tasks.createForTouchIfAbsent(NewTask.call(lead.dealershipId(), lead.id(), agentId, touch.id(),
        attempt, note, step.at().plus(sla), step.at()));
    try {
      notifier.taskAssigned(task, lead);
    } catch (RuntimeException e) {
      log.warn("task {}: the agent could not be notified: {}", task.id(), e.getMessage());
    }
    return deadline(task, lead, dealership, step.escalateAfter());
  }

  private static TouchResult unsentResult(TouchRow touch, TaskDeadline task) {
    TouchStatus status = switch (touch.status()) {
      case FAILED -> TouchStatus.FAILED;
      case SKIPPED_STALE -> TouchStatus.SKIPPED_STALE;
      case CANCELLED -> TouchStatus.CANCELLED;
      case UNCONFIRMED -> TouchStatus.UNCONFIRMED;
      default -> resultOf(touch).status();
    };
    return new TouchResult(touch.id(), status, touch.detail(), task);
  }

  /**
   * Hands the message to its provider under this attempt's token and records what became of it. A touch
   * that an earlier attempt left without a clear answer (UNCONFIRMED, or SENDING by an attempt that died)
   * is first looked up at the provider: found, it is SENT; absent, or not looked up (email), it is sent
   * again.
   */
  private TouchResult deliver(TouchRequest request, TouchRow touch, LeadRow lead, DealershipRow dealership,
      String address, RenderedMessage message) {
    if (touch.status() == TouchState.PENDING) {
      stopIfCancelled(() -> touches.cancelPending(touch.id(), "cancelled before sending: the cadence ended"));
    }
    String token = UUID.randomUUID().toString();
    TouchClaim claim = claim(touch, token, address, message);
    if (claim == null) {
      // Settled meanwhile by another attempt (or a provider's report): report what it did.
      return resultOf(touches.findById(touch.id()).orElseThrow());
    }
    return deliverClaimed(request, touch, lead, dealership, address, message, claim);
  }

  /** deliver, once this attempt holds the touch (claim.sendToken() is its token). */
  private TouchResult deliverClaimed(TouchRequest request, TouchRow touch, LeadRow lead, DealershipRow dealership,
      String address, RenderedMessage message, TouchClaim claim) {
    String token = claim.sendToken();
    Outgoing outgoing = outgoing(request, touch, dealership, claim.status() == TouchState.PENDING ? address
        : touch.recipient() != null ? touch.recipient() : address, message);
    boolean resumed = claim.status() != TouchState.PENDING;
    // For a resumed send: what the provider said of the earlier attempt (absent, or it cannot tell).
    SentLookup.Kind earlier = null;
    if (resumed) {
      SentLookup lookup;
      try {
        lookup = outgoing.lookUp(claim.sendingSince() != null ? claim.sendingSince() : request.performedAt());
      } catch (RuntimeException e) {
        touches.markUnconfirmedBy(touch.id(), token, truncate("outcome unknown, lookup failed: " + e.getMessage()));
        throw e;
      }
      if (lookup.kind() == SentLookup.Kind.FOUND) {
        return sent(request, touch, token, outgoing.address(), lookup.receipt(),
            "sent via " + lookup.receipt().provider() + ", confirmed by lookup after an unclear answer",
            TouchOutcome.SENT_AFTER_LOOKUP);
      }
      if (optOuts.isBlocked(lead.dealershipId(), outgoing.address(), request.channel())) {
        touches.settleBy(touch.id(), token, TouchState.SKIPPED_OPTED_OUT,
            "not sent again: " + Masking.address(outgoing.address()) + " opted out meanwhile");
        metrics.touch(request.channel(), TouchOutcome.SKIPPED_OPTED_OUT);
        return resultOf(touches.findById(touch.id()).orElseThrow());
      }
      earlier = lookup.kind();
      stopIfCancelled(cancelClaimed(touch.id(), token, earlier));
      log.warn("Step {} ({}): {} after an unclear answer; sending {} again", request.stepId(),
          request.idempotencyKey(), lookup.kind() == SentLookup.Kind.ABSENT ? "the provider does not have it"
              : "the provider cannot be asked", request.channel());
    }
    SendReceipt receipt;
    try {
      receipt = outgoing.send();
    } catch (PermanentDeliveryException e) {
      log.warn("{} to {} refused for good: {}", request.channel(), Masking.address(address), e.getMessage());
      touches.settleBy(touch.id(), token, TouchState.CHANNEL_BLOCKED, truncate("provider refused: " + e.getMessage()));
      metrics.touch(request.channel(), TouchOutcome.BLOCKED_BY_PROVIDER);
      return resultOf(touches.findById(touch.id()).orElseThrow());
    } catch (MessageNotSentException e) {
      try {
        // Not sent because the cadence ended while the send waited for its channel's turn (PacedSenders):
        // recorded like a cancellation before the claim, and no retry.
        stopIfCancelled(cancelClaimed(touch.id(), token, earlier));
      } finally {
        // Certainly not accepted: let the retry send it (a superseded attempt's refusal changes nothing,
        // and neither does this once the touch is CANCELLED above). Also when the heartbeat says the
        // attempt is no longer Temporal's: the touch must not stay SENDING for a message never sent.
        touches.revertToPendingBy(touch.id(), token, truncate("not sent: " + e.getMessage()));
      }
      metrics.touch(request.channel(), TouchOutcome.NOT_SENT);
      throw e;
    } catch (RuntimeException e) {
      // Maybe accepted (500/502/504, no full answer, anything unforeseen): never assume sent.
      touches.markUnconfirmedBy(touch.id(), token, truncate("outcome unknown: " + e.getMessage()));
      metrics.touch(request.channel(), TouchOutcome.UNCONFIRMED);
      throw e;
    }
    String detail = "sent via " + receipt.provider()
        + (message.smsSegments() == null ? "" : " (" + message.smsSegments().describe() + ")")
        + (resumed ? " after an unclear answer" : "");
    return sent(request, touch, token, outgoing.address(), receipt, detail,
        resumed ? TouchOutcome.SENT_AGAIN : TouchOutcome.SENT);
  }

  /**
   * What a cancellation makes of a touch this attempt claimed and did not hand over: CANCELLED, unless an
   * earlier attempt may have delivered it (an unclear answer the provider cannot be asked about), which
   * stays UNCONFIRMED. {@code earlier}: null for a first send, else the lookup of the earlier attempt.
   */
  private Runnable cancelClaimed(long touchId, String token, SentLookup.Kind earlier) {
    if (earlier == null) {
      return () -> touches.settleBy(touchId, token, TouchState.CANCELLED, "cancelled before sending: the cadence ended");
    }
    if (earlier == SentLookup.Kind.ABSENT) {
      return () -> touches.settleBy(touchId, token, TouchState.CANCELLED,
          "cancelled before sending again: the provider does not have it");
    }
    return () -> touches.markUnconfirmedBy(touchId, token,
        "cancelled before sending again: whether the first send arrived is unknown");
  }

  /**
   * Claims the touch for this attempt: PENDING (a first send), UNCONFIRMED (to settle), or SENDING left
   * by an attempt that has been gone longer than any attempt lives. Null when it is settled already.
   * Throws (to be retried) while another attempt may still be talking to the provider.
   */
  private TouchClaim claim(TouchRow touch, String token, String address, RenderedMessage message) {
    // A first send (the row was PENDING when this attempt read it): claim it straight away; a claim that
    // finds it changed falls through to the rounds below, which read the row first.
    if (touch.status() == TouchState.PENDING
        && touches.claimPending(touch.id(), token, address, message.subject(), message.body()) == 1) {
      return new TouchClaim(touch.id(), TouchState.PENDING, token, null, null);
    }
    for (int round = 0; round < 3; round++) {
      TouchClaim current = touches.findClaim(touch.id()).orElseThrow();
      int claimed = switch (current.status()) {
        case PENDING -> touches.claimPending(touch.id(), token, address, message.subject(), message.body());
        case UNCONFIRMED -> touches.claimUnconfirmed(touch.id(), token);
        case SENDING -> touches.claimStale(touch.id(), token, sendAttemptLimit.toMillis());
        default -> -1;
      };
      if (claimed < 0) {
        return null;
      }
      if (claimed == 1) {
        // Only a resumed send uses sendingSince (to look the message up at the provider since then).
        Instant sendingSince = current.status() == TouchState.PENDING ? null
            : touches.findClaim(touch.id()).orElseThrow().sendingSince();
        return new TouchClaim(current.id(), current.status(), token, current.claimedAt(), sendingSince);
      }
      if (current.status() == TouchState.SENDING) {
        throw new SendInProgressException("touch " + touch.id() + " is being sent by an attempt that claimed it at "
            + current.claimedAt() + "; retry once it has ended or exceeded " + sendAttemptLimit);
      }
    }
    throw new SendInProgressException("touch " + touch.id() + " keeps changing under this attempt");
  }

  /** Records an accepted message; a superseded attempt records it only if no other attempt holds the row. */
  private TouchResult sent(TouchRequest request, TouchRow touch, String token, String address,
      SendReceipt receipt, String detail, TouchOutcome outcome) {
    // One handle for both writes; still two transactions: SENT (with its event) is committed first, so
    // a failure of the second never takes back what the provider accepted.
    boolean recorded = HandleDaos.with(jdbi, daos -> {
      TouchDao touchDao = daos.get(TouchDao.class);
      if (touchDao.markSentBy(touch.id(), token, receipt.provider(), receipt.providerId(), detail) == 0
          && touchDao.markSentLate(touch.id(), receipt.provider(), receipt.providerId(), detail + " (late)") == 0) {
        return false;
      }
      daos.get(LeadDao.class).markFirstResponse(request.leadId(), request.performedAt());
      return true;
    });
    if (!recorded) {
      TouchRow current = touches.findById(touch.id()).orElseThrow();
      log.warn("Step {} ({}): the provider took {} ({}) but a newer attempt holds the touch ({})",
          request.stepId(), request.idempotencyKey(), request.channel(), receipt.providerId(), current.status());
      if (!current.status().isSettled()) {
        throw new SendInProgressException("touch " + touch.id() + " was taken over by a newer attempt");
      }
      return resultOf(current);
    }
    metrics.touch(request.channel(), outcome);
    log.info("Step {} sent {} to {} via {} ({})", request.stepId(), request.channel(),
        Masking.address(address), receipt.provider(), receipt.providerId());
    return new TouchResult(touch.id(), TouchStatus.SENT, detail);
  }

  /** The message for its channel's sender, to send or to look up. */
  private Outgoing outgoing(TouchRequest request, TouchRow touch, DealershipRow dealership, String address,
      RenderedMessage message) {
    return switch (request.channel()) {
      case EMAIL -> {
        EmailMessage m = new EmailMessage(address, dealership.senderName(), dealership.senderEmail(),
            message.subject(), message.body(), message.html(), request.idempotencyKey(), request.leadId(),
            touch.id(), request.templateId());
        yield new Outgoing(address, () -> senders.email().send(m), since -> senders.email().lookUp(m, since));
      }
      case SMS -> {
        SmsMessage m = new SmsMessage(address, dealership.senderPhone(), message.body(), request.idempotencyKey(),
            request.leadId(), touch.id(), dealership.messagingServiceSid());
        yield new Outgoing(address, () -> senders.sms().send(m), since -> senders.sms().lookUp(m, since));
      }
      case VOICEMAIL -> {
        VoicemailMessage m = new VoicemailMessage(address, dealership.senderPhone(), message.body(),
            request.idempotencyKey(), request.leadId(), touch.id());
        yield new Outgoing(address, () -> senders.voicemail().send(m),
            since -> senders.voicemail().lookUp(m, since));
      }
      case CALL -> throw new IllegalArgumentException("a call is a task, not a send");
    };
  }

  private record Outgoing(String address, Supplier<SendReceipt> sender, Function<Instant, SentLookup> lookup) {
    SendReceipt send() {
      return sender.get();
    }

    SentLookup lookUp(Instant since) {
      return lookup.apply(since);
    }
  }

  /**
   * The agent's task for a CALL step, once per touch: due after the SLA, numbered by the lead's call
   * attempts, with the step's rendered script. The result tells the workflow when to escalate it.
   */
  private TaskRow createCallTask(TouchRequest request, TouchRow touch, LeadRow lead, Long agentId, String phone,
      RenderedMessage message, HandleDaos daos) {
    Duration sla = request.callSla() != null ? request.callSla() : DEFAULT_CALL_SLA;
    Instant due = request.performedAt().plus(sla);
    int attempt = daos.get(TouchDao.class).countCallsUpTo(lead.id(), request.stepIndex());
    return daos.inTransaction(tx -> {
      TaskRow created = tx.get(TaskDao.class).createForTouchIfAbsent(NewTask.call(lead.dealershipId(),
          lead.id(), agentId, touch.id(), attempt, message.body(), due, request.performedAt()));
      tx.get(TouchDao.class).settle(touch.id(), TouchState.TASK_CREATED, phone, null, message.body(),
          "task " + created.id() + " due " + created.dueAt());
      tx.get(LeadDao.class).markFirstResponse(lead.id(), request.performedAt());
      return created;
    });
  }

  /** After the task's transaction (and its handle) closed: the agent hears of it, the workflow gets its deadline. */
  private TouchResult announceCallTask(TouchRequest request, Prepared prepared) {
    TaskRow task = prepared.task();
    metrics.touch(Channel.CALL, TouchOutcome.TASK_CREATED);
    notifier.taskAssigned(task, prepared.lead());
    return new TouchResult(prepared.touch().id(), TouchStatus.TASK_CREATED,
        "task " + task.id() + " due " + task.dueAt(),
        deadline(task, prepared.lead(), prepared.dealership(), request.escalateAfter()));
  }

  /** The step's own escalation delay when its plan gives one, else the dealership's for the lead's grade. */
  private static TaskDeadline deadline(TaskRow task, LeadRow lead, DealershipRow dealership, Duration stepDelay) {
    return new TaskDeadline(task.id(), task.dueAt(),
        stepDelay != null ? stepDelay : dealership.escalationDelay(lead.grade()));
  }

  /** A CALL step performed before (a retry): its result carries the task as the first attempt made it. */
  private TouchResult withTask(TouchRow touch, Duration stepDelay) {
    TouchResult done = resultOf(touch);
    return tasks.findByTouchId(touch.id())
        .map(task -> {
          LeadRow lead = leads.findById(task.leadId()).orElseThrow();
          DealershipRow dealership = dealerships.findById(lead.dealershipId()).orElseThrow();
          return new TouchResult(done.touchId(), done.status(), done.detail(),
              deadline(task, lead, dealership, stepDelay));
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
      case CHANNEL_BLOCKED -> TouchStatus.CHANNEL_BLOCKED;
      case SKIPPED_STALE -> TouchStatus.SKIPPED_STALE;
      case CANCELLED -> TouchStatus.CANCELLED;
      case PENDING, SENDING, UNCONFIRMED -> throw new IllegalStateException(
          "touch " + touch.id() + " is still " + touch.status());
    };
    return new TouchResult(touch.id(), status, touch.detail());
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
  }
}
