package com.leadcadence.workflows;

import com.leadcadence.workflows.model.Channel;

/**
 * The one place the task-queue names live. The API starts workflows on {@link #LEAD_CADENCE}, where the
 * worker also runs the bookkeeping activities and the call tasks. Each provider send has its own queue
 * per channel, so that the worker can cap each channel's sends per second (a provider account's limit):
 * a catch-up after an outage then drains at that rate instead of meeting a storm of 429s.
 */
public final class TaskQueues {
  public static final String LEAD_CADENCE = "lead-cadence";
  public static final String EMAIL_SENDS = "lead-cadence-email";
  public static final String SMS_SENDS = "lead-cadence-sms";
  /** Voicemail drops: Twilio's Calls API, whose calls-per-second limit is the account's. */
  public static final String VOICE_SENDS = "lead-cadence-voice";

  private TaskQueues() {}

  /** Where a step of this channel is performed: its send queue, or the main queue for a call task. */
  public static String forStep(Channel channel) {
    return switch (channel) {
      case EMAIL -> EMAIL_SENDS;
      case SMS -> SMS_SENDS;
      case VOICEMAIL -> VOICE_SENDS;
      case CALL -> LEAD_CADENCE;
    };
  }
}
