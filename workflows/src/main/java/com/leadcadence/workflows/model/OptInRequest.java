package com.leadcadence.workflows.model;

import java.util.Set;

/** The lead asked to hear from us again on these channels (SMS START / UNSTOP). */
public record OptInRequest(Set<OptOutChannel> channels, String source) {
  public OptInRequest {
    channels = channels == null ? Set.of() : Set.copyOf(channels);
  }
}
