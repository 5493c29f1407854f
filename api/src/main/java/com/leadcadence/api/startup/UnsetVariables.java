package com.leadcadence.api.startup;

import com.leadcadence.api.LeadCadenceConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML is substituted non-strictly (so {@code ${VAR:-default}} works), which leaves {@code ${VAR}}
 * in place when VAR is unset. This names the missing variable instead of failing later on a strange URL.
 */
public final class UnsetVariables {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");

  private UnsetVariables() {}

  public static void check(LeadCadenceConfiguration config) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("database.url", config.getDatabase().getUrl());
    settings.put("database.user", config.getDatabase().getUser());
    settings.put("database.password", config.getDatabase().getPassword());
    settings.put("temporal.address", config.getTemporal().getAddress());
    settings.put("temporal.namespace", config.getTemporal().getNamespace());
    settings.put("templatesDir", config.getTemplatesDir());
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      Matcher m = PLACEHOLDER.matcher(setting.getValue() == null ? "" : setting.getValue());
      if (m.find()) {
        throw new StartupFailure("environment variable " + m.group(1) + " is not set (needed for "
            + setting.getKey() + ")");
      }
    }
  }
}
