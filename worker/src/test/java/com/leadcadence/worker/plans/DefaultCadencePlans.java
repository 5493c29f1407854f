package com.leadcadence.worker.plans;

import static com.leadcadence.workflows.model.Channel.CALL;
import static com.leadcadence.workflows.model.Channel.EMAIL;
import static com.leadcadence.workflows.model.Channel.SMS;
import static com.leadcadence.workflows.model.Channel.VOICEMAIL;
import static com.leadcadence.workflows.model.StepTiming.afterStart;
import static com.leadcadence.workflows.model.StepTiming.atReceipt;
import static com.leadcadence.workflows.model.StepTiming.onDay;

import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Grade;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * The default cadences as they were written in Java until 0.1.0, before they became the files in
 * config/cadences: kept only as the reference those files must reproduce exactly
 * ({@link DefaultPlanFilesTest}). Changing a default plan means changing its file and this reference.
 */
final class DefaultCadencePlans {
  static final int VERSION = 1;

  private static final Duration FIRST_CALL_SLA = Duration.ofMinutes(5);
  private static final Duration LATER_CALL_SLA = Duration.ofMinutes(15);
  /**
   * A NO_ANSWER pulls the follow-up text to right away: the lead has just seen a missed call, so the
   * text lands while they still know who rang (as soon as the SMS window allows).
   */
  private static final Duration TEXT_AFTER_NO_ANSWER = Duration.ZERO;

  private static final List<CadenceStep> FULL = List.of(
      CadenceStep.of("ack", EMAIL, "ack", atReceipt()),
      CadenceStep.of("call-1", CALL, "call", afterStart(Duration.ZERO)).withCallSla(FIRST_CALL_SLA),
      CadenceStep.of("sms-1", SMS, "intro", afterStart(Duration.ofMinutes(15)))
          .withNoAnswerFollowUp(TEXT_AFTER_NO_ANSWER),
      CadenceStep.of("email-2", EMAIL, "vehicle-details", afterStart(Duration.ofMinutes(30))),
      CadenceStep.of("sms-2", SMS, "follow-up", afterStart(Duration.ofHours(4))),
      CadenceStep.of("call-2", CALL, "call", afterStart(Duration.ofHours(4).plusMinutes(5)))
          .withCallSla(LATER_CALL_SLA),
      CadenceStep.of("sms-3", SMS, "in-stock", onDay(1, LocalTime.of(10, 30))),
      CadenceStep.of("call-3", CALL, "call", onDay(1, LocalTime.of(17, 30))).withCallSla(LATER_CALL_SLA),
      CadenceStep.of("vm-1", VOICEMAIL, "vm-intro", onDay(2, LocalTime.of(11, 0))),
      CadenceStep.of("vm-2", VOICEMAIL, "vm-value", onDay(3, LocalTime.of(18, 0))),
      CadenceStep.of("email-5", EMAIL, "options", onDay(5, LocalTime.of(9, 30))),
      CadenceStep.of("vm-3", VOICEMAIL, "vm-scarcity", onDay(7, LocalTime.of(14, 0))),
      CadenceStep.of("sms-4", SMS, "check-in", onDay(10, LocalTime.of(18, 30))),
      CadenceStep.of("email-14", EMAIL, "check-in", onDay(14, LocalTime.of(10, 0))),
      CadenceStep.of("vm-4", VOICEMAIL, "vm-alternative", onDay(21, LocalTime.of(15, 0))),
      CadenceStep.of("email-30", EMAIL, "final", onDay(30, LocalTime.of(10, 0))));

  private static final List<CadenceStep> NURTURE = List.of(
      CadenceStep.of("ack", EMAIL, "ack", atReceipt()),
      CadenceStep.of("call-1", CALL, "call", afterStart(Duration.ZERO)).withCallSla(LATER_CALL_SLA),
      CadenceStep.of("email-2", EMAIL, "vehicle-details", afterStart(Duration.ofMinutes(30))),
      CadenceStep.of("sms-1", SMS, "intro", afterStart(Duration.ofHours(1)))
          .withNoAnswerFollowUp(TEXT_AFTER_NO_ANSWER),
      CadenceStep.of("email-d1", EMAIL, "options", onDay(1, LocalTime.of(10, 0))),
      CadenceStep.of("call-3", CALL, "call", onDay(3, LocalTime.of(16, 0))).withCallSla(LATER_CALL_SLA),
      CadenceStep.of("email-d5", EMAIL, "check-in", onDay(5, LocalTime.of(10, 0))),
      CadenceStep.of("email-d10", EMAIL, "nurture", onDay(10, LocalTime.of(10, 0))),
      CadenceStep.of("sms-d14", SMS, "check-in", onDay(14, LocalTime.of(17, 0))),
      CadenceStep.of("email-d21", EMAIL, "nurture", onDay(21, LocalTime.of(10, 0))),
      CadenceStep.of("email-30", EMAIL, "final", onDay(30, LocalTime.of(10, 0))));

  private DefaultCadencePlans() {}

  static CadencePlan forGrade(Grade grade) {
    return switch (grade) {
      case A -> new CadencePlan("hot", VERSION, FULL, Duration.ofMinutes(15));
      case B -> new CadencePlan("standard", VERSION, FULL, null);
      case C -> new CadencePlan("nurture", VERSION, NURTURE, null);
      case D -> new CadencePlan("none", VERSION, List.of(), null);
    };
  }
}
