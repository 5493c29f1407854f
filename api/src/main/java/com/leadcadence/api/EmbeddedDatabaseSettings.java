package com.leadcadence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The embedded MariaDB started when nothing answers at the configured database URL (development only:
 * production turns it off so a missing database fails the start instead of hiding behind a local one).
 */
public class EmbeddedDatabaseSettings {
  private boolean enabled = true;

  /** Binaries and data, relative to the working directory; the data survives restarts. */
  @NotBlank private String dir = "var/mariadb";

  /** 0 means the port of the configured URL (so the URL still names the server in use). */
  @Min(0)
  @Max(65535)
  private int port = 0;

  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  @JsonProperty
  public String getDir() {
    return dir;
  }

  @JsonProperty
  public void setDir(String dir) {
    this.dir = dir;
  }

  @JsonProperty
  public int getPort() {
    return port;
  }

  @JsonProperty
  public void setPort(int port) {
    this.port = port;
  }
}
