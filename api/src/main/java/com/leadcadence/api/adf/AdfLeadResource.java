package com.leadcadence.api.adf;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.leads.IntakeAnswers;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * {@code POST /v1/leads/adf}: one ADF 1.0 document, answered as {@code POST /v1/leads} answers (201, 200
 * for a repeat, errors naming the XML element). A charset on the Content-Type wins over the document's
 * own declaration, as RFC 7303 has it.
 */
@Path("/v1/leads/adf")
@Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
@Produces(MediaType.APPLICATION_JSON)
public class AdfLeadResource {
  private final AdfIntake intake;

  public AdfLeadResource(AdfIntake intake) {
    this.intake = intake;
  }

  @POST
  @Timed
  public Response create(@Auth DealershipPrincipal caller, @Context HttpHeaders headers, byte[] body) {
    var dealership = caller.requireDealershipScope().dealership();
    Charset charset = declaredCharset(headers.getMediaType());
    return IntakeAnswers.of(charset == null
        ? intake.intake(dealership, body == null ? new byte[0] : body)
        : intake.intake(dealership, new String(body == null ? new byte[0] : body, charset)));
  }

  private static Charset declaredCharset(MediaType type) {
    String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw AdfRejection.notReadable(null, "unknown charset in Content-Type: " + name);
    }
  }
}
