package com.leadcadence.api.tasks;

import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.schedule.LeadZones;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Builds the lead summary a task carries, from the lead's row and the dealership's opt-out list. */
final class LeadSummaries {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final LeadDao leads;
  private final OptOutRegistry optOuts;
  private final Clock clock;

  LeadSummaries(LeadDao leads, OptOutRegistry optOuts, Clock clock) {
    this.leads = leads;
    this.optOuts = optOuts;
    this.clock = clock;
  }

  LeadSummary of(long leadId, DealershipRow dealership) {
    LeadRow lead = leads.findById(leadId).orElseThrow();
    return LeadSummary.of(lead, localTime(lead, ZoneId.of(dealership.timeZone())), reachableBy(lead));
  }

  private String localTime(LeadRow lead, ZoneId dealershipZone) {
    List<ZoneId> zones = LeadZones.parse(lead.timeZone(), dealershipZone);
    String first = clock.instant().atZone(zones.get(0)).format(HH_MM);
    String last = clock.instant().atZone(zones.get(zones.size() - 1)).format(HH_MM);
    return first.equals(last) ? first : first + "-" + last;
  }

  private Set<Channel> reachableBy(LeadRow lead) {
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    if (lead.email() != null) {
      channels.add(Channel.EMAIL);
    }
    if (lead.phone() != null) {
      channels.add(Channel.CALL);
      if (lead.consentSms()) {
        channels.add(Channel.SMS);
      }
      if (lead.consentVoice()) {
        channels.add(Channel.VOICEMAIL);
      }
    }
    channels.removeAll(optOuts.blockedChannels(lead.dealershipId(), lead.email(), lead.phone()));
    return channels;
  }
}
