package com.leadcadence.store;

import java.util.List;

/** A dealership with its API key (in clear, hashed when stored) and its people, for dev and tests. */
public record DealershipSeed(
    String name,
    String timeZone,
    String businessHours,
    String holidays,
    String senderName,
    String senderEmail,
    String senderPhone,
    boolean webFormCapturesConsent,
    String firstPartySources,
    String inboundEmail,
    String apiKey,
    List<AgentSeed> agents) {

  public DealershipSeed {
    agents = agents == null ? List.of() : List.copyOf(agents);
  }

  /** The same dealership under another API key (tests seed several). */
  public DealershipSeed withApiKey(String otherKey) {
    return new DealershipSeed(name, timeZone, businessHours, holidays, senderName, senderEmail, senderPhone,
        webFormCapturesConsent, firstPartySources, null, otherKey, agents);
  }
}
