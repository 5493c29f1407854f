package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.auth.Auth;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI check: GET /openapi.json (no credential) parses as OpenAPI 3 with swagger-parser and
 * matches the running app's routes exactly, as Jersey's resource model has them: every route documented,
 * no documented route that does not exist, an example on every operation and request body, and the
 * dealership credential (bearerKey or sessionCookie) declared exactly on the routes that take one (an
 * {@code @Auth} parameter). A failure names each path and method.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiDocumentTest {
  private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");
  private static final String WHERE = "api/src/main/resources/openapi.yaml";

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void theServedDocumentIsValidOpenApi3() {
    Reply served = new ApiClient(APP.getLocalPort(), null).get("/openapi.json");
    assertEquals(200, served.status(), "served without a credential");
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body().toString(), null, options);
    assertNotNull(parsed.getOpenAPI(), "parses: " + parsed.getMessages());
    assertEquals(List.of(), parsed.getMessages(), "swagger-parser's complaints about " + WHERE);
    assertTrue(parsed.getOpenAPI().getOpenapi().startsWith("3."), parsed.getOpenAPI().getOpenapi());
    assertEquals(Set.of("bearerKey", "sessionCookie", "twilioSignature", "sendgridSignature", "adminKey",
        "inboundEmailBasic"), parsed.getOpenAPI().getComponents().getSecuritySchemes().keySet());
  }

  @Test
  void everyRouteAndOnlyTheRoutesOfTheAppAreDocumented() {
    Map<String, String> routes = appRoutes();
    Map<String, JsonNode> documented = documentedOperations();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> route : routes.entrySet()) {
      if (!documented.containsKey(route.getKey())) {
        problems.add("undocumented route " + route.getKey() + " (" + route.getValue() + "): add it under paths in "
            + WHERE + ", with an example");
      }
    }
    for (String operation : documented.keySet()) {
      if (!routes.containsKey(operation)) {
        problems.add("documented route " + operation + " does not exist in the app: remove it from " + WHERE);
      }
    }
    assertEquals(List.of(), problems, "OpenAPI drift");
    assertTrue(routes.size() >= 20, "the app's routes were found: " + routes.keySet());
  }

  @Test
  void everyOperationHasAnExampleAndDeclaresItsCredential() {
    Map<String, Boolean> needsCredential = routesNeedingCredential();
    JsonNode document = document();
    List<String> problems = new ArrayList<>();
    documentedOperations().forEach((operation, node) -> {
      JsonNode body = node.path("requestBody").path("content");
      if (!body.isMissingNode() && !everyMediaTypeHasExample(body)) {
        problems.add(operation + ": its request body needs an example");
      }
      if (!hasExample(node, document)) {
        problems.add(operation + ": needs an example (a response's, a header's or a parameter's)");
      }
      JsonNode security = node.has("security") ? node.get("security") : document.path("security");
      boolean declared = false;
      for (JsonNode requirement : security) {
        declared |= requirement.has("bearerKey") || requirement.has("sessionCookie");
      }
      Boolean needed = needsCredential.get(operation);
      if (needed != null && needed != declared) {
        problems.add(operation + (needed ? ": takes a dealership credential but does not declare bearerKey"
            : ": takes no dealership credential: declare security: [] (or the provider's signature scheme)"));
      }
    });
    assertEquals(List.of(), problems, "in " + WHERE);
  }

  /** "METHOD /path" of every operation of the document. */
  private static Map<String, JsonNode> documentedOperations() {
    Map<String, JsonNode> operations = new TreeMap<>();
    document().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (HTTP_METHODS.contains(op.getKey())) {
        operations.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
      }
    }));
    return operations;
  }

  private static JsonNode document() {
    return new ApiClient(APP.getLocalPort(), null).get("/openapi.json").body();
  }

  /** "METHOD /path" of every route Jersey serves, with the Java method behind it. */
  private static Map<String, String> appRoutes() {
    Map<String, String> routes = new TreeMap<>();
    walk(methods -> methods.forEach((route, method) -> routes.put(route,
        method.getInvocable().getHandlingMethod().getDeclaringClass().getSimpleName() + "#"
            + method.getInvocable().getHandlingMethod().getName())));
    return routes;
  }

  /** Whether each route has an {@code @Auth} parameter, i.e. takes a credential. */
  private static Map<String, Boolean> routesNeedingCredential() {
    Map<String, Boolean> needs = new TreeMap<>();
    walk(methods -> methods.forEach((route, method) -> needs.put(route,
        method.getInvocable().getParameters().stream().map(Parameter::getAnnotations)
            .anyMatch(annotations -> java.util.Arrays.stream(annotations).anyMatch(a -> a instanceof Auth)))));
    return needs;
  }

  /** The runtime resource model of the running application (what Jersey really routes). */
  private static void walk(java.util.function.Consumer<Map<String, ResourceMethod>> visitor) {
    ServletContainer jersey = (ServletContainer) APP.getEnvironment().getJerseyServletContainer();
    List<Resource> roots = jersey.getApplicationHandler().getInjectionManager()
        .getInstance(ExtendedResourceContext.class).getResourceModel().getRootResources();
    Map<String, ResourceMethod> methods = new TreeMap<>();
    for (Resource root : roots) {
      collect(root, "", methods);
    }
    visitor.accept(methods);
  }

  private static void collect(Resource resource, String parentPath, Map<String, ResourceMethod> into) {
    if (resource.isExtended()) {
      return; // Jersey's own additions (e.g. application.wadl)
    }
    String path = normalise(parentPath + "/" + (resource.getPath() == null ? "" : resource.getPath()));
    if (resource.getResourceLocator() != null) {
      throw new AssertionError("sub-resource locator at " + path + ": list its routes in this test");
    }
    for (ResourceMethod method : resource.getResourceMethods()) {
      if (!method.isExtended()) { // Jersey's automatic OPTIONS and HEAD
        into.put(method.getHttpMethod() + " " + path, method);
      }
    }
    for (Resource child : resource.getChildResources()) {
      collect(child, path, into);
    }
  }

  /** "/v1//leads/{id: [0-9]+}/" → "/v1/leads/{id}". */
  private static String normalise(String path) {
    String plain = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
    return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
  }

  private static boolean everyMediaTypeHasExample(JsonNode content) {
    Iterator<JsonNode> media = content.elements();
    boolean any = false;
    while (media.hasNext()) {
      JsonNode type = media.next();
      any = true;
      if (!type.has("example") && !type.has("examples")) {
        return false;
      }
    }
    return any;
  }

  /** An example anywhere in the operation: its request body, a response (or a header of one), a parameter. */
  private static boolean hasExample(JsonNode operation, JsonNode document) {
    JsonNode resolved = resolve(operation, document);
    return resolved.findValue("example") != null || resolved.findValue("examples") != null;
  }

  /** The node with every local $ref replaced by what it points at (schemas are left alone: not needed here). */
  private static JsonNode resolve(JsonNode node, JsonNode document) {
    if (node.isObject() && node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
      JsonNode target = document.at(node.get("$ref").asText().substring(1));
      return target.isMissingNode() ? node : resolve(target, document);
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode array = ApiClient.JSON.createArrayNode();
      node.forEach(element -> array.add(resolve(element, document)));
      return array;
    }
    if (node.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode copy = ApiClient.JSON.createObjectNode();
      node.fields().forEachRemaining(field -> copy.set(field.getKey(),
          field.getKey().equals("schema") ? field.getValue() : resolve(field.getValue(), document)));
      return copy;
    }
    return node;
  }
}
