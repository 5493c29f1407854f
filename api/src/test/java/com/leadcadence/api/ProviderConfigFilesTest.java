package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.webhooks.ProviderWebhooks;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import org.apache.commons.text.StringSubstitutor;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped configurations read the provider settings from the environment: with nothing set both
 * parse to "no credentials" (dry-run senders, webhooks refusing with 403); with the variables set the
 * same files carry them (so dev.yml uses the real senders too).
 */
class ProviderConfigFilesTest {

  private static LeadCadenceConfiguration load(String file, Map<String, String> env) throws Exception {
    YamlConfigurationFactory<LeadCadenceConfiguration> factory = new YamlConfigurationFactory<>(
        LeadCadenceConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
    StringSubstitutor substitutor = new StringSubstitutor(env::get);
    return factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor),
        "../config/" + file);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev.yml", "production.yml"})
  void withoutVariablesThereAreNoCredentials(String file) throws Exception {
    SendersSettings senders = load(file, Map.of()).getSenders();

    assertEquals(SendersSettings.Mode.PROVIDERS, senders.getMode());
    assertTrue(!senders.getTwilio().hasCredentials() && !senders.getSendGrid().hasCredentials());
    assertNull(senders.getSendGrid().asmGroupId());
    ProviderWebhooks webhooks = ProviderWebhooks.from(senders);
    assertTrue(webhooks.twilioSignatures().isEmpty() && webhooks.sendGridSignatures().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev.yml", "production.yml"})
  void theDocumentedVariablesFillTheProviderSettings(String file) throws Exception {
    SendersSettings senders = load(file, Map.of(
        "TWILIO_ACCOUNT_SID", "AC123", "TWILIO_AUTH_TOKEN", "token", "SENDGRID_API_KEY", "SG.key",
        "SENDGRID_WEBHOOK_PUBLIC_KEY", "pk", "PUBLIC_BASE_URL", "https://leads.example.test",
        "TWILIO_API_BASE_URL", "http://127.0.0.1:1", "SENDGRID_API_BASE_URL", "http://127.0.0.1:2",
        "SENDGRID_ASM_GROUP_ID", "42")).getSenders();

    assertEquals("AC123", senders.getTwilio().accountSid());
    assertEquals("token", senders.getTwilio().authToken());
    assertEquals("http://127.0.0.1:1", senders.getTwilio().apiBaseUrl());
    assertEquals("SG.key", senders.getSendGrid().apiKey());
    assertEquals("pk", senders.getSendGrid().webhookPublicKey());
    assertEquals(42, senders.getSendGrid().asmGroupId());
    assertEquals("http://127.0.0.1:2", senders.getSendGrid().apiBaseUrl());
    assertEquals("https://leads.example.test", senders.getPublicBaseUrl());
    assertTrue(senders.providerSettings().twilio().hasCredentials());
  }

  @org.junit.jupiter.api.Test
  void inboundEmailCredentialsHaveDefaultsInDevelopmentOnly() throws Exception {
    InboundEmailSettings dev = load("dev.yml", Map.of()).getInboundEmail();
    assertEquals("sendgrid-inbound", dev.getUser());
    assertEquals("dev-inbound-password", dev.getPassword());
    InboundEmailSettings production = load("production.yml", Map.of()).getInboundEmail();
    assertTrue(production.getUser() == null || production.getUser().isBlank());
    assertTrue(production.getPassword() == null || production.getPassword().isBlank());
    InboundEmailSettings set = load("production.yml",
        Map.of("SENDGRID_INBOUND_USER", "sg", "SENDGRID_INBOUND_PASSWORD", "secret")).getInboundEmail();
    assertEquals("sg", set.getUser());
    assertEquals("secret", set.getPassword());
  }
}
