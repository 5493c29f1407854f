package com.leadcadence.activities.providers.twilio;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Say;

/** The TwiML documents of a voicemail drop, built with the SDK so that scripts are escaped as XML. */
public final class VoicemailTwiml {
  private VoicemailTwiml() {}

  /**
   * What the call does while answering-machine detection listens: nothing audible, then hang up. The
   * message replaces it only once detection reports the end of a machine's greeting, so a person who
   * picks up never hears a recording meant for a mailbox.
   */
  public static String holdWhileDetecting(int seconds) {
    return new VoiceResponse.Builder()
        .pause(new Pause.Builder().length(seconds).build())
        .hangup(new Hangup.Builder().build())
        .build()
        .toXml();
  }

  /** Leaves the message, then hangs up. */
  public static String message(VoicemailContent content) {
    VoiceResponse.Builder response = new VoiceResponse.Builder();
    if (content.recordingUrl() != null) {
      response.play(new Play.Builder(content.recordingUrl().toString()).build());
    } else {
      response.say(new Say.Builder(content.script()).build());
    }
    return response.hangup(new Hangup.Builder().build()).build().toXml();
  }
}
