package com.leadcadence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the two providers, reached by the real SDKs in the product: SendGrid's
 * {@code POST /v3/mail/send} (202 and an X-Message-Id) and Twilio's Messages and Calls create (201 with a
 * resource the SDK parses) and list reads (an empty page). It keeps, per lead ({@code custom_args.lead_id}),
 * the arrival time ({@link System#nanoTime()}) of the first email: the acknowledgment.
 */
final class ProviderStandIn implements AutoCloseable {
  static final String ACCOUNT_SID = "AC00000000000000000000000000bench";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<Long, Long> firstEmailNanos = new ConcurrentHashMap<>();
  private final AtomicLong emails = new AtomicLong();
  private final AtomicLong texts = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong other = new AtomicLong();
  private final AtomicLong sequence = new AtomicLong();

  ProviderStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    threads = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "provider-stand-in");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Lead id to the arrival of its first email. */
  Map<Long, Long> firstEmailNanos() {
    return firstEmailNanos;
  }

  long emails() {
    return emails.get();
  }

  long texts() {
    return texts.get();
  }

  long calls() {
    return calls.get();
  }

  long other() {
    return other.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      if (method.equals("POST") && path.equals("/v3/mail/send")) {
        emails.incrementAndGet();
        JsonNode leadId = JSON.readTree(body).path("custom_args").path("lead_id");
        if (leadId.isTextual() || leadId.isNumber()) {
          firstEmailNanos.putIfAbsent(Long.parseLong(leadId.asText()), arrived);
        }
        exchange.getResponseHeaders().add("X-Message-Id", "bench-" + sequence.incrementAndGet());
        exchange.sendResponseHeaders(202, -1);
      } else if (method.equals("POST") && (path.endsWith("/Messages.json") || path.endsWith("/Calls.json"))) {
        boolean sms = path.endsWith("/Messages.json");
        (sms ? texts : calls).incrementAndGet();
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        send(exchange, 201, resource(sms, form.get("To"), form.get("From"), form.get("Body")));
      } else if (method.equals("GET") && (path.endsWith("/Messages.json") || path.endsWith("/Calls.json"))) {
        boolean sms = path.endsWith("/Messages.json");
        ObjectNode page = JSON.createObjectNode();
        page.putArray(sms ? "messages" : "calls");
        page.put("uri", path);
        page.put("first_page_uri", path);
        page.putNull("next_page_uri");
        page.putNull("previous_page_uri");
        page.put("page", 0);
        page.put("page_size", 50);
        page.put("start", 0);
        page.put("end", 0);
        send(exchange, 200, page);
      } else {
        other.incrementAndGet();
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  private ObjectNode resource(boolean sms, String to, String from, String body) {
    ObjectNode node = JSON.createObjectNode();
    String date = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
    node.put("sid", (sms ? "SM" : "CA") + "%032d".formatted(sequence.incrementAndGet()));
    node.put("account_sid", ACCOUNT_SID);
    node.put("to", to);
    node.put("from", from);
    node.put("date_created", date);
    node.put("date_updated", date);
    node.put("direction", "outbound-api");
    node.put("status", "queued");
    if (sms) {
      node.put("body", body);
      node.putNull("date_sent");
    } else {
      node.putNull("start_time");
    }
    return node;
  }

  private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(json);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
