package com.leadcadence.api.intake;

import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.worker.plans.CadencePlans;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadContact;
import com.leadcadence.workflows.model.Vehicle;
import com.leadcadence.workflows.scoring.LeadScore;
import com.leadcadence.workflows.scoring.LeadScorer;
import com.leadcadence.workflows.scoring.ScoringFacts;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns intake data into the score and into the workflow's input. The input is built from the stored
 * row, so a repaired start (after Temporal was down) gives the workflow exactly what the first try would.
 */
public final class CadenceInputs {

  private CadenceInputs() {}

  /**
   * The intake score. localArea: the lead named the dealership's time zone, or its phone shares the
   * dealership's area code.
   */
  public static LeadScore score(NormalisedLead lead, DealershipRow dealership) {
    Vehicle v = lead.vehicle();
    boolean specificVehicle = v != null
        && (v.vin() != null || v.stockNumber() != null
            || (v.year() != null && v.make() != null && v.model() != null));
    boolean vehicleInterest = v != null && (v.make() != null || v.model() != null);
    return LeadScorer.score(new ScoringFacts(
        isLocal(lead, dealership),
        lead.request().timeframe(),
        specificVehicle,
        vehicleInterest,
        lead.request().wantsFinancing(),
        lead.request().wantsTradeIn(),
        dealership.firstPartySourceSet().contains(lead.source()),
        lead.email() != null,
        lead.phone() != null));
  }
  private static boolean isLocal(NormalisedLead lead, DealershipRow dealership) {
    Optional<String> area = PhoneTimeZones.areaCode(lead.phone());
    return lead.timeZone().equals(dealership.timeZone())
        || (area.isPresent() && area.equals(PhoneTimeZones.areaCode(dealership.senderPhone())));
  }


  /**
   * The workflow input for a stored lead: a snapshot of the plan for its grade and source (and of the plan
   * for each other grade, where a grade change moves it), channels blocked from the start.
   */
  public static LeadCadenceInput forLead(LeadRow lead, DealershipRow dealership, OptOutRegistry optOuts,
      CadencePlans plans) {
    return new LeadCadenceInput(
        lead.id(),
        dealership.id(),
        lead.source(),
        new LeadContact(lead.firstName(), lead.lastName(), lead.email(), lead.phone(), lead.timeZone()),
        lead.vehicle(),
        lead.score(),
        lead.assignedAgentId(),
        blockedChannels(lead, optOuts.blockedChannels(dealership.id(), lead.email(), lead.phone())),
        dealership.schedule(),
        plans.forLead(lead.grade(), lead.source()),
        lead.createdAt())
        .followingGrades(plans.byGrade(lead.source()));
  }

  /**
   * No address, no channel; no TCPA consent, no automated SMS or voicemail drop; and whatever the
   * address already opted out of with this dealership.
   */
  static Set<Channel> blockedChannels(LeadRow lead, Set<Channel> optedOut) {
    Set<Channel> blocked = EnumSet.noneOf(Channel.class);
    if (lead.email() == null) {
      blocked.add(Channel.EMAIL);
    }
    if (lead.phone() == null) {
      blocked.addAll(EnumSet.of(Channel.SMS, Channel.CALL, Channel.VOICEMAIL));
    }
    if (!lead.consentSms()) {
      blocked.add(Channel.SMS);
    }
    if (!lead.consentVoice()) {
      blocked.add(Channel.VOICEMAIL);
    }
    blocked.addAll(optedOut);
    return blocked;
  }
}
