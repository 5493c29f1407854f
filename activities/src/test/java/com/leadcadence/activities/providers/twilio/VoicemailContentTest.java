package com.leadcadence.activities.providers.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;

class VoicemailContentTest {

  @Test
  void aTemplateThatIsOneUrlIsARecording() {
    VoicemailContent content = VoicemailContent.fromTemplate("  https://cdn.example.test/vm/intro.mp3\n");
    assertEquals(URI.create("https://cdn.example.test/vm/intro.mp3"), content.recordingUrl());
    assertNull(content.script());
  }

  @Test
  void anythingElseIsSpoken() {
    String script = "Hi Jane, this is Maria at Lakeside Motors. Details at https://lakeside.example.test";
    assertEquals(VoicemailContent.spoken(script), VoicemailContent.fromTemplate(script));
    assertEquals(VoicemailContent.spoken("ftp://not-played"), VoicemailContent.fromTemplate("ftp://not-played"));
  }
}
