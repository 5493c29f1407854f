package com.leadcadence.api.webhooks;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.logging.Masking;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.workflows.model.EngagementEvent;
import com.leadcadence.workflows.model.EngagementType;
import com.leadcadence.workflows.model.OptInRequest;
import com.leadcadence.workflows.model.OptOutChannel;
import com.leadcadence.workflows.model.OptOutRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inbound text to a dealership's number. STOP and START change the dealership's opt-out list for that
 * phone and tell every running lead with it; HELP is answered; any other text is a reply from the newest
 * running lead with that phone: its cadence stops automated texts and its agent gets a task.
 */
public final class InboundTexts {
  public static final String STOP_SOURCE = "sms-stop";
  public static final String START_SOURCE = "sms-start";
  /** Long replies are cut in the task note (tasks.note holds 1000 characters). */
  static final int NOTE_EXCERPT = 900;
  private static final Logger log = LoggerFactory.getLogger(InboundTexts.class);

  private final LeadFinder finder;
  private final OptOutRegistry optOuts;
  private final WorkflowSignals signals;
  private final AgentTasks tasks;

  public InboundTexts(LeadFinder finder, OptOutRegistry optOuts, WorkflowSignals signals, AgentTasks tasks) {
    this.finder = finder;
    this.optOuts = optOuts;
    this.signals = signals;
    this.tasks = tasks;
  }

  /** What to text back, if anything. */
  public Optional<String> handle(String from, String to, String body) {
    List<DealershipRow> dealerships = finder.dealershipsBySenderPhone(to);
    if (from == null || from.isBlank() || dealerships.isEmpty()) {
      log.warn("inbound text from {} to {} matches no dealership: ignored", Masking.phone(from), Masking.phone(to));
      return Optional.empty();
    }
    InboundKeyword keyword = InboundKeyword.of(body);
    log.info("inbound text from {} to {}: {}", Masking.phone(from), Masking.phone(to), keyword);
    switch (keyword) {
      case STOP -> dealerships.forEach(d -> optOut(d, from));
      case START -> dealerships.forEach(d -> optIn(d, from));
      case HELP -> {
        return Optional.of(help(dealerships.get(0)));
      }
      case REPLY -> reply(dealerships, from, body);
    }
    return Optional.empty();
  }

  private void optOut(DealershipRow dealership, String phone) {
    optOuts.record(dealership.id(), phone, OptOutChannel.SMS, STOP_SOURCE);
    OptOutRequest request = new OptOutRequest(Set.of(OptOutChannel.SMS), STOP_SOURCE);
    for (LeadRow lead : finder.runningByPhone(dealership.id(), phone)) {
      try (LeadMdc ignored = LeadMdc.put(lead.id(), lead.workflowId())) {
        signals.signal(lead, "optOut(SMS)", w -> w.optOut(request));
      }
    }
  }

  private void optIn(DealershipRow dealership, String phone) {
    optOuts.remove(dealership.id(), phone, OptOutChannel.SMS);
    OptInRequest request = new OptInRequest(Set.of(OptOutChannel.SMS), START_SOURCE);
    for (LeadRow lead : finder.runningByPhone(dealership.id(), phone)) {
      try (LeadMdc ignored = LeadMdc.put(lead.id(), lead.workflowId())) {
        signals.signal(lead, "optIn(SMS)", w -> w.optIn(request));
      }
    }
  }

  /** Carriers require the sender's name, a way to reach a person, and how to stop. */
  static String help(DealershipRow dealership) {
    String phone = dealership.senderPhone() == null ? "" : " at " + dealership.senderPhone();
    return dealership.name() + ": for help, call us" + phone + " or reply to this text."
        + " Msg&data rates may apply. Reply STOP to opt out.";
  }

  private void reply(List<DealershipRow> dealerships, String phone, String body) {
    Optional<LeadRow> newest = dealerships.stream()
        .flatMap(d -> finder.runningByPhone(d.id(), phone).stream())
        .max(Comparator.comparingLong(LeadRow::id));
    if (newest.isEmpty()) {
      log.info("text from {} matches no running lead: no task", Masking.phone(phone));
      return;
    }
    LeadRow lead = newest.get();
    try (LeadMdc ignored = LeadMdc.put(lead.id(), lead.workflowId())) {
      String text = body == null ? "" : body.strip();
      signals.signal(lead, "engagement(SMS_REPLY)",
          w -> w.engagement(new EngagementEvent(EngagementType.SMS_REPLY, excerpt(text, 200))));
      tasks.create(lead, TaskKind.LEAD_REPLIED, "Lead replied by SMS: " + excerpt(text, NOTE_EXCERPT));
    }
  }

  private static String excerpt(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }
}
