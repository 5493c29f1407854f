package com.leadcadence.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Tells whether something listens on a database port, to choose between it and the embedded fallback. */
public final class DatabaseProbe {

  private DatabaseProbe() {}

  public static boolean answers(String host, int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
