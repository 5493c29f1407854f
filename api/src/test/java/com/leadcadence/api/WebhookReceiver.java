package com.leadcadence.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CRM's webhook endpoint on this machine (the JDK's HTTP server): it keeps every request as received
 * (raw body, headers) and answers per path: 503 for the first N requests of a path told to fail first,
 * 500 always under /down, 204 otherwise.
 */
final class WebhookReceiver implements AutoCloseable {
  record Request(String path, String rawBody, String signature, String eventIdHeader, int answered) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      AtomicInteger left = failuresLeft.get(path);
      int status = path.startsWith("/down") ? 500 : left != null && left.getAndDecrement() > 0 ? 503 : 204;
      requests.add(new Request(path, body, exchange.getRequestHeaders().getFirst("LeadCadence-Signature"),
          exchange.getRequestHeaders().getFirst("LeadCadence-Event-Id"), status));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  /** The URL of a path that answers 503 to its first n requests, then 204. */
  String failingFirst(String path, int n) {
    failuresLeft.put(path, new AtomicInteger(n));
    return url(path);
  }

  /** From now on the path answers 204 (the CRM is back). */
  void recover(String path) {
    failuresLeft.put(path, new AtomicInteger(0));
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Request> requestsTo(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
