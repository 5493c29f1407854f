package com.leadcadence.api.inbound;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadcadence.api.errors.ErrorResponses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * {@code POST /webhooks/sendgrid/inbound}: SendGrid Inbound Parse's multipart form (fields {@code to},
 * {@code cc}, {@code from}, {@code subject}, {@code text}, {@code html}, {@code envelope},
 * {@code charsets}, {@code attachments}, {@code attachment-info}, {@code attachment1}...). HTTP basic
 * credentials are checked before the body is read (401 otherwise). A mail that was stored, accepted or
 * rejected, is answered 200: SendGrid retries any other answer for days, and a mail without ADF will
 * never have one. Only a failure to store it (database down) is a 5xx, which SendGrid's retry repairs.
 */
@Path(SendGridInboundResource.PATH)
@Consumes(MediaType.MULTIPART_FORM_DATA)
@Produces(MediaType.APPLICATION_JSON)
public class SendGridInboundResource {
  public static final String PATH = "/webhooks/sendgrid/inbound";
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;:\"'()\\[\\]]+@[^\\s<>,;:\"'()\\[\\]]+");
  private static final Pattern ATTACHMENT_FIELD = Pattern.compile("attachment\\d+");

  private final InboundCredentials credentials;
  private final InboundMailIntake intake;
  private final ObjectMapper json;

  public SendGridInboundResource(String user, String password, InboundMailIntake intake, ObjectMapper json) {
    this.credentials = new InboundCredentials(user, password);
    this.intake = intake;
    this.json = json;
  }

  @POST
  @Timed
  public Response receive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Context ContainerRequest request) {
    if (!credentials.accepts(authorization)) {
      return Response.fromResponse(ErrorResponses.of(401, HttpHeaders.AUTHORIZATION,
              "HTTP basic credentials of the Inbound Parse URL are required"))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sendgrid-inbound\"")
          .build();
    }
    FormDataMultiPart form = request.readEntity(FormDataMultiPart.class);
    try (form) {
      return Response.ok(intake.handle(mail(form))).build();
    } catch (IOException e) {
      return ErrorResponses.of(400, null, "the multipart form cannot be read: " + e.getMessage());
    }
  }

  private InboundMail mail(FormDataMultiPart form) throws IOException {
    Map<String, Charset> charsets = charsets(field(form, "charsets", Map.of()));
    String envelope = field(form, "envelope", charsets);
    Set<String> recipients = new LinkedHashSet<>();
    if (envelope != null) {
      JsonNode to = json.readTree(envelope).path("to");
      (to.isArray() ? to : json.createArrayNode().add(to)).forEach(node -> addresses(node.asText(), recipients));
    }
    addresses(field(form, "to", charsets), recipients);
    addresses(field(form, "cc", charsets), recipients);
    List<InboundMail.Attachment> attachments = new ArrayList<>();
    for (Map.Entry<String, List<FormDataBodyPart>> entry : form.getFields().entrySet()) {
      if (ATTACHMENT_FIELD.matcher(entry.getKey()).matches()) {
        for (FormDataBodyPart part : entry.getValue()) {
          String name = part.getContentDisposition() == null ? null : part.getContentDisposition().getFileName();
          attachments.add(new InboundMail.Attachment(name == null ? entry.getKey() : name,
              part.getMediaType() == null ? null : part.getMediaType().toString(), part.getEntityAs(byte[].class)));
        }
      }
    }
    return new InboundMail(List.copyOf(recipients), field(form, "from", charsets), field(form, "subject", charsets),
        field(form, "text", charsets), field(form, "html", charsets), attachments);
  }

  /** A text field in the charset SendGrid says it is in ({@code charsets}), else UTF-8. */
  private static String field(FormDataMultiPart form, String name, Map<String, Charset> charsets) {
    FormDataBodyPart part = form.getField(name);
    if (part == null) {
      return null;
    }
    return new String(part.getEntityAs(byte[].class), charsets.getOrDefault(name, StandardCharsets.UTF_8));
  }

  private Map<String, Charset> charsets(String declared) throws IOException {
    if (declared == null || declared.isBlank()) {
      return Map.of();
    }
    Map<String, Charset> charsets = new java.util.HashMap<>();
    json.readTree(declared).properties().forEach(e -> {
      try {
        charsets.put(e.getKey(), Charset.forName(e.getValue().asText()));
      } catch (IllegalArgumentException unknown) {
        // left to UTF-8
      }
    });
    return charsets;
  }

  private static void addresses(String header, Set<String> into) {
    if (header == null) {
      return;
    }
    Matcher m = ADDRESS.matcher(header);
    while (m.find()) {
      into.add(m.group().toLowerCase(Locale.ROOT));
    }
  }
}
