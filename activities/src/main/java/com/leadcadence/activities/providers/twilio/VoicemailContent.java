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

  /**
   * The content a rendered voicemail template stands for: a template whose whole text is one http(s)
   * URL names a recording (a dealership's own voice), anything else is a script to speak.
   */
  public static VoicemailContent fromTemplate(String rendered) {
    String text = rendered == null ? "" : rendered.strip();
    if (!text.isEmpty() && text.chars().noneMatch(Character::isWhitespace)
        && (text.startsWith("https://") || text.startsWith("http://"))) {
      try {
        return recorded(URI.create(text));
      } catch (IllegalArgumentException notAUrl) {
        return spoken(text);
      }
    }
    return spoken(text);
  }
}
