package com.leadcadence.workflows.model;

import java.time.Duration;

/**
 * One touch of a plan. templateId names the message (config/templates). onNoAnswerWithin, when set,
 * pulls this step forward to at most that long after an agent reports NO_ANSWER (the follow-up text).
 * callSla is how long an agent has for a CALL task.
 */
public record CadenceStep(
    String id,
    Channel channel,
    String templateId,
    StepTiming timing,
    Duration onNoAnswerWithin,
    Duration callSla) {

  public static CadenceStep of(String id, Channel channel, String templateId, StepTiming timing) {
    return new CadenceStep(id, channel, templateId, timing, null, null);
  }

  public CadenceStep withNoAnswerFollowUp(Duration within) {
    return new CadenceStep(id, channel, templateId, timing, within, callSla);
  }

  public CadenceStep withCallSla(Duration sla) {
    return new CadenceStep(id, channel, templateId, timing, onNoAnswerWithin, sla);
  }
}
