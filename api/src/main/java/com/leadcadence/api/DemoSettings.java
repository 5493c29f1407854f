package com.leadcadence.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Seeds the invented demo dealership (API key {@code demo-key}) so a new user can post a lead at once. */
public class DemoSettings {
  private boolean seed = true;

  @JsonProperty
  public boolean isSeed() {
    return seed;
  }

  @JsonProperty
  public void setSeed(boolean seed) {
    this.seed = seed;
  }
}
