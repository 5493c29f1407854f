package com.leadcadence.api.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps request bodies (413) before anything parses them: by Content-Length when sent, else by reading
 * at most limit + 1 bytes of a chunked body. Bodies here are small JSON documents, so buffering is fine;
 * one path may be given a larger limit (SendGrid posts its events in batches of up to a few hundred KB).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimitFilter implements ContainerRequestFilter {
  private final int defaultMaxBytes;
  private final String largerPath;
  private final int largerMaxBytes;

  public RequestSizeLimitFilter(int maxBytes) {
    this(maxBytes, null, maxBytes);
  }

  /** largerMaxBytes applies to requests whose path (without leading slash) starts with largerPath. */
  public RequestSizeLimitFilter(int maxBytes, String largerPath, int largerMaxBytes) {
    this.defaultMaxBytes = maxBytes;
    this.largerPath = largerPath == null ? null : largerPath.replaceFirst("^/", "");
    this.largerMaxBytes = largerMaxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String path = request.getUriInfo().getPath();
    int maxBytes = largerPath != null && path != null && path.replaceFirst("^/", "").startsWith(largerPath)
        ? largerMaxBytes : defaultMaxBytes;
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
