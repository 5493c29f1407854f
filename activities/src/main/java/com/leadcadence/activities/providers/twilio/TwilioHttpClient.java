package com.leadcadence.activities.providers.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import com.leadcadence.workflows.activities.ProviderTimeouts;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Twilio's HTTP client with three changes. It makes one attempt per call: the SDK would re-POST after any
 * 5xx within 100 ms (and Apache after a 429 or 503), which can create a message or a call twice; retries
 * belong to the activity's retry policy. A refusal keeps its HTTP status even without a JSON body. And,
 * given a base URL, it sends every request there instead of https://*.twilio.com (Twilio has
 * no such setting): the request is rebuilt against the new URL with everything the SDK put on it,
 * including the credentials, without which the Authorization header would silently disappear.
 */
final class TwilioHttpClient extends NetworkHttpClient {
  private final String baseUrl;

  /**
   * baseUrl null: Twilio itself. timeout: how long to wait for an answer once connected, capped by
   * {@link ProviderTimeouts#answer}; waiting for a pooled connection and connecting are capped by
   * {@link ProviderTimeouts#POOL} and {@link ProviderTimeouts#CONNECT}.
   */
  TwilioHttpClient(String baseUrl, Duration timeout) {
    super(clientBuilder(timeout));
    this.baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
  }

  /**
   * Like the SDK's default client, but Apache's own retry of 429 and 503 answers is off too, and the
   * timeouts are ours. The SDK puts its own request config (10 s for a pooled connection, 30.5 s to
   * connect) on every request it makes, so the first element of the exec chain replaces it.
   */
  private static HttpClientBuilder clientBuilder(Duration timeout) {
    Timeout answer = Timeout.ofMilliseconds(ProviderTimeouts.answer(timeout).toMillis());
    Timeout connect = Timeout.ofMilliseconds(Math.min(ProviderTimeouts.CONNECT.toMillis(), answer.toMilliseconds()));
    Timeout pool = Timeout.ofMilliseconds(Math.min(ProviderTimeouts.POOL.toMillis(), answer.toMilliseconds()));
    PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
    connections.setDefaultSocketConfig(SocketConfig.copy(DEFAULT_SOCKET_CONFIG).setSoTimeout(answer).build());
    connections.setDefaultConnectionConfig(ConnectionConfig.custom()
        .setConnectTimeout(connect)
        .setSocketTimeout(answer)
        .build());
    connections.setDefaultMaxPerRoute(20);
    connections.setMaxTotal(100);
    RequestConfig requestConfig = requestConfig(pool, connect, answer);
    return HttpClientBuilder.create()
        .useSystemProperties()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(requestConfig)
        .addExecInterceptorFirst("provider-timeouts", (request, scope, chain) -> {
          scope.clientContext.setRequestConfig(requestConfig);
          return chain.proceed(request, scope);
        })
        .disableAutomaticRetries();
  }

  @SuppressWarnings("deprecation") // the connect timeout on the request config is what the SDK overrides
  private static RequestConfig requestConfig(Timeout pool, Timeout connect, Timeout answer) {
    return RequestConfig.copy(DEFAULT_REQUEST_CONFIG)
        .setConnectionRequestTimeout(pool)
        .setConnectTimeout(connect)
        .setResponseTimeout(answer)
        .build();
  }

  @Override
  public Response reliableRequest(Request request) {
    return reliableRequest(request, RETRY_CODES, 1, 0L);
  }

  @Override
  public Response makeRequest(Request request) {
    return withErrorDocument(super.makeRequest(baseUrl == null ? request : rebased(request)));
  }

  /**
   * A refusal whose body is not Twilio's JSON (an HTML 502 from a load balancer, an empty 503) would make
   * the SDK fail while parsing it, indistinguishable from an accepted message with a garbled answer.
   * Giving it an error document keeps the HTTP status on the exception.
   */
  private static Response withErrorDocument(Response response) {
    int status = response.getStatusCode();
    if (status < 400) {
      return response;
    }
    String content = response.getContent();
    if (content != null && content.strip().startsWith("{")) {
      return new Response(content, status, response.getHeaders());
    }
    String document = "{\"status\": " + status + ", \"message\": \"HTTP " + status
        + " without a Twilio error document\"}";
    return new Response(document, status, response.getHeaders());
  }

  private Request rebased(Request original) {
    URI twilioUrl = URI.create(original.getUrl());
    Request copy = new Request(original.getMethod(), baseUrl + twilioUrl.getRawPath());
    copyAll(original.getQueryParams(), copy::addQueryParam);
    copyAll(original.getPostParams(), copy::addPostParam);
    copyAll(original.getHeaderParams(), copy::addHeaderParam);
    copy.setContentType(original.getContentType());
    if (original.getBody() != null) {
      copy.setBody(original.getBody());
    }
    copy.setFormParameters(original.getFormParameters());
    copy.setUserAgentExtensions(original.getUserAgentExtensions());
    if (original.getUsername() != null) {
      copy.setAuth(original.getUsername(), original.getPassword());
    } else if (original.getAuthStrategy() != null) {
      copy.setAuth(original.getAuthStrategy());
    }
    return copy;
  }

  private static void copyAll(Map<String, List<String>> params, BiConsumer<String, String> add) {
    params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
  }
}
