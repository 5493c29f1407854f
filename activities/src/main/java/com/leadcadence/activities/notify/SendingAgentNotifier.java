package com.leadcadence.activities.notify;

import com.leadcadence.activities.agents.AgentRoster;
import com.leadcadence.activities.logging.Masking;
import com.leadcadence.activities.senders.EmailMessage;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.senders.SmsMessage;
import com.leadcadence.activities.templates.AgentMessageContext;
import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.activities.templates.RenderedMessage;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.rows.AgentNotify;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.workflows.activities.ManagerAlert;
import com.leadcadence.workflows.model.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts or emails an agent (per their {@code notifyBy}) about a task that became theirs, and each active
 * manager about an alert, through the same senders as the cadence (dry-run, or Twilio and SendGrid), from
 * the dealership's number and address. Only while the recipient is on shift: their own shift hours, else
 * the dealership's. The lead's quiet hours do not apply (the message goes to our staff, not to the lead).
 * Off shift or NONE, nothing is sent: the live task stream has the task anyway, and a text at 3 a.m. for
 * work that waits until morning only teaches people to mute us.
 *
 * <p>At least once: the idempotency key is {@code agent-task-<taskId>-<agentId>} (an alert's
 * {@code manager-alert-<leadId>-<managerId>-<alert epoch ms>}), but nothing here records what was sent, so
 * a retried activity or webhook notifies again. A duplicate "new task" text is cheaper than a missed one.
 *
 * <p>Never throws: a failed lookup, render or send is logged (addresses masked) and swallowed, as a
 * notification must not fail the activity or webhook that created the task. Messages carry lead id 0 and
 * touch id 0 on purpose: they are nobody's touch, so the providers' callbacks (an agent opening the email,
 * an agent's number failing) find no lead and never reach a lead's workflow as engagement or a blocked
 * channel.
 */
public final class SendingAgentNotifier implements AgentNotifier {
  /** Lead and touch ids of a notification: see the class comment. */
  static final long NOT_A_LEAD_TOUCH = 0L;
  static final String TASK_CATEGORY = "agent-task";
  static final String ALERT_CATEGORY = "agent-alert";

  private static final Logger log = LoggerFactory.getLogger(SendingAgentNotifier.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE h:mm a", Locale.US);
  /** Phone numbers and email addresses a provider's error message may quote. */
  private static final Pattern PHONE = Pattern.compile("\\+?\\d{10,15}");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@'\"<>(),;:]+@[^\\s@'\"<>(),;:]+");

  private final AgentDao agents;
  private final DealershipDao dealerships;
  private final LeadDao leads;
  private final Senders senders;
  private final MessageTemplates templates;
  private final Clock clock;
  private final String agentPageUrl;

  /**
   * @param agentPageUrl the agents' task page (absolute http(s) URL) the messages link to; null to say
   *     "your task list" instead
   */
  public SendingAgentNotifier(AgentDao agents, DealershipDao dealerships, LeadDao leads, Senders senders,
      MessageTemplates templates, Clock clock, String agentPageUrl) {
    this.agents = Objects.requireNonNull(agents, "agents");
    this.dealerships = Objects.requireNonNull(dealerships, "dealerships");
    this.leads = Objects.requireNonNull(leads, "leads");
    this.senders = Objects.requireNonNull(senders, "senders");
    this.templates = Objects.requireNonNull(templates, "templates");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.agentPageUrl = agentPageUrl == null || agentPageUrl.isBlank() ? null : agentPageUrl.strip();
    // Fail at wiring, not on the first task: the URL lands in every message.
    new AgentMessageContext(null, "CALL", "a lead", null, null, null, null, null, null, null, null, null, null,
        "x", this.agentPageUrl);
  }

  @Override
  public void taskAssigned(TaskRow task, LeadRow lead) {
    try {
      if (task.agentId() == null) {
        log.info("{} task {} on lead {} has no agent: nobody to notify", task.kind(), task.id(), lead.id());
        return;
      }
      Optional<AgentRow> agent = agents.findById(task.dealershipId(), task.agentId());
      if (agent.isEmpty() || !agent.get().active()) {
        log.info("{} task {}: agent {} {}: not notified", task.kind(), task.id(), task.agentId(),
            agent.isEmpty() ? "unknown" : "inactive");
        return;
      }
      String what = task.kind() + " task " + task.id();
      if (prefersTheStream(agent.get(), what)) {
        return;
      }
      DealershipRow dealership = dealerships.findById(task.dealershipId()).orElseThrow();
      Instant now = clock.instant();
      AgentMessageContext context = taskContext(task, lead, agent.get(), dealership, now);
      notify(agent.get(), dealership, now, MessageTemplates.AGENT_TASK_TEMPLATE, context,
          "agent-task-" + task.id() + "-" + agent.get().id(), TASK_CATEGORY, what);
    } catch (RuntimeException e) {
      log.warn("{} task {}: agent {} not notified, {}", task.kind(), task.id(), task.agentId(), describe(e));
    }
  }

  @Override
  public void managerAlert(ManagerAlert alert, List<AgentRow> managers) {
    try {
      List<AgentRow> recipients = managers.stream().filter(m -> m.active() && m.isManager()).toList();
      if (recipients.isEmpty()) {
        log.warn("Manager alert for lead {}: no active manager to notify", alert.leadId());
      }
      String what = "alert on lead " + alert.leadId();
      // Managers who follow the task stream get nothing: no need to read the lead and the dealership.
      List<AgentRow> reachable = recipients.stream().filter(m -> !prefersTheStream(m, what)).toList();
      if (reachable.isEmpty()) {
        return;
      }
      DealershipRow dealership = dealerships.findById(alert.dealershipId()).orElseThrow();
      Optional<LeadRow> lead = leads.findById(alert.leadId()).filter(l -> l.dealershipId() == alert.dealershipId());
      String assignedAgent = lead.map(LeadRow::assignedAgentId)
          .flatMap(id -> agents.findById(alert.dealershipId(), id))
          .map(AgentRow::name)
          .orElse(null);
      Instant now = clock.instant();
      for (AgentRow manager : reachable) {
        AgentMessageContext context = alertContext(alert, lead.orElse(null), assignedAgent, manager, dealership);
        notify(manager, dealership, now, MessageTemplates.AGENT_ALERT_TEMPLATE, context,
            "manager-alert-" + alert.leadId() + "-" + manager.id() + "-" + alert.at().toEpochMilli(),
            ALERT_CATEGORY, what);
      }
    } catch (RuntimeException e) {
      log.warn("Manager alert for lead {}: managers not notified, {}", alert.leadId(), describe(e));
    }
  }

  /** True (and logged) for someone who wants no messages, only the task stream. */
  private static boolean prefersTheStream(AgentRow to, String what) {
    if (to.notifyBy() == null || to.notifyBy() == AgentNotify.NONE) {
      log.info("{}: {} {} not notified (prefers the task stream)", what, role(to), to.id());
      return true;
    }
    return false;
  }

  /**
   * One recipient who wants messages (see prefersTheStream): decides, renders, sends and logs one line;
   * a failure stays with this recipient.
   */
  private void notify(AgentRow to, DealershipRow dealership, Instant now, String templateId,
      AgentMessageContext context, String idempotencyKey, String category, String what) {
    if (!new AgentRoster(dealership.schedule()).isOnShift(to, now)) {
      log.info("{}: {} {} not notified (off shift)", what, role(to), to.id());
      return;
    }
    Channel channel = to.notifyBy() == AgentNotify.SMS ? Channel.SMS : Channel.EMAIL;
    String address = channel == Channel.SMS ? to.phone() : to.email();
    if (address == null || address.isBlank()) {
      log.warn("{}: {} {} prefers {} but has no {}: not notified", what, role(to), to.id(), channel,
          channel == Channel.SMS ? "phone" : "email");
      return;
    }
    try {
      RenderedMessage message = templates.renderForAgent(channel, templateId, context);
      SendReceipt receipt = channel == Channel.SMS
          ? senders.sms().send(new SmsMessage(address, dealership.senderPhone(), message.body(), idempotencyKey,
              NOT_A_LEAD_TOUCH, NOT_A_LEAD_TOUCH, dealership.messagingServiceSid()))
          : senders.email().send(new EmailMessage(address, dealership.senderName(), dealership.senderEmail(),
              message.subject(), message.body(), null, idempotencyKey, NOT_A_LEAD_TOUCH, NOT_A_LEAD_TOUCH,
              category));
      log.info("{}: {} {} notified by {} to {} via {} ({})", what, role(to), to.id(), channel,
          Masking.address(address), receipt.provider(), receipt.providerId());
    } catch (RuntimeException e) {
      log.warn("{}: {} {} not notified by {} to {}: {}", what, role(to), to.id(), channel,
          Masking.address(address), describe(e));
    }
  }

  private AgentMessageContext taskContext(TaskRow task, LeadRow lead, AgentRow agent, DealershipRow dealership,
      Instant now) {
    ZoneId zone = ZoneId.of(dealership.timeZone());
    return new AgentMessageContext(firstWord(agent.name()), task.kind().name().replace('_', ' '),
        AgentMessageContext.shortName(lead.firstName(), lead.lastName()), lead.vehicle().describe(),
        lead.grade() == null ? null : lead.grade().name(), lead.score(),
        task.dueAt() == null ? null : due(task.dueAt(), now, zone),
        task.dueAt() == null ? null : dueIn(Duration.between(now, task.dueAt())),
        task.attempt(), task.note(), task.script(), null, null, dealership.name(), agentPageUrl);
  }

  private AgentMessageContext alertContext(ManagerAlert alert, LeadRow lead, String assignedAgent,
      AgentRow manager, DealershipRow dealership) {
    return new AgentMessageContext(firstWord(manager.name()), "ALERT",
        lead == null ? "lead " + alert.leadId() : AgentMessageContext.shortName(lead.firstName(), lead.lastName()),
        lead == null ? null : lead.vehicle().describe(),
        lead == null || lead.grade() == null ? null : lead.grade().name(), lead == null ? null : lead.score(),
        null, null, null, null, null, alert.reason(), assignedAgent, dealership.name(), agentPageUrl);
  }

  /** "10:05 AM" today in the dealership's zone, "Tue 9:30 AM" on another day. */
  static String due(Instant dueAt, Instant now, ZoneId zone) {
    ZonedDateTime due = dueAt.atZone(zone);
    boolean sameDay = due.toLocalDate().equals(now.atZone(zone).toLocalDate());
    return (sameDay ? TIME : DAY_AND_TIME).format(due);
  }

  /** "in 5 min", "in 1 h 20 min", "now", "overdue 3 min": rounded to the minute. */
  static String dueIn(Duration untilDue) {
    long minutes = Math.round(untilDue.getSeconds() / 60.0);
    if (minutes == 0) {
      return "now";
    }
    long abs = Math.abs(minutes);
    String span = abs < 60 ? abs + " min" : abs / 60 + " h" + (abs % 60 == 0 ? "" : " " + abs % 60 + " min");
    return minutes > 0 ? "in " + span : "overdue " + span;
  }

  private static String role(AgentRow agent) {
    return agent.isManager() ? "manager" : "agent";
  }

  private static String firstWord(String name) {
    return name == null || name.isBlank() ? null : name.strip().split("\\s+", 2)[0];
  }

  /** The exception's kind and message, with any phone number or email address in it masked. */
  static String describe(RuntimeException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    message = EMAIL.matcher(message).replaceAll(m -> Matcher.quoteReplacement(Masking.email(m.group())));
    message = PHONE.matcher(message).replaceAll(m -> Matcher.quoteReplacement(Masking.phone(m.group())));
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
