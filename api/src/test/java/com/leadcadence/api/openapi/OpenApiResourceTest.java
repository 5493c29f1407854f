package com.leadcadence.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenApiResourceTest {

  private static InputStream yaml(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPathDocumentedTwiceIsRefusedInsteadOfKeepingTheLastOne() {
    IOException refused = assertThrows(IOException.class, () -> OpenApiResource.read(yaml("""
        paths:
          /v1/webhooks:
            get: {summary: first}
          /v1/webhooks:
            get: {summary: second}
        """)));
    assertTrue(refused.getMessage().contains("/v1/webhooks"), refused.getMessage());
  }

  @Test
  void theJarsDocumentHasNoKeyTwice() throws IOException {
    try (InputStream document = OpenApiResource.class.getResourceAsStream(OpenApiResource.RESOURCE)) {
      assertEquals("3.0", OpenApiResource.read(document).path("openapi").asText().substring(0, 3));
    }
  }
}
