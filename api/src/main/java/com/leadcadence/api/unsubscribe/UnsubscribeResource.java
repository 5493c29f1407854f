package com.leadcadence.api.unsubscribe;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.logging.Masking;
import com.leadcadence.api.temporal.CadenceUnavailableException;
import com.leadcadence.api.webhooks.EmailOptOuts;
import com.leadcadence.api.webhooks.LeadFinder;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page behind every email's unsubscribe link. No API key: the signed token is the authorisation.
 * GET only shows the question (mail scanners follow links); POST (the page's button, or a mail client's
 * RFC 8058 one-click "List-Unsubscribe=One-Click" post, whose body needs no reading) opts the address out
 * of the dealership's emails. A token that does not verify is a 404 that changes nothing.
 */
@Path("/unsubscribe/{token}")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public final class UnsubscribeResource {
  static final String SOURCE = "email-link";
  private static final Logger log = LoggerFactory.getLogger(UnsubscribeResource.class);

  private final UnsubscribeLinks links;
  private final LeadFinder finder;
  private final EmailOptOuts emailOptOuts;

  public UnsubscribeResource(UnsubscribeLinks links, LeadFinder finder, EmailOptOuts emailOptOuts) {
    this.links = links;
    this.finder = finder;
    this.emailOptOuts = emailOptOuts;
  }

  private record Recipient(LeadRow lead, DealershipRow dealership) {
    String maskedEmail() {
      return Masking.email(lead.email());
    }
  }

  @GET
  public Response ask(@PathParam("token") String token) {
    return recipient(token)
        .map(r -> page(Response.Status.OK, UnsubscribePage.ask(r.dealership().name(), r.maskedEmail(), token)))
        .orElseGet(UnsubscribeResource::notFound);
  }

  @POST
  public Response unsubscribe(@PathParam("token") String token) {
    Optional<Recipient> recipient = recipient(token);
    if (recipient.isEmpty()) {
      return notFound();
    }
    LeadRow lead = recipient.get().lead();
    try (LeadMdc ignored = LeadMdc.put(lead.id(), lead.workflowId())) {
      emailOptOuts.optOut(lead.dealershipId(), lead.email(), SOURCE);
    } catch (CadenceUnavailableException e) {
      // The opt-out is recorded and every email activity checks that list before sending, so the
      // person is unsubscribed; the workflows learn it at their next email step.
      log.warn("email opt-out recorded, but the running cadences could not be told: {}", e.getMessage());
    }
    return page(Response.Status.OK, UnsubscribePage.done(recipient.get().dealership().name(),
        recipient.get().maskedEmail()));
  }

  private Optional<Recipient> recipient(String token) {
    OptionalLong leadId = links.verify(token);
    if (leadId.isEmpty()) {
      log.info("unsubscribe link with a token that does not verify");
      return Optional.empty();
    }
    Optional<LeadRow> lead = finder.lead(leadId.getAsLong())
        .filter(l -> l.email() != null && !l.email().isBlank());
    return lead.flatMap(l -> finder.dealership(l.dealershipId()).map(d -> new Recipient(l, d)));
  }

  private static Response notFound() {
    return page(Response.Status.NOT_FOUND, UnsubscribePage.notFound());
  }

  /** The token is in the URL: no referrer leaks it, no cache or index keeps it. */
  private static Response page(Response.Status status, String html) {
    return Response.status(status).entity(html).type(MediaType.TEXT_HTML + ";charset=utf-8")
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Robots-Tag", "noindex")
        .build();
  }
}
