package com.leadcadence.workflows.model;

import java.util.Set;

/** Channels the lead opted out of; source says where it came from (api, sms-stop, email-unsubscribe). */
public record OptOutRequest(Set<OptOutChannel> channels, String source) {
  public OptOutRequest {
    channels = channels == null ? Set.of() : Set.copyOf(channels);
  }
}
