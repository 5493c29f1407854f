package com.leadcadence.api.adf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The ADF test documents under test resources {@code adf/}: samples/, refused/, attacks/. */
public final class AdfSampleFiles {
  private AdfSampleFiles() {}

  public static byte[] bytes(String path) {
    try (InputStream in = AdfSampleFiles.class.getResourceAsStream("/adf/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource adf/" + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A UTF-8 document as text. */
  public static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }
}
