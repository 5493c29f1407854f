package com.leadcadence.activities.senders;

import java.util.Objects;

/** The sender for each channel that sends something (a CALL is a task for a person, not a send). */
public record Senders(EmailSender email, SmsSender sms, VoicemailSender voicemail) {
  public Senders {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(sms, "sms");
    Objects.requireNonNull(voicemail, "voicemail");
  }

  /** The same senders with the SMS one replaced (tests, or a real Twilio sender with dry-run email). */
  public Senders withSms(SmsSender other) {
    return new Senders(email, other, voicemail);
  }
}
