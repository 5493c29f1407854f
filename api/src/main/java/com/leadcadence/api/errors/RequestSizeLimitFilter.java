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
 * at most limit + 1 bytes of a chunked body. Bodies here are small JSON documents, so buffering is fine.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimitFilter implements ContainerRequestFilter {
  private final int maxBytes;

  public RequestSizeLimitFilter(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    int declared = request.getLength();
    if (declared > maxBytes) {
      abort(request);
      return;
    }
    if (declared >= 0 || !request.hasEntity()) {
      return; // the declared length is within bounds; Jetty will not read past it
    }
    InputStream body = request.getEntityStream();
    byte[] bytes = body.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      abort(request);
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(bytes));
  }

  private void abort(ContainerRequestContext request) {
    request.abortWith(
        ErrorResponses.of(413, null, "request body larger than " + maxBytes + " bytes"));
  }
}
