package com.leadcadence.api.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Caps request bodies (413) before anything parses them: by Content-Length when sent, else by reading
 * at most limit + 1 bytes of a chunked body. Bodies here are small JSON documents, so buffering is fine;
 * some paths may be given larger limits (SendGrid posts its events in batches of up to a few hundred KB,
 * and inbound e-mails with their attachments).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimitFilter implements ContainerRequestFilter {
  private final int defaultMaxBytes;
  /** Path prefixes (without leading slash) with a limit of their own. */
  private final Map<String, Integer> largerLimits;

  public RequestSizeLimitFilter(int maxBytes) {
    this(maxBytes, Map.of());
  }

  /** largerMaxBytes applies to requests whose path (without leading slash) starts with largerPath. */
  public RequestSizeLimitFilter(int maxBytes, String largerPath, int largerMaxBytes) {
    this(maxBytes, Map.of(largerPath, largerMaxBytes));
  }

  /** Each path prefix of largerLimits gets its own limit; every other request maxBytes. */
  public RequestSizeLimitFilter(int maxBytes, Map<String, Integer> largerLimits) {
    this.defaultMaxBytes = maxBytes;
    this.largerLimits = new LinkedHashMap<>();
    largerLimits.forEach((path, limit) -> this.largerLimits.put(path.replaceFirst("^/", ""), limit));
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String path = request.getUriInfo().getPath() == null ? "" : request.getUriInfo().getPath().replaceFirst("^/", "");
    int maxBytes = largerLimits.entrySet().stream()
        .filter(limit -> path.startsWith(limit.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(defaultMaxBytes);
    int declared = request.getLength();
    if (declared > maxBytes) {
      abort(request, maxBytes);
      return;
    }
    if (declared >= 0 || !request.hasEntity()) {
      return; // the declared length is within bounds; Jetty will not read past it
    }
    InputStream body = request.getEntityStream();
    byte[] bytes = body.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      abort(request, maxBytes);
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(bytes));
  }

  private static void abort(ContainerRequestContext request, int maxBytes) {
    request.abortWith(
        ErrorResponses.of(413, null, "request body larger than " + maxBytes + " bytes"));
  }
}
