package com.leadcadence.activities.providers;

import com.leadcadence.activities.providers.sendgrid.SendGridSettings;
import com.leadcadence.activities.providers.twilio.TwilioSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Asks a provider, with one free read, whether its configured credentials work: SendGrid's
 * {@code GET /v3/scopes} (the key is accepted and may send mail: it holds {@code mail.send}) and Twilio's
 * {@code GET /2010-04-01/Accounts/{sid}.json} (the SID and token are accepted and the account is active).
 * Neither sends anything or costs money. The answer is kept for {@link #CACHE_FOR}, so a health page
 * polled every few seconds asks the provider once a minute at most.
 */
public final class CredentialsCheck {
  public static final Duration CACHE_FOR = Duration.ofMinutes(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Pattern ACTIVE = Pattern.compile("\"status\"\\s*:\\s*\"active\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** healthy, and a sentence for the health page (never a secret). */
  public record Result(boolean healthy, String message) {}

  private final String provider;
  private final Supplier<Result> probe;
  private final Clock clock;
  private Result last;
  private Instant checkedAt = Instant.MIN;

  private CredentialsCheck(String provider, Supplier<Result> probe, Clock clock) {
    this.provider = provider;
    this.probe = probe;
    this.clock = clock;
  }

  public static CredentialsCheck sendGrid(SendGridSettings settings, Clock clock) {
    String base = settings.apiBaseUrl() == null ? "https://api.sendgrid.com" : settings.apiBaseUrl();
    HttpRequest request = get(base + "/v3/scopes").header("Authorization", "Bearer " + settings.apiKey()).build();
    return new CredentialsCheck("sendgrid", () -> ask(request, (status, body) -> {
      if (status == 401 || status == 403) {
        return new Result(false, "SendGrid refused SENDGRID_API_KEY (HTTP " + status + ")");
      }
      if (status != 200) {
        return new Result(false, "SendGrid answered HTTP " + status + " to GET /v3/scopes");
      }
      return body.contains("\"mail.send\"")
          ? new Result(true, "SendGrid accepts the API key, which may send mail")
          : new Result(false, "SendGrid accepts the API key, but it lacks the mail.send scope");
    }), clock);
  }

  public static CredentialsCheck twilio(TwilioSettings settings, Clock clock) {
    String base = settings.apiBaseUrl() == null ? "https://api.twilio.com" : settings.apiBaseUrl();
    String basic = Base64.getEncoder().encodeToString(
        (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = get(base + "/2010-04-01/Accounts/" + settings.accountSid() + ".json")
        .header("Authorization", "Basic " + basic).build();
    return new CredentialsCheck("twilio", () -> ask(request, (status, body) -> {
      if (status == 401 || status == 403 || status == 404) {
        return new Result(false, "Twilio refused TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN (HTTP " + status + ")");
      }
      if (status != 200) {
        return new Result(false, "Twilio answered HTTP " + status + " to GET Accounts/{sid}");
      }
      return ACTIVE.matcher(body).find()
          ? new Result(true, "Twilio accepts the credentials; the account is active")
          : new Result(false, "Twilio accepts the credentials, but the account is not active");
    }), clock);
  }

  public String provider() {
    return provider;
  }

  /** The cached answer while it is fresh, else a new one from the provider. */
  public synchronized Result check() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(checkedAt.plus(CACHE_FOR))) {
      last = probe.get();
      checkedAt = now;
    }
    return last;
  }

  private interface Judge {
    Result of(int status, String body);
  }

  private static HttpRequest.Builder get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
  }

  private static Result ask(HttpRequest request, Judge judge) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return judge.of(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Result(false, request.uri().getHost() + " did not answer: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted");
    }
  }
}
