package com.leadcadence.activities.providers.twilio;

import java.net.URI;

/** What a voicemail drop leaves: a script Twilio speaks, or a recording it plays. Exactly one is set. */
public record VoicemailContent(String script, URI recordingUrl) {
  public VoicemailContent {
    boolean hasScript = script != null && !script.isBlank();
    if (hasScript == (recordingUrl != null)) {
      throw new IllegalArgumentException("a voicemail has either a script or a recording URL");
    }
  }

  public static VoicemailContent spoken(String script) {
    return new VoicemailContent(script, null);
  }

  public static VoicemailContent recorded(URI recordingUrl) {
    return new VoicemailContent(null, recordingUrl);
  }
}
