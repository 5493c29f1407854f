package com.leadcadence.activities.providers.sendgrid;

import com.sendgrid.Client;
import com.sendgrid.SendGrid;
import com.leadcadence.workflows.activities.ProviderTimeouts;
import java.net.URI;
import java.time.Duration;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClients;

/**
 * Builds the SendGrid client with timeouts (the SDK's default client waits forever; ours are those of
 * {@link ProviderTimeouts}, so that a send attempt ends before its activity times out) and, when
 * SENDGRID_API_BASE_URL is set, another host: an http:// base URL switches the SDK to plain HTTP (its
 * "test" flag), for a local stub. The SDK takes a host only, so a path in the base URL is refused.
 */
public final class SendGridClients {
  private SendGridClients() {}

  public static SendGrid create(SendGridSettings settings, Duration timeout) {
    if (!settings.hasCredentials()) {
      throw new IllegalArgumentException("SendGrid needs SENDGRID_API_KEY");
    }
    URI base = settings.apiBaseUrl() == null ? null : URI.create(settings.apiBaseUrl());
    if (base != null && (base.getAuthority() == null
        || !(base.getPath() == null || base.getPath().isEmpty() || base.getPath().equals("/")))) {
      throw new IllegalArgumentException(
          "SENDGRID_API_BASE_URL must be scheme://host[:port] without a path, got " + settings.apiBaseUrl());
    }
    int answer = Math.toIntExact(ProviderTimeouts.answer(timeout).toMillis());
    RequestConfig timeouts = RequestConfig.custom()
        .setConnectTimeout(Math.min(answer, Math.toIntExact(ProviderTimeouts.CONNECT.toMillis())))
        .setConnectionRequestTimeout(Math.min(answer, Math.toIntExact(ProviderTimeouts.POOL.toMillis())))
        .setSocketTimeout(answer)
        .build();
    boolean plainHttp = base != null && "http".equalsIgnoreCase(base.getScheme());
    SendGrid sendGrid = new SendGrid(settings.apiKey(),
        new Client(HttpClients.custom()
            .setDefaultRequestConfig(timeouts)
            // Apache's default of 2 connections per route queues concurrent sends behind each other.
            .setMaxConnPerRoute(20)
            .setMaxConnTotal(100)
            .build(), plainHttp));
    if (base != null) {
      sendGrid.setHost(base.getAuthority());
    }
    return sendGrid;
  }
}
