package com.leadcadence.activities.providers.twilio;

import com.leadcadence.activities.logging.Masking;
import com.leadcadence.activities.providers.CallbackUrls;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.SentLookup;
import com.leadcadence.activities.senders.VoicemailMessage;
import com.leadcadence.activities.senders.VoicemailSender;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a voicemail drop through Twilio's Calls API: an outbound call with asynchronous answering-machine
 * detection that waits for the end of the greeting (DetectMessageEnd). The call holds silently; the
 * detection result goes to the voice callback, where {@link TwilioCallControl} leaves the message on a
 * machine or lets the agent know a person answered. The final call status goes to the status callback.
 * The receipt carries the Call SID.
 */
public final class TwilioVoicemailSender implements VoicemailSender {
  public static final String PROVIDER = "twilio";
  /** Twilio's default; a greeting longer than this is reported as "unknown" and gets no message. */
  public static final int MACHINE_DETECTION_TIMEOUT_SECONDS = 30;
  /** Long enough for detection to finish and the callback to replace the hold; then the call ends. */
  public static final int HOLD_SECONDS = MACHINE_DETECTION_TIMEOUT_SECONDS + 30;
  private static final Logger log = LoggerFactory.getLogger(TwilioVoicemailSender.class);

  private final TwilioRestClient client;
  private final TwilioSettings settings;
  private final CallbackUrls callbacks;

  public TwilioVoicemailSender(TwilioRestClient client, TwilioSettings settings, CallbackUrls callbacks) {
    this.client = client;
    this.settings = settings;
    this.callbacks = callbacks;
  }

  @Override
  public SendReceipt send(VoicemailMessage m) {
    String from = from(m);
    try {
      Call call = Call.creator(new PhoneNumber(m.to()), new PhoneNumber(from),
              new Twiml(VoicemailTwiml.holdWhileDetecting(HOLD_SECONDS)))
          .setMachineDetection("DetectMessageEnd")
          .setMachineDetectionTimeout(MACHINE_DETECTION_TIMEOUT_SECONDS)
          .setAsyncAmd("true")
          .setAsyncAmdStatusCallback(TwilioCallbacks.voice(callbacks, m.leadId(), m.touchId()))
          .setStatusCallback(TwilioCallbacks.status(callbacks, m.leadId(), m.touchId()))
          .create(client);
      log.info("twilio voicemail drop to {} started: sid={} touchId={}",
          Masking.phone(m.to()), call.getSid(), m.touchId());
      return new SendReceipt(PROVIDER, call.getSid());
    } catch (TwilioException e) {
      throw TwilioFailures.logAndClassify(log, "voicemail drop", m.to(), m.touchId(), e);
    }
  }

  /** Looks the call up at Twilio: To, From, start time (or creation for a call not yet dialled). */
  @Override
  public SentLookup lookUp(VoicemailMessage m, Instant since) {
    return TwilioLookups.call(client, m.to(), from(m), since, m.touchId());
  }

  private String from(VoicemailMessage m) {
    String from = m.from() != null && !m.from().isBlank() ? m.from() : settings.fromNumber();
    if (from == null) {
      throw new MessageNotSentException("no caller id: set the dealership's number or TWILIO_FROM_NUMBER", null);
    }
    return from;
  }
}
