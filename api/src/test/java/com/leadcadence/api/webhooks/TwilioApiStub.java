package com.leadcadence.api.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for api.twilio.com at the system edge (TWILIO_API_BASE_URL points here): records each request
 * Twilio's SDK makes to steer a call and answers as Twilio does for an in-progress call.
 */
public final class TwilioApiStub implements AutoCloseable {
  public record Recorded(String method, String path, String body) {
    public String decodedBody() {
      return URLDecoder.decode(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  public TwilioApiStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      requests.add(new Recorded(exchange.getRequestMethod(), path, body));
      String sid = path.replaceAll(".*/(CA[^/.]+)\\.json$", "$1");
      byte[] answer = ("{\"sid\": \"" + sid + "\", \"status\": \"in-progress\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public List<Recorded> callUpdates(String callSid) {
    return requests().stream().filter(r -> r.path().endsWith("/Calls/" + callSid + ".json")).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
