package com.leadcadence.api.timeline;

import com.leadcadence.activities.logging.LeadPiiMask;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.LeadChangeDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.OptOutDao;
import com.leadcadence.store.dao.OutcomeDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.LeadChangeRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.OptOutRow;
import com.leadcadence.store.rows.OutcomeRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TaskStatus;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A lead's timeline for people: its touches, outcomes, tasks (created, overdue, escalated, done or
 * cancelled), opt-outs of its addresses, score and grade changes and pauses, read from the database (not
 * from Temporal), oldest first, each with what caused it. Free text (notes, failure details) is masked
 * ({@link LeadPiiMask}); message text and recipients are never shown.
 */
public final class LeadTimeline {
  private static final String CADENCE = "the cadence";
  private static final String CRM = "CRM via API key";

  private final LeadDao leads;
  private final TouchDao touches;
  private final OutcomeDao outcomes;
  private final TaskDao tasks;
  private final OptOutDao optOuts;
  private final LeadChangeDao changes;
  private final AgentDao agents;

  public LeadTimeline(LeadDao leads, TouchDao touches, OutcomeDao outcomes, TaskDao tasks, OptOutDao optOuts,
      LeadChangeDao changes, AgentDao agents) {
    this.leads = leads;
    this.touches = touches;
    this.outcomes = outcomes;
    this.tasks = tasks;
    this.optOuts = optOuts;
    this.changes = changes;
    this.agents = agents;
  }

  /** @throws ApiException 404 for a lead of another dealership */
  public LeadTimelineView timeline(DealershipPrincipal caller, long leadId) {
    caller.requireDealershipScope();
    LeadRow lead = leads.findByIdForDealership(caller.id(), leadId)
        .orElseThrow(() -> ApiException.notFound("lead " + leadId));
    LeadPiiMask mask = new LeadPiiMask(lead.firstName(), lead.lastName(), lead.email(), lead.phone());
    Map<Long, String> agentNames = agents.listAll(lead.dealershipId()).stream()
        .collect(Collectors.toMap(AgentRow::id, AgentRow::name));
    Function<Long, String> agent = id -> id == null ? null : "agent " + agentNames.getOrDefault(id, "#" + id);
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(new TimelineEntry(lead.createdAt(), "lead.created",
        "lead from " + lead.source() + " (score " + lead.score() + ", grade " + lead.grade() + ")",
        "intake (source " + lead.source() + ")"));
    touches.listByLead(lead.id()).stream()
        .filter(t -> t.status() != TouchState.TASK_CREATED) // its task's entries say more
        .forEach(t -> entries.add(touch(t, mask)));
    // An outcome closes the lead's open call tasks at its own time: those are closed by whoever reported it.
    Map<Instant, String> outcomeCauses = new HashMap<>();
    for (OutcomeRow o : outcomes.listByLead(lead.id())) {
      String cause = o.agentId() == null ? CRM : agent.apply(o.agentId());
      outcomeCauses.put(o.recordedAt(), cause);
      entries.add(new TimelineEntry(o.recordedAt(), "outcome",
          o.type() + (o.note() == null || o.note().isBlank() ? "" : ": " + mask.text(o.note())), cause));
    }
    tasks.listByLead(lead.id()).forEach(t -> addTask(entries, t, agent, outcomeCauses, mask));
    optOutsOf(lead).forEach(o -> entries.add(new TimelineEntry(o.createdAt(), "opt-out",
        "opted out of " + o.channel(), optOutCause(o.source()))));
    changes.listByLead(lead.id()).forEach(c -> entries.add(change(c, mask)));
    entries.sort(Comparator.comparing(TimelineEntry::time));
    return new LeadTimelineView(lead.id(), List.copyOf(entries));
  }

  private static TimelineEntry touch(TouchRow t, LeadPiiMask mask) {
    String summary = t.stepId() + ": " + t.channel().name().toLowerCase(Locale.ROOT) + " " + t.status()
        + (t.detail() == null || t.detail().isBlank() ? "" : " (" + mask.text(t.detail()) + ")");
    boolean reported = t.status() == TouchState.DELIVERED
        || (t.status() == TouchState.FAILED && t.providerId() != null);
    return new TimelineEntry(t.performedAt(), "touch", summary,
        reported ? "provider webhook (" + t.provider() + ")" : CADENCE);
  }

  private static void addTask(List<TimelineEntry> entries, TaskRow t, Function<Long, String> agent,
      Map<Instant, String> outcomeCauses, LeadPiiMask mask) {
    String task = taskName(t);
    String assignee = t.agentId() == null ? "unassigned" : "for " + agent.apply(t.agentId());
    entries.add(new TimelineEntry(t.createdAt(), "task.created", task + " " + assignee + ", due " + t.dueAt(),
        taskCause(t)));
    if (t.overdueAt() != null) {
      entries.add(new TimelineEntry(t.overdueAt(), "task.overdue", task + " is overdue", CADENCE + " (task SLA)"));
    }
    if (t.escalatedAt() != null) {
      entries.add(new TimelineEntry(t.escalatedAt(), "task.escalated",
          task + " escalated: moved on and the managers told", CADENCE + " (task SLA)"));
    }
    if (t.completedAt() != null && t.status() == TaskStatus.DONE) {
      entries.add(new TimelineEntry(t.completedAt(), "task.done",
          task + " done" + (t.outcome() == null ? "" : ": " + t.outcome())
              + (t.note() == null || t.note().isBlank() ? "" : " (" + mask.text(t.note()) + ")"),
          outcomeCauses.getOrDefault(t.completedAt(), t.agentId() == null ? CRM : agent.apply(t.agentId()))));
    } else if (t.completedAt() != null && t.status() == TaskStatus.CANCELLED) {
      entries.add(new TimelineEntry(t.completedAt(), "task.cancelled",
          task + " cancelled" + (t.note() == null ? "" : ": " + mask.text(t.note())), CADENCE));
    }
  }

  private static String taskName(TaskRow t) {
    return switch (t.kind()) {
      case CALL -> "call task " + t.id() + (t.attempt() == null ? "" : " (attempt " + t.attempt() + ")");
      case CALL_BACK_NOW -> "call-back task " + t.id();
      case LEAD_REPLIED -> "reply task " + t.id();
      case ESCALATION -> "escalation task " + t.id() + " (task " + t.escalatedTaskId() + " slipped)";
    };
  }

  private static String taskCause(TaskRow t) {
    return switch (t.kind()) {
      case CALL -> CADENCE;
      case CALL_BACK_NOW -> "the lead (picked up a voicemail drop)";
      case LEAD_REPLIED -> "the lead by reply";
      case ESCALATION -> CADENCE + " (escalation)";
    };
  }

  private List<OptOutRow> optOutsOf(LeadRow lead) {
    Set<String> addresses = new LinkedHashSet<>();
    if (lead.phone() != null) {
      addresses.add(lead.phone());
    }
    if (lead.email() != null) {
      addresses.add(lead.email());
      addresses.add(lead.email().toLowerCase(Locale.ROOT));
    }
    return addresses.isEmpty() ? List.of() : optOuts.listForAddresses(lead.dealershipId(), List.copyOf(addresses));
  }

  /** The opt_outs.source names of the code that records them, in words. */
  static String optOutCause(String source) {
    if (source == null) {
      return "unknown";
    }
    return switch (source) {
      case "api" -> CRM;
      case "sms-stop" -> "the lead by reply (STOP)";
      case "email-link" -> "the lead (unsubscribe link)";
      default -> source.startsWith("email-") ? "provider webhook (SendGrid " + source.substring(6) + ")" : source;
    };
  }

  private static TimelineEntry change(LeadChangeRow c, LeadPiiMask mask) {
    String kind = c.kind().name().toLowerCase(Locale.ROOT);
    String summary = switch (c.kind()) {
      case SCORE -> "score " + c.fromValue() + " -> " + c.toValue();
      case GRADE -> "grade " + c.fromValue() + " -> " + c.toValue();
      case PAUSED, RESUMED -> "cadence " + kind + (c.detail() == null ? "" : ": " + mask.text(c.detail()));
      case PLAN -> "plan " + c.fromValue() + " -> " + c.toValue() + (c.detail() == null ? "" : ", " + c.detail());
    };
    return new TimelineEntry(c.occurredAt(), kind, summary, c.cause() == null ? CADENCE : c.cause());
  }
}
