package com.leadcadence.api.unsubscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.LeadCadenceConfiguration;
import com.leadcadence.api.UnsubscribeSettings;
import com.leadcadence.api.startup.StartupFailure;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

class UnsubscribeLinksTest {
  private final UnsubscribeLinks links = new UnsubscribeLinks("s3cret", () -> "https://leads.example.test/");

  @Test
  void theTokenIsTheLeadIdAndItsHmacInBase64url() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = "42." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal("unsubscribe:42".getBytes(StandardCharsets.UTF_8)));

    assertEquals(expected, links.token(42));
    assertEquals("https://leads.example.test/unsubscribe/" + expected, links.urlFor(42));
    assertTrue(links.token(42).matches("42\\.[A-Za-z0-9_-]{43}"), "URL-safe, no padding");
    assertEquals(OptionalLong.of(42), links.verify(links.token(42)));
  }

  @Test
  void onlyTokensMadeWithTheSecretForThatLeadVerify() {
    String token = links.token(42);
    String signature = token.substring(3);

    assertEquals(OptionalLong.empty(), links.verify("43." + signature));
    assertEquals(OptionalLong.empty(), links.verify(new UnsubscribeLinks("other", () -> "x").token(42)));
    assertEquals(OptionalLong.empty(), links.verify("42." + signature.substring(0, 42)));
    for (String junk : new String[] {null, "", "42", "42.", ".abc", "-1." + signature, "042." + signature,
        "42.!!!", "99999999999999999999." + signature, "abc." + signature}) {
      assertEquals(OptionalLong.empty(), links.verify(junk), junk);
    }
    assertNotEquals(links.token(42), links.token(43));
  }

  @Test
  void aBlankSecretIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new UnsubscribeLinks(" ", () -> "x"));
  }

  @Test
  void productionNeedsTheSecretAndDevelopmentFallsBackToTheNamedDevSecret() throws Exception {
    StartupFailure failure = assertThrows(StartupFailure.class,
        () -> load("production.yml", Map.of()).signingSecret());
    assertTrue(failure.getMessage().startsWith("UNSUBSCRIBE_SECRET is not set"), failure.getMessage());
    assertEquals("from-env", load("production.yml", Map.of("UNSUBSCRIBE_SECRET", "from-env")).signingSecret());

    assertEquals(UnsubscribeSettings.DEV_ONLY_SECRET, load("dev.yml", Map.of()).signingSecret());
    assertEquals("from-env", load("dev.yml", Map.of("UNSUBSCRIBE_SECRET", "from-env")).signingSecret());
  }

  @Test
  void thePagesEscapeWhatTheyShow() {
    String page = UnsubscribePage.ask("<script>alert(1)</script> & Sons", "j***@example.com", "1.\"x");
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons"), page);
    assertTrue(page.contains("action=\"1.&quot;x\""), page);
    assertTrue(!page.contains("<script>"));
  }

  private static UnsubscribeSettings load(String file, Map<String, String> env) throws Exception {
    YamlConfigurationFactory<LeadCadenceConfiguration> factory = new YamlConfigurationFactory<>(
        LeadCadenceConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
    return factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
        new StringSubstitutor(env::get)), "../config/" + file).getUnsubscribe();
  }
}
