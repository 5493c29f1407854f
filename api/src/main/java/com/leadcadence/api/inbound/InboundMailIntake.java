package com.leadcadence.api.inbound;

import com.leadcadence.activities.logging.Masking;
import com.leadcadence.api.adf.AdfIntake;
import com.leadcadence.api.adf.AdfRejection;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.intake.LeadIntake;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.InboundMessageDao;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.InboundMessageStatus;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.NewInboundMessage;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An e-mailed ADF lead: routed to the dealership whose inbound address received it, the ADF found in
 * the mail and taken in as {@code POST /v1/leads/adf} would. Every mail is stored in inbound_messages,
 * ACCEPTED with its lead or REJECTED with the reason (unknown recipient, no ADF, an ADF intake refused),
 * so none is ever dropped silently. A database failure is thrown: the route answers 5xx and SendGrid
 * posts the mail again later.
 */
public final class InboundMailIntake {
  private static final Logger LOG = LoggerFactory.getLogger(InboundMailIntake.class);
  private static final int MAX_EXCERPT = 4000;
  private static final int MAX_COLUMN = 1000;

  private final DealershipDao dealerships;
  private final InboundMessageDao messages;
  private final AdfIntake adf;
  private final AdfLocator locator = new AdfLocator();

  public InboundMailIntake(DealershipDao dealerships, InboundMessageDao messages, AdfIntake adf) {
    this.dealerships = dealerships;
    this.messages = messages;
    this.adf = adf;
  }

  /** What became of a mail: the stored row's id, its status, the lead (when accepted) or the reason. */
  public record Handled(long inboundMessageId, InboundMessageStatus status, Long leadId, Long duplicateOf,
      String reason) {}

  public Handled handle(InboundMail mail) {
    Optional<DealershipRow> dealership = mail.recipients().stream()
        .map(address -> dealerships.findByInboundEmail(address.toLowerCase(Locale.ROOT)))
        .flatMap(Optional::stream)
        .findFirst();
    if (dealership.isEmpty()) {
      return reject(mail, null, null, "no dealership receives leads at "
          + (mail.recipients().isEmpty() ? "(no recipient)" : String.join(", ", mail.recipients())));
    }
    Optional<AdfLocator.FoundAdf> found = locator.find(mail);
    if (found.isEmpty()) {
      return reject(mail, dealership.get(), null,
          "no ADF document (<adf>) in the text body, the HTML body or any attachment");
    }
    LeadRow lead;
    try {
      lead = adf.intake(dealership.get(), found.get().xml()).lead();
    } catch (AdfRejection e) {
      return reject(mail, dealership.get(), found.get(), "the ADF document was refused: " + e.summary());
    } catch (ApiException e) {
      if (e.status() >= 500) {
        throw e;
      }
      return reject(mail, dealership.get(), found.get(), "the ADF document was refused: " + e.getMessage());
    }
    long id = messages.insert(new NewInboundMessage(dealership.get().id(), recipients(mail), clip(mail.from()),
        clip(mail.subject()), InboundMessageStatus.ACCEPTED, null, lead.id(), found.get().where(),
        excerpt(found.get().xml())));
    LOG.info("Inbound mail {} from {} for dealership {}: ADF in the {} became lead {} ({})", id,
        Masking.email(mail.from()), dealership.get().id(), found.get().where(), lead.id(), lead.status());
    return new Handled(id, InboundMessageStatus.ACCEPTED, lead.id(), lead.duplicateOf(), null);
  }

  private Handled reject(InboundMail mail, DealershipRow dealership, AdfLocator.FoundAdf found, String reason) {
    String clipped = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    long id = messages.insert(new NewInboundMessage(dealership == null ? null : dealership.id(), recipients(mail),
        clip(mail.from()), clip(mail.subject()), InboundMessageStatus.REJECTED, clipped, null,
        found == null ? null : found.where(), excerpt(found == null ? mail.text() : found.xml())));
    LOG.info("Inbound mail {} from {} rejected and kept: {}", id, Masking.email(mail.from()), clipped);
    return new Handled(id, InboundMessageStatus.REJECTED, null, null, clipped);
  }

  private static String recipients(InboundMail mail) {
    return clip(String.join(", ", mail.recipients()));
  }

  private static String clip(String s) {
    return s == null || s.length() <= MAX_COLUMN ? s : s.substring(0, MAX_COLUMN);
  }

  private static String excerpt(String s) {
    return s == null || s.length() <= MAX_EXCERPT ? s : s.substring(0, MAX_EXCERPT);
  }
}
