package com.leadcadence.api.intake;

import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.workflows.model.OptOutChannel;
import java.util.EnumSet;
import java.util.Set;

/**
 * Stores a lead's opt-out in the dealership's registry, per address, so it also holds for that
 * address's other and future leads: EMAIL against the email; SMS and CALL against the phone; ALL is
 * all of them (never an email channel against a phone number or the other way round).
 */
public final class LeadOptOuts {
  private final OptOutRegistry registry;

  public LeadOptOuts(OptOutRegistry registry) {
    this.registry = registry;
  }

  public void record(LeadRow lead, Set<OptOutChannel> requested, String source) {
    Set<OptOutChannel> channels = requested.contains(OptOutChannel.ALL)
        ? EnumSet.of(OptOutChannel.EMAIL, OptOutChannel.SMS, OptOutChannel.CALL)
        : EnumSet.copyOf(requested);
    for (OptOutChannel channel : channels) {
      String address = channel == OptOutChannel.EMAIL ? lead.email() : lead.phone();
      if (address != null) {
        registry.record(lead.dealershipId(), address, channel, source);
      }
    }
  }
}
