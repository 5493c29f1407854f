package com.leadcadence.api.errors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads to its end a small request body that an error answer left unread. A 401 from authentication (or
 * any refusal before the resource reads its entity) leaves the body on the connection; Jetty then
 * closes the connection after the answer without a {@code Connection: close} header, and a client that
 * reuses it for its next POST gets no answer at all (the JDK client: "header parser received no
 * bytes"). Bodies over {@link #DRAIN_LIMIT}, or of unknown length, are left alone: that connection
 * closes, as it should for a body nobody will read.
 */
public final class UnreadBodyDrainFilter implements ContainerResponseFilter {
  static final int DRAIN_LIMIT = 64 * 1024;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int length = request.getLength();
    if (response.getStatus() < 400 || length <= 0 || length > DRAIN_LIMIT) {
      return;
    }
    try {
      InputStream body = request.getEntityStream();
      if (body != null) {
        body.transferTo(OutputStream.nullOutputStream());
      }
    } catch (IOException | RuntimeException e) {
      // The client went away or the body was already consumed: nothing to keep usable.
    }
  }
}
