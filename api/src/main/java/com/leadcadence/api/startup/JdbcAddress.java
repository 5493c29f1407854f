package com.leadcadence.api.startup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The host, port and database of a jdbc:mysql:// (or jdbc:mariadb://) URL, and the same URL on another port. */
public record JdbcAddress(String prefix, String host, int port, String database, String params) {
  private static final Pattern URL =
      Pattern.compile("^(jdbc:[a-z]+://)([^:/?]+)(?::(\\d+))?/([^?]*)(\\?.*)?$");
  private static final int DEFAULT_PORT = 3306;

  public static JdbcAddress parse(String url) {
    Matcher m = URL.matcher(url == null ? "" : url.trim());
    if (!m.matches()) {
      throw new StartupFailure(
          "database.url must look like jdbc:mysql://host:port/database but is '" + url + "'");
    }
    int port = m.group(3) == null ? DEFAULT_PORT : Integer.parseInt(m.group(3));
    return new JdbcAddress(m.group(1), m.group(2), port, m.group(4), m.group(5) == null ? "" : m.group(5));
  }

  public JdbcAddress onLocalPort(int otherPort) {
    return new JdbcAddress(prefix, "127.0.0.1", otherPort, database, params);
  }

  public String url() {
    return prefix + host + ":" + port + "/" + database + params;
  }

  public String server() {
    return host + ":" + port;
  }
}
