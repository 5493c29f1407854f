package com.leadcadence.activities.providers.twilio;

import com.leadcadence.activities.providers.CallbackUrls;
import java.net.URI;

/**
 * Callback URLs that name the touch they report on. Twilio may post "queued" or "sent" before the
 * activity has stored the provider's id on the touch, so the lead and touch ids ride in the query
 * (Twilio signs the full URL, query included).
 */
final class TwilioCallbacks {
  private TwilioCallbacks() {}

  static URI forTouch(String callbackUrl, long leadId, long touchId) {
    return URI.create(callbackUrl + "?leadId=" + leadId + "&touchId=" + touchId);
  }

  static URI status(CallbackUrls urls, long leadId, long touchId) {
    return forTouch(urls.twilioStatus(), leadId, touchId);
  }

  static URI voice(CallbackUrls urls, long leadId, long touchId) {
    return forTouch(urls.twilioVoice(), leadId, touchId);
  }
}
