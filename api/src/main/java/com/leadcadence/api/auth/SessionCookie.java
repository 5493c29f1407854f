package com.leadcadence.api.auth;

import jakarta.ws.rs.core.NewCookie;

/**
 * The agent page's session: the agent's token in an HttpOnly (no script reads it), SameSite=Strict (no
 * other site's page sends it) cookie for the whole API, Secure when the page came over https.
 */
public final class SessionCookie {
  public static final String NAME = "lc_session";
  /** A working day and a half: an agent signs in once per shift. */
  private static final int MAX_AGE_SECONDS = 36 * 3600;

  private SessionCookie() {}

  public static NewCookie of(String token, boolean secure) {
    return cookie(token, MAX_AGE_SECONDS, secure);
  }

  public static NewCookie cleared(boolean secure) {
    return cookie("", 0, secure);
  }

  private static NewCookie cookie(String value, int maxAge, boolean secure) {
    return new NewCookie.Builder(NAME)
        .value(value)
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }
}
