package com.leadcadence.api.webhooks;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadcadence.activities.providers.CallbackUrls;
import com.leadcadence.activities.providers.sendgrid.SendGridSignatureVerifier;
import com.leadcadence.api.errors.ErrorResponses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SendGrid's signed event webhook: a JSON array of events. The body is taken as raw bytes, because the
 * signature covers the timestamp header plus the bytes exactly as sent; only a verified body is parsed.
 * Each event is deduplicated by sg_event_id and handled on its own.
 */
@Path(CallbackUrls.SENDGRID_EVENTS_PATH)
@Consumes(MediaType.WILDCARD)
public class SendGridWebhookResource {
  public static final String PROVIDER = "sendgrid";
  private static final Logger log = LoggerFactory.getLogger(SendGridWebhookResource.class);

  private final Optional<SendGridSignatureVerifier> verifier;
  private final ProviderEvents events;
  private final SendGridEvents handler;
  private final ObjectMapper json;

  public SendGridWebhookResource(
      ProviderWebhooks webhooks, ProviderEvents events, SendGridEvents handler, ObjectMapper json) {
    this.verifier = webhooks.sendGridSignatures();
    this.events = events;
    this.handler = handler;
    this.json = json;
  }

  @POST
  @Timed
  public Response events(byte[] body,
      @HeaderParam(SendGridSignatureVerifier.SIGNATURE_HEADER) String signature,
      @HeaderParam(SendGridSignatureVerifier.TIMESTAMP_HEADER) String timestamp) {
    if (verifier.isEmpty()) {
      log.warn("sendgrid events refused: no SENDGRID_WEBHOOK_PUBLIC_KEY configured to verify them");
      return forbidden();
    }
    if (!verifier.get().verify(body, signature, timestamp)) {
      log.warn("sendgrid events refused: {} signature", signature == null ? "missing" : "bad");
      return forbidden();
    }
    JsonNode batch;
    try {
      batch = json.readTree(body);
    } catch (IOException e) {
      return ErrorResponses.of(400, null, "the body is not JSON");
    }
    if (batch == null || !batch.isArray()) {
      return ErrorResponses.of(400, null, "the body is not a JSON array of events");
    }
    int handled = 0;
    for (JsonNode event : batch) {
      Optional<String> id = SendGridEvents.eventId(event);
      if (id.isEmpty()) {
        log.warn("sendgrid {} event without sg_event_id: ignored", SendGridEvents.type(event));
        continue;
      }
      Long leadId = SendGridEvents.leadId(event).isPresent() ? SendGridEvents.leadId(event).getAsLong() : null;
      if (events.once(PROVIDER, id.get(), SendGridEvents.type(event), leadId, event.toString(),
          () -> handler.handle(event))) {
        handled++;
      }
    }
    log.info("sendgrid: {} of {} events handled", handled, batch.size());
    return Response.ok().build();
  }

  private static Response forbidden() {
    return ErrorResponses.of(403, null, "the request's signature could not be verified");
  }
}
