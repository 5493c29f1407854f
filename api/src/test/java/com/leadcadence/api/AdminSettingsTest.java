package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.startup.StartupFailure;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

/** The operator's key: a development default in dev.yml only; production needs a real one from the env. */
class AdminSettingsTest {

  @Test
  void developmentHasTheDemoKeyUnlessTheEnvironmentGivesOne() throws Exception {
    assertEquals(Optional.of(AdminSettings.DEV_ONLY_KEY), load("dev.yml", Map.of()).operatorKey());
    assertEquals(Optional.of("from-env"), load("dev.yml", Map.of("ADMIN_API_KEY", "from-env")).operatorKey());
  }

  @Test
  void productionRefusesToStartWithoutAFitKey() throws Exception {
    for (String unfit : new String[] {null, "", AdminSettings.DEV_ONLY_KEY, "too-short"}) {
      Map<String, String> env = unfit == null ? Map.of() : Map.of("ADMIN_API_KEY", unfit);
      StartupFailure failure = assertThrows(StartupFailure.class, () -> load("production.yml", env).operatorKey(),
          String.valueOf(unfit));
      assertTrue(failure.getMessage().startsWith("ADMIN_API_KEY"), failure.getMessage());
    }
    String key = "k".repeat(AdminSettings.MIN_REQUIRED_LENGTH);
    assertEquals(Optional.of(key), load("production.yml", Map.of("ADMIN_API_KEY", key)).operatorKey());
  }

  @Test
  void withoutAnyConfigurationTheAdminApiIsOff() {
    assertEquals(Optional.empty(), new LeadCadenceConfiguration().getAdmin().operatorKey());
  }

  private static AdminSettings load(String file, Map<String, String> env) throws Exception {
    YamlConfigurationFactory<LeadCadenceConfiguration> factory = new YamlConfigurationFactory<>(
        LeadCadenceConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
    return factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
        new StringSubstitutor(env::get)), "../config/" + file).getAdmin();
  }
}
