package com.leadcadence.activities.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.leadcadence.workflows.model.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A local stand-in for Twilio's Messages and Calls APIs and SendGrid's mail send, behind WireMock. Each
 * create request is answered by the next fault planned for its recipient (then OK); what it accepted it
 * keeps, and it answers Twilio's list reads (To, From, DateSent> / StartTime>) from that. Its log is the
 * truth the test checks the touches against: every create request, whether it was accepted, and what the
 * client was told.
 */
public final class ProviderStandIn implements ResponseDefinitionTransformerV2 {
  public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
  public static final String CALLS_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
  public static final String MAIL_PATH = "/v3/mail/send";
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How a create request is answered. */
  public enum Answer {
    /** Accepted, answered 201/202 at once: a clear answer. */
    OK(true, true),
    /** Accepted, answered only after the client gave up waiting. */
    SLOW(true, false),
    /** Accepted, then a 500 (a crash after storing it). */
    ACCEPT_THEN_500(true, false),
    /** Accepted, then the connection reset. */
    ACCEPT_THEN_RESET(true, false),
    /** Not accepted, the connection reset after the request arrived. */
    RESET(false, false),
    /** Not accepted: 503. */
    REFUSE_503(false, true),
    /** Not accepted: 429. */
    REFUSE_429(false, true);

    public final boolean accepts;
    /** The client learns the truth from the answer. */
    public final boolean clear;

    Answer(boolean accepts, boolean clear) {
      this.accepts = accepts;
      this.clear = clear;
    }
  }

  /** One create request as the stand-in saw it. */
  public record Create(Channel channel, String recipient, Answer answer, String id, String touchId) {}

  /** One accepted message. */
  public record Accepted(Channel channel, String id, String to, String from, String body, Instant at,
      boolean queued) {}

  private final Duration slowAnswer;
  private final Map<String, Deque<Answer>> plans = new HashMap<>();
  private final List<Create> log = new ArrayList<>();
  private final List<Accepted> accepted = new ArrayList<>();
  private final List<String> lookups = new ArrayList<>();
  private int sequence;

  /** slowAnswer: how long a SLOW answer takes (longer than the clients wait). */
  public ProviderStandIn(java.time.Duration slowAnswer) {
    this.slowAnswer = new Duration(slowAnswer.toMillis());
  }

  private record Duration(long millis) {}

  @Override
  public String getName() {
    return "provider-stand-in";
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  /** The answers for the next create requests on this channel to this recipient (a number or an address). */
  public synchronized void plan(Channel channel, String recipient, List<Answer> answers) {
    plans.put(channel + ":" + recipient, new ArrayDeque<>(answers));
  }

  public synchronized List<Create> log() {
    return List.copyOf(log);
  }

  public synchronized List<Accepted> accepted() {
    return List.copyOf(accepted);
  }

  /** The list reads, as query strings. */
  public synchronized List<String> lookups() {
    return List.copyOf(lookups);
  }

  public synchronized void reset() {
    plans.clear();
    log.clear();
    accepted.clear();
    lookups.clear();
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    URI url = URI.create(request.getUrl());
    String path = url.getRawPath();
    try {
      synchronized (this) {
        if (request.getMethod().getName().equals("POST") && path.equals(MESSAGES_PATH)) {
          Map<String, String> form = params(request.getBodyAsString());
          return create(Channel.SMS, form.get("To"), form.get("From"), form.get("Body"), null);
        }
        if (request.getMethod().getName().equals("POST") && path.equals(CALLS_PATH)) {
          Map<String, String> form = params(request.getBodyAsString());
          return create(Channel.VOICEMAIL, form.get("To"), form.get("From"), form.get("Twiml"), null);
        }
        if (request.getMethod().getName().equals("POST") && path.equals(MAIL_PATH)) {
          JsonNode mail = JSON.readTree(request.getBodyAsString());
          return create(Channel.EMAIL, mail.path("personalizations").path(0).path("to").path(0).path("email").asText(),
              mail.path("from").path("email").asText(), mail.path("subject").asText(),
              mail.path("custom_args").path("touch_id").asText(null));
        }
        if (request.getMethod().getName().equals("GET") && (path.equals(MESSAGES_PATH) || path.equals(CALLS_PATH))) {
          lookups.add(url.getRawQuery());
          return list(path.equals(MESSAGES_PATH) ? Channel.SMS : Channel.VOICEMAIL, params(url.getRawQuery()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseDefinitionBuilder.responseDefinition().withStatus(404).withBody("not stood in for: " + path)
        .build();
  }

  private ResponseDefinition create(Channel channel, String to, String from, String body, String touchId)
      throws IOException {
    Deque<Answer> plan = plans.get(channel + ":" + to);
    Answer answer = plan == null || plan.isEmpty() ? Answer.OK : plan.poll();
    String id = null;
    ObjectNode resource = null;
    if (answer.accepts) {
      sequence++;
      id = switch (channel) {
        case SMS -> "SM%032d".formatted(sequence);
        case VOICEMAIL -> "CA%032d".formatted(sequence);
        default -> "sg-%08d".formatted(sequence);
      };
      // Every other accepted text or call is still queued (no date sent, no start time) when looked up.
      Accepted message = new Accepted(channel, id, to, from, body, Instant.now(), sequence % 2 == 0);
      accepted.add(message);
      resource = resource(message);
    }
    log.add(new Create(channel, to, answer, id, touchId));
    ResponseDefinitionBuilder response = switch (answer) {
      case OK, SLOW -> channel == Channel.EMAIL
          ? ResponseDefinitionBuilder.responseDefinition().withStatus(202).withHeader("X-Message-Id", id)
          : ResponseDefinitionBuilder.responseDefinition().withStatus(201)
              .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(resource));
      case ACCEPT_THEN_500 -> error(500, 20500, "Internal Server Error");
      case REFUSE_503 -> error(503, 20503, "Service Unavailable");
      case REFUSE_429 -> error(429, 20429, "Too Many Requests");
      case ACCEPT_THEN_RESET, RESET -> ResponseDefinitionBuilder.responseDefinition()
          .withFault(Fault.CONNECTION_RESET_BY_PEER);
    };
    if (answer == Answer.SLOW) {
      response = response.withFixedDelay((int) slowAnswer.millis());
    }
    return response.build();
  }

  private static ResponseDefinitionBuilder error(int status, int code, String message) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"code\": %d, \"message\": \"%s\", \"status\": %d}".formatted(code, message, status));
  }

  /** Twilio's list page: the accepted records matching To, From and the date filter, newest first. */
  private ResponseDefinition list(Channel channel, Map<String, String> query) throws IOException {
    String dateAfterName = channel == Channel.SMS ? "DateSent>" : "StartTime>";
    Instant after = query.containsKey(dateAfterName)
        ? LocalDateTime.parse(query.get(dateAfterName)).toInstant(ZoneOffset.UTC) : null;
    ArrayNode records = JSON.createArrayNode();
    for (int i = accepted.size() - 1; i >= 0; i--) {
      Accepted a = accepted.get(i);
      if (a.channel() == channel && a.to().equals(query.get("To"))
          && (!query.containsKey("From") || query.get("From").equals(a.from()))
          // A queued record has no date sent (no start time) yet, so a date filter leaves it out.
          && (after == null || (!a.queued() && !a.at().isBefore(after.minusSeconds(1))))) {
        records.add(resource(a));
      }
    }
    String uri = (channel == Channel.SMS ? MESSAGES_PATH : CALLS_PATH) + "?PageSize=50&Page=0";
    ObjectNode page = JSON.createObjectNode();
    page.set(channel == Channel.SMS ? "messages" : "calls", records);
    page.put("uri", uri);
    page.put("first_page_uri", uri);
    page.putNull("next_page_uri");
    page.putNull("previous_page_uri");
    page.put("page", 0);
    page.put("page_size", 50);
    page.put("start", 0);
    page.put("end", records.size());
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(page)).build();
  }

  private static ObjectNode resource(Accepted a) {
    ObjectNode node = JSON.createObjectNode();
    String date = RFC_2822.format(a.at().atZone(ZoneOffset.UTC));
    node.put("sid", a.id());
    node.put("account_sid", ACCOUNT_SID);
    node.put("to", a.to());
    node.put("from", a.from());
    node.put("date_created", date);
    node.put("date_updated", date);
    if (a.channel() == Channel.SMS) {
      node.put("body", a.body());
      node.put("direction", "outbound-api");
      node.put("status", a.queued() ? "queued" : "sent");
      if (a.queued()) {
        node.putNull("date_sent");
      } else {
        node.put("date_sent", date);
      }
    } else {
      node.put("direction", "outbound-api");
      node.put("status", a.queued() ? "queued" : "in-progress");
      if (a.queued()) {
        node.putNull("start_time");
      } else {
        node.put("start_time", date);
      }
    }
    return node;
  }

  private static Map<String, String> params(String encoded) {
    Map<String, String> params = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return params;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(name, value);
    }
    return params;
  }
}
