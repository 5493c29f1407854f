package com.leadcadence.api.webhooks;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.logging.Masking;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.workflows.model.OptOutChannel;
import com.leadcadence.workflows.model.OptOutRequest;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An address leaving a dealership's emails (a SendGrid unsubscribe or spam report, the unsubscribe
 * link): recorded on the opt-out list first, so no email goes to it whatever happens next, then
 * signalled to every running lead of that dealership with the address. Recording is idempotent.
 *
 * @throws com.leadcadence.api.temporal.CadenceUnavailableException after recording, when Temporal
 *     cannot be reached for a signal
 */
public final class EmailOptOuts {
  private static final Logger log = LoggerFactory.getLogger(EmailOptOuts.class);

  private final LeadFinder finder;
  private final OptOutRegistry optOuts;
  private final WorkflowSignals signals;

  public EmailOptOuts(LeadFinder finder, OptOutRegistry optOuts, WorkflowSignals signals) {
    this.finder = finder;
    this.optOuts = optOuts;
    this.signals = signals;
  }

  public void optOut(long dealershipId, String address, String source) {
    optOuts.record(dealershipId, address, OptOutChannel.EMAIL, source);
    log.info("{} opted out of email ({})", Masking.email(address), source);
    OptOutRequest request = new OptOutRequest(Set.of(OptOutChannel.EMAIL), source);
    for (LeadRow each : finder.runningByEmail(dealershipId, address)) {
      try (LeadMdc ignored = LeadMdc.put(each.id(), each.workflowId())) {
        signals.signal(each, "optOut(EMAIL)", w -> w.optOut(request));
      }
    }
  }
}
