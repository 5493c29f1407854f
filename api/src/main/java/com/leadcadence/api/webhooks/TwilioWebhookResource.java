package com.leadcadence.api.webhooks;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadcadence.activities.providers.CallbackUrls;
import com.leadcadence.activities.providers.twilio.TwilioSignatureVerifier;
import com.leadcadence.api.errors.ErrorResponses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's webhooks. Each request is verified first (X-Twilio-Signature over PUBLIC_BASE_URL + the path +
 * the query Twilio called, and the form fields), then deduplicated by its event id, then handled. A bad
 * or missing signature, or no configured auth token to check it with, is a 403 and changes nothing.
 */
@Path("/webhooks/twilio")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class TwilioWebhookResource {
  public static final String PROVIDER = "twilio";
  private static final Logger log = LoggerFactory.getLogger(TwilioWebhookResource.class);

  private final Optional<CallbackUrls> urls;
  private final Optional<TwilioSignatureVerifier> verifier;
  private final ProviderEvents events;
  private final InboundTexts texts;
  private final TwilioStatusCallbacks statuses;
  private final VoicemailAnswers answers;
  private final ObjectMapper json;

  public TwilioWebhookResource(ProviderWebhooks webhooks, ProviderEvents events, InboundTexts texts,
      TwilioStatusCallbacks statuses, VoicemailAnswers answers, ObjectMapper json) {
    this.urls = webhooks.callbackUrls();
    this.verifier = webhooks.twilioSignatures();
    this.events = events;
    this.texts = texts;
    this.statuses = statuses;
    this.answers = answers;
    this.json = json;
  }

  /** Inbound texts: STOP/START/HELP and replies. Answers TwiML (a HELP reply, or nothing). */
  @POST
  @Path("/sms")
  @Timed
  public Response inboundSms(MultivaluedMap<String, String> form, @Context UriInfo uri,
      @HeaderParam(TwilioSignatureVerifier.SIGNATURE_HEADER) String signature) {
    TwilioCallback callback = callback(form, uri);
    if (!verified(CallbackUrls.TWILIO_SMS_PATH, uri, form, signature)) {
      return forbidden();
    }
    String messageSid = callback.field("MessageSid");
    if (messageSid == null) {
      return Twiml.empty();
    }
    AtomicReference<Optional<String>> reply = new AtomicReference<>(Optional.empty());
    events.once(PROVIDER, "sms:" + messageSid, "inbound-sms", null, payload(form),
        () -> reply.set(texts.handle(callback.field("From"), callback.field("To"), callback.field("Body"))));
    return reply.get().map(Twiml::message).orElseGet(Twiml::empty);
  }

  /** Message and call status callbacks. */
  @POST
  @Path("/status")
  @Timed
  public Response status(MultivaluedMap<String, String> form, @Context UriInfo uri,
      @HeaderParam(TwilioSignatureVerifier.SIGNATURE_HEADER) String signature) {
    return handle(CallbackUrls.TWILIO_STATUS_PATH, "status", form, uri, signature,
        TwilioStatusCallbacks::eventId, statuses::handle);
  }

  /** Answering-machine detection results of voicemail drops. */
  @POST
  @Path("/voice")
  @Timed
  public Response voice(MultivaluedMap<String, String> form, @Context UriInfo uri,
      @HeaderParam(TwilioSignatureVerifier.SIGNATURE_HEADER) String signature) {
    return handle(CallbackUrls.TWILIO_VOICE_PATH, "amd", form, uri, signature,
        VoicemailAnswers::eventId, answers::handle);
  }

  private Response handle(String path, String type, MultivaluedMap<String, String> form, UriInfo uri,
      String signature, Function<TwilioCallback, Optional<String>> eventId,
      Consumer<TwilioCallback> handler) {
    if (!verified(path, uri, form, signature)) {
      return forbidden();
    }
    TwilioCallback callback = callback(form, uri);
    eventId.apply(callback).ifPresentOrElse(
        id -> events.once(PROVIDER, type + ":" + id, type, boxed(callback), payload(form),
            () -> handler.accept(callback)),
        () -> log.warn("twilio {} callback without its ids: ignored", type));
    return Twiml.empty();
  }

  private boolean verified(String path, UriInfo uri, MultivaluedMap<String, String> form, String signature) {
    if (verifier.isEmpty() || urls.isEmpty()) {
      log.warn("twilio webhook {} refused: no auth token or PUBLIC_BASE_URL configured to verify it", path);
      return false;
    }
    // The URL Twilio was given and signed: the public base, our path, the query exactly as sent.
    String query = uri.getRequestUri().getRawQuery();
    String url = urls.get().publicBaseUrl() + path + (query == null ? "" : "?" + query);
    boolean ok = verifier.get().verifyMultiValued(url, form, signature);
    if (!ok) {
      log.warn("twilio webhook {} refused: {} signature", path, signature == null ? "missing" : "bad");
    }
    return ok;
  }

  private static TwilioCallback callback(MultivaluedMap<String, String> form, UriInfo uri) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    return new TwilioCallback(form, TwilioCallback.id(query.getFirst("leadId")),
        TwilioCallback.id(query.getFirst("touchId")));
  }

  private static Long boxed(TwilioCallback callback) {
    return callback.leadId().isPresent() ? callback.leadId().getAsLong() : null;
  }

  private String payload(MultivaluedMap<String, String> form) {
    try {
      return json.writeValueAsString(form);
    } catch (JsonProcessingException e) {
      return form.toString();
    }
  }

  private static Response forbidden() {
    return ErrorResponses.of(403, null, "the request's signature could not be verified");
  }
}
