package com.leadcadence.api.admin;

import com.leadcadence.api.errors.ErrorResponses;
import com.leadcadence.store.ApiKeys;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The admin API's only credential: {@code Authorization: Bearer <ADMIN_API_KEY>}. A dealership's key or an
 * agent's token is not it (401), and the operator's key is no dealership key (the dealership routes look
 * keys up in {@code api_keys}, where it never is). Compared as SHA-256 digests in constant time.
 */
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public final class OperatorKeyFilter implements ContainerRequestFilter {
  private static final String BEARER = "bearer ";

  /** Empty: no key configured, the admin API refuses everything. */
  private final Optional<byte[]> keyDigest;

  public OperatorKeyFilter(Optional<String> operatorKey) {
    this.keyDigest = operatorKey.map(OperatorKeyFilter::digest);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (keyDigest.isEmpty()) {
      request.abortWith(unauthorized("the admin API is off: no admin.apiKey (ADMIN_API_KEY) is configured"));
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    if (!bearer || !MessageDigest.isEqual(keyDigest.get(), digest(header.substring(BEARER.length()).strip()))) {
      request.abortWith(unauthorized("the admin API needs 'Authorization: Bearer <ADMIN_API_KEY>'"));
    }
  }

  private static Response unauthorized(String message) {
    return Response.fromResponse(ErrorResponses.of(401, "Authorization", message))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lead-cadence-admin\"")
        .build();
  }

  private static byte[] digest(String key) {
    return ApiKeys.hash(key).getBytes(StandardCharsets.US_ASCII);
  }
}
