package com.leadcadence.worker;

import com.leadcadence.workflows.TaskQueues;

/**
 * How many sends per second each channel's task queue hands out: a provider account's limit (SendGrid
 * for email, Twilio's messages for texts, Twilio's calls for voicemail drops). A backlog (a catch-up after
 * an outage, a burst of leads) then drains at this rate instead of meeting the provider's 429s.
 */
public record SendRates(double emailsPerSecond, double textsPerSecond, double dropsPerSecond) {
  /** The configuration's defaults. */
  public static final SendRates DEFAULTS = new SendRates(50, 10, 1);

  public SendRates {
    if (!(emailsPerSecond > 0 && textsPerSecond > 0 && dropsPerSecond > 0)) {
      throw new IllegalArgumentException("send rates must be positive: " + emailsPerSecond + ", "
          + textsPerSecond + ", " + dropsPerSecond);
    }
  }

  /** The rate of one of the send queues ({@link TaskQueues#EMAIL_SENDS} and the others). */
  public double forQueue(String taskQueue) {
    return switch (taskQueue) {
      case TaskQueues.EMAIL_SENDS -> emailsPerSecond;
      case TaskQueues.SMS_SENDS -> textsPerSecond;
      case TaskQueues.VOICE_SENDS -> dropsPerSecond;
      default -> throw new IllegalArgumentException("not a send queue: " + taskQueue);
    };
  }
}
