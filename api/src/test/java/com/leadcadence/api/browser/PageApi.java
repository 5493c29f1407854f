package com.leadcadence.api.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP with the dealership's API key: what a browser test sets up and checks beside the page. */
final class PageApi {
  private static final ObjectMapper JSON = Jackson.newObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String apiKey;

  PageApi(String base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  record Reply(int status, JsonNode body) {}

  Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Reply post(String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The agent's id by name, from GET /v1/agents. */
  long agentIdByName(String name) {
    Reply agents = get("/v1/agents");
    if (agents.status() != 200) {
      throw new AssertionError("GET /v1/agents: " + agents);
    }
    for (JsonNode agent : agents.body().path("items")) {
      if (name.equals(agent.path("name").asText())) {
        return agent.path("id").asLong();
      }
    }
    throw new AssertionError("no agent named " + name + " in " + agents);
  }

  /** A new token for the agent (POST /v1/agents/{id}/token). */
  String issueToken(long agentId) {
    Reply issued = post("/v1/agents/" + agentId + "/token", java.util.Map.of());
    if (issued.status() != 201 || issued.body().path("token").asText().isBlank()) {
      throw new AssertionError("agent token: " + issued);
    }
    return issued.body().path("token").asText();
  }

  private Reply send(HttpRequest.Builder request) {
    request.header("Authorization", "Bearer " + apiKey).header("Accept", "application/json");
    try {
      HttpResponse<String> response =
          http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode json;
      try {
        json = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
      } catch (IOException notJson) {
        json = JSON.getNodeFactory().textNode(text);
      }
      return new Reply(response.statusCode(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
