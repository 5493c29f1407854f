package com.leadcadence.api.webhooks;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.providers.twilio.AnsweredBy;
import com.leadcadence.activities.providers.twilio.TwilioCallControl;
import com.leadcadence.activities.providers.twilio.TwilioVoicemailSender;
import com.leadcadence.activities.providers.twilio.VoicemailContent;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TouchRow;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answering-machine-detection result of a voicemail drop. A machine at the end of its greeting gets
 * the step's message (the touch's stored script). A person who picks up hears a short greeting instead of a
 * message meant for a mailbox, and the lead's agent gets an urgent task to call back now. Anything else
 * (a fax, a machine still greeting, unknown) gets nothing: never leave a message on a guess.
 */
public final class VoicemailAnswers {
  public static final String CALL_BACK_NOW = "picked up the voicemail call, call back now";
  private static final Logger log = LoggerFactory.getLogger(VoicemailAnswers.class);

  private final Optional<TwilioCallControl> callControl;
  private final DeliveryReports reports;
  private final LeadFinder finder;
  private final AgentTasks tasks;

  public VoicemailAnswers(
      Optional<TwilioCallControl> callControl, DeliveryReports reports, LeadFinder finder, AgentTasks tasks) {
    this.callControl = callControl;
    this.reports = reports;
    this.finder = finder;
    this.tasks = tasks;
  }

  static Optional<String> eventId(TwilioCallback callback) {
    String sid = callback.field("CallSid");
    return sid == null ? Optional.empty() : Optional.of(sid + ":" + AnsweredBy.parse(callback.field("AnsweredBy")));
  }

  public void handle(TwilioCallback callback) {
    String callSid = callback.field("CallSid");
    AnsweredBy answeredBy = AnsweredBy.parse(callback.field("AnsweredBy"));
    Optional<TouchRow> touch =
        reports.touch(TwilioVoicemailSender.PROVIDER, callSid, callback.leadId(), callback.touchId());
    Optional<LeadRow> lead = touch.flatMap(t -> finder.lead(t.leadId()));
    try (LeadMdc ignored = LeadMdc.put(lead.map(LeadRow::id).orElse(0L),
        lead.map(LeadRow::workflowId).orElse(null))) {
      log.info("voicemail call {} answered by {}", callSid, answeredBy);
      if (answeredBy.canLeaveMessage()) {
        leaveMessage(callSid, touch);
      } else if (answeredBy.isHuman()) {
        greetAndAlert(callSid, lead);
      }
    }
  }

  private void leaveMessage(String callSid, Optional<TouchRow> touch) {
    Optional<String> script = touch.map(TouchRow::body).filter(b -> !b.isBlank());
    if (script.isEmpty()) {
      log.warn("voicemail call {} has no stored script: hanging up", callSid);
      control().ifPresent(c -> c.hangUp(callSid));
      return;
    }
    control().ifPresent(c -> c.leaveMessage(callSid, VoicemailContent.fromTemplate(script.get())));
  }

  private void greetAndAlert(String callSid, Optional<LeadRow> lead) {
    String name = lead.flatMap(l -> finder.dealership(l.dealershipId())).map(DealershipRow::name).orElse(null);
    control().ifPresent(c -> c.leaveMessage(callSid, VoicemailContent.spoken(greeting(name))));
    lead.ifPresentOrElse(
        l -> tasks.create(l, TaskKind.CALL_BACK_NOW, "Lead " + CALL_BACK_NOW),
        () -> log.warn("voicemail call {} picked up, but no lead matches it: no task", callSid));
  }

  static String greeting(String dealershipName) {
    String who = dealershipName == null ? "the dealership" : dealershipName;
    return "Hello, thanks for picking up. This is " + who
        + ". Someone from our team will call you right back. Goodbye.";
  }

  private Optional<TwilioCallControl> control() {
    if (callControl.isEmpty()) {
      log.warn("no Twilio credentials to steer the call: nothing done");
    }
    return callControl;
  }
}
