package com.leadcadence.api.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcadence.workflows.model.Channel;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A local stand-in for Twilio (Messages and Calls: create and list) and SendGrid (v3 mail send) on the
 * JDK's HTTP server, for a worker in another process. A create is accepted (logged, and visible to
 * Twilio's list reads) the moment it arrives, then answered only after a random 300-800 ms, so that a
 * worker killed meanwhile never learns the answer. Its log of accepted messages, with when each arrived
 * and when its answer was written, is the truth the test judges the touches by.
 */
final class ProviderHttpStandIn implements AutoCloseable {
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
  static final String CALLS_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
  static final String MAIL_PATH = "/v3/mail/send";
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One accepted message. answeredAt is null until its answer was written (or forever, if that failed). */
  static final class Accepted {
    final int seq;
    final Channel channel;
    final String id;
    final String to;
    final String from;
    final String body;
    final String touchId;
    final Instant arrivedAt;
    /** Every other accepted text or call still looks queued to a list read (no date sent yet). */
    final boolean queued;
    volatile Instant answeredAt;
    volatile boolean answerFailed;

    Accepted(int seq, Channel channel, String id, String to, String from, String body, String touchId,
        Instant arrivedAt) {
      this.seq = seq;
      this.channel = channel;
      this.id = id;
      this.to = to;
      this.from = from;
      this.body = body;
      this.touchId = touchId;
      this.arrivedAt = arrivedAt;
      this.queued = seq % 2 == 0;
    }

    boolean inFlight() {
      return answeredAt == null && !answerFailed;
    }

    @Override
    public String toString() {
      return channel + " " + id + " to " + to + " arrived " + arrivedAt + " answered "
          + (answerFailed ? "never (write failed)" : answeredAt);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "provider-stand-in");
    t.setDaemon(true);
    return t;
  });
  private final int minDelayMillis;
  private final int maxDelayMillis;
  private final List<Accepted> accepted = new ArrayList<>();
  private final List<String> lookups = new ArrayList<>();
  private int sequence;

  ProviderHttpStandIn(int minDelayMillis, int maxDelayMillis) throws IOException {
    this.minDelayMillis = minDelayMillis;
    this.maxDelayMillis = maxDelayMillis;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized List<Accepted> accepted() {
    return List.copyOf(accepted);
  }

  synchronized List<Accepted> inFlight() {
    return accepted.stream().filter(Accepted::inFlight).toList();
  }

  synchronized int lookupCount() {
    return lookups.size();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI url = exchange.getRequestURI();
      String path = url.getRawPath();
      String method = exchange.getRequestMethod();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (method.equals("POST") && (path.equals(MESSAGES_PATH) || path.equals(CALLS_PATH))) {
        Map<String, String> form = params(body);
        boolean sms = path.equals(MESSAGES_PATH);
        Accepted a = accept(sms ? Channel.SMS : Channel.VOICEMAIL, form.get("To"), form.get("From"),
            sms ? form.get("Body") : form.get("Twiml"), null);
        answerSlowly(exchange, a, 201, "application/json", JSON.writeValueAsBytes(resource(a)), null);
      } else if (method.equals("POST") && path.equals(MAIL_PATH)) {
        JsonNode mail = JSON.readTree(body);
        Accepted a = accept(Channel.EMAIL,
            mail.path("personalizations").path(0).path("to").path(0).path("email").asText(),
            mail.path("from").path("email").asText(), mail.path("subject").asText(),
            mail.path("custom_args").path("touch_id").asText(null));
        answerSlowly(exchange, a, 202, null, new byte[0], a.id);
      } else if (method.equals("GET") && (path.equals(MESSAGES_PATH) || path.equals(CALLS_PATH))) {
        byte[] page = list(path.equals(MESSAGES_PATH) ? Channel.SMS : Channel.VOICEMAIL, url.getRawQuery());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, page.length);
        exchange.getResponseBody().write(page);
      } else {
        byte[] text = ("not stood in for: " + method + " " + path).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(404, text.length);
        exchange.getResponseBody().write(text);
      }
    }
  }

  private synchronized Accepted accept(Channel channel, String to, String from, String body, String touchId) {
    sequence++;
    String id = switch (channel) {
      case SMS -> "SM%032d".formatted(sequence);
      case VOICEMAIL -> "CA%032d".formatted(sequence);
      default -> "sg-%08d".formatted(sequence);
    };
    Accepted a = new Accepted(sequence, channel, id, to, from, body, touchId, Instant.now());
    accepted.add(a);
    return a;
  }

  private void answerSlowly(HttpExchange exchange, Accepted a, int status, String contentType, byte[] body,
      String messageId) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(minDelayMillis, maxDelayMillis + 1));
      if (contentType != null) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
      }
      if (messageId != null) {
        exchange.getResponseHeaders().set("X-Message-Id", messageId);
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        OutputStream out = exchange.getResponseBody();
        out.write(body);
        out.flush();
      }
      a.answeredAt = Instant.now();
    } catch (IOException e) {
      a.answerFailed = true;
    } catch (InterruptedException e) {
      a.answerFailed = true;
      Thread.currentThread().interrupt();
    }
  }

  /** Twilio's list page: the accepted records matching To, From and the date filter, newest first. */
  private synchronized byte[] list(Channel channel, String rawQuery) throws IOException {
    lookups.add(rawQuery);
    Map<String, String> query = params(rawQuery);
    String dateAfterName = channel == Channel.SMS ? "DateSent>" : "StartTime>";
    Instant after = query.containsKey(dateAfterName)
        ? LocalDateTime.parse(query.get(dateAfterName)).toInstant(ZoneOffset.UTC) : null;
    ArrayNode records = JSON.createArrayNode();
    for (int i = accepted.size() - 1; i >= 0; i--) {
      Accepted a = accepted.get(i);
      if (a.channel == channel && a.to.equals(query.get("To"))
          && (!query.containsKey("From") || query.get("From").equals(a.from))
          // A queued record has no date sent (no start time) yet, so a date filter leaves it out.
          && (after == null || (!a.queued && !a.arrivedAt.isBefore(after.minusSeconds(1))))) {
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
    return JSON.writeValueAsBytes(page);
  }

  private static ObjectNode resource(Accepted a) {
    ObjectNode node = JSON.createObjectNode();
    String date = RFC_2822.format(a.arrivedAt.atZone(ZoneOffset.UTC));
    node.put("sid", a.id);
    node.put("account_sid", ACCOUNT_SID);
    node.put("to", a.to);
    node.put("from", a.from);
    node.put("date_created", date);
    node.put("date_updated", date);
    node.put("direction", "outbound-api");
    if (a.channel == Channel.SMS) {
      node.put("body", a.body);
      node.put("status", a.queued ? "queued" : "sent");
      if (a.queued) {
        node.putNull("date_sent");
      } else {
        node.put("date_sent", date);
      }
    } else {
      node.put("status", a.queued ? "queued" : "in-progress");
      if (a.queued) {
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
