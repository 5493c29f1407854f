package com.leadcadence.api.openapi;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.leadcadence.api.startup.StartupFailure;
import java.io.IOException;
import java.io.InputStream;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /openapi.json, without a credential: the API's contract, written by hand in {@link #RESOURCE}
 * (YAML, easier to read and review than JSON) and served as JSON. Read once at start; a document that
 * does not parse, or names a key twice (two branches documenting one path: YAML would keep the last one
 * silently), stops the start.
 */
@Path("/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {
  public static final String RESOURCE = "/openapi.yaml";

  private final JsonNode document;

  public OpenApiResource(JsonNode document) {
    this.document = document;
  }

  /** The document from the classpath. */
  public static OpenApiResource fromClasspath() {
    try (InputStream yaml = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
      if (yaml == null) {
        throw new StartupFailure("the OpenAPI document " + RESOURCE + " is missing from the jar");
      }
      return new OpenApiResource(read(yaml));
    } catch (IOException e) {
      throw new StartupFailure("the OpenAPI document " + RESOURCE + " cannot be read: " + e.getMessage(), e);
    }
  }

  static JsonNode read(InputStream yaml) throws IOException {
    YAMLFactory strict = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    return new ObjectMapper(strict).readTree(yaml);
  }

  @GET
  public JsonNode document() {
    return document;
  }
}
