package com.leadcadence.activities.providers.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steers a voicemail drop in progress, from the voice callback: leave the message once a machine's
 * greeting has ended, or hang up. Both answer false when the call is already over (the lead hung up).
 */
public final class TwilioCallControl {
  /** "Call is not in-progress. Cannot redirect." */
  static final int CALL_NOT_IN_PROGRESS = 21220;
  private static final Logger log = LoggerFactory.getLogger(TwilioCallControl.class);

  private final TwilioRestClient client;

  public TwilioCallControl(TwilioRestClient client) {
    this.client = client;
  }

  /** Replaces the silent hold with the message; for {@link AnsweredBy#canLeaveMessage()}. */
  public boolean leaveMessage(String callSid, VoicemailContent content) {
    return update(callSid, Call.updater(callSid).setTwiml(VoicemailTwiml.message(content)), "leave message");
  }

  public boolean hangUp(String callSid) {
    return update(callSid, Call.updater(callSid).setStatus(Call.UpdateStatus.COMPLETED), "hang up");
  }

  private boolean update(String callSid, CallUpdater updater, String what) {
    try {
      updater.update(client);
      log.info("twilio call {}: {}", callSid, what);
      return true;
    } catch (ApiException e) {
      if (e.getCode() != null && e.getCode() == CALL_NOT_IN_PROGRESS) {
        log.info("twilio call {} already ended, cannot {}", callSid, what);
        return false;
      }
      throw e;
    }
  }
}
