package com.leadcadence.api.metrics;

import com.leadcadence.api.representations.ErrorResponse;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Counts the requests the API turns away where it matters to operators, from the answer itself (so every
 * refusal counts, whichever filter, validator or mapper made it):
 * <ul>
 *   <li>{@code leadcadence_leads_rejected_total{route,reason,field}}: POST /v1/leads and /v1/leads/adf
 *       answered 4xx; reason from the status (invalid, malformed, unauthorized, forbidden, too_large,
 *       unsupported_media_type, other), field the first field the error names (none without one);</li>
 *   <li>{@code leadcadence_webhooks_rejected_total{provider,route,reason}}: the providers' webhooks
 *       answered 4xx; a 403 is a signature that could not be verified (bad, missing, or no secret).</li>
 * </ul>
 * Tags come from fixed lists and field names of our own schema, never from a value a caller sent.
 */
public final class RejectedRequests implements ContainerResponseFilter {
  public static final String LEADS_REJECTED = "leadcadence.leads.rejected";
  public static final String WEBHOOKS_REJECTED = "leadcadence.webhooks.rejected";
  private static final Set<String> WEBHOOK_PROVIDERS = Set.of("twilio", "sendgrid");
  private static final Set<String> WEBHOOK_ROUTES = Set.of("sms", "status", "voice", "events", "inbound");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,59}");
  private static final Pattern INDEX = Pattern.compile("\\[[^]]*]");

  private final MeterRegistry registry;

  public RejectedRequests(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status < 400 || status >= 500 || !"POST".equals(request.getMethod())) {
      return;
    }
    String path = request.getUriInfo().getPath();
    path = path.startsWith("/") ? path.substring(1) : path;
    if (path.equals("v1/leads") || path.equals("v1/leads/adf")) {
      registry.counter(LEADS_REJECTED, "route", path.endsWith("adf") ? "adf" : "json", "reason", reason(status),
          "field", field(response.getEntity())).increment();
    } else if (path.startsWith("webhooks/")) {
      String[] parts = path.split("/");
      String provider = parts.length > 1 && WEBHOOK_PROVIDERS.contains(parts[1]) ? parts[1] : "other";
      String route = parts.length > 2 && WEBHOOK_ROUTES.contains(parts[2]) ? parts[2] : "other";
      registry.counter(WEBHOOKS_REJECTED, "provider", provider, "route", route,
          "reason", status == 403 ? "signature" : reason(status)).increment();
    }
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "malformed";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 413 -> "too_large";
      case 415 -> "unsupported_media_type";
      case 422 -> "invalid";
      default -> "other";
    };
  }

  /** The first field the error body names, without list indexes or map keys, or none. */
  static String field(Object entity) {
    if (!(entity instanceof ErrorResponse body) || body.errors() == null || body.errors().isEmpty()
        || body.errors().get(0).field() == null) {
      return "none";
    }
    String field = INDEX.matcher(body.errors().get(0).field()).replaceAll("");
    return FIELD.matcher(field).matches() ? field : "other";
  }
}
