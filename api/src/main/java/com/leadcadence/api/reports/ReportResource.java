package com.leadcadence.api.reports;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.errors.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Managers' reports of the calling dealership (README "Reports"). */
@Path("/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
  static final String TEXT_CSV = "text/csv";

  private final ReportService reports;

  public ReportResource(ReportService reports) {
    this.reports = reports;
  }

  /** JSON, or CSV with ?format=csv or an Accept header that prefers text/csv. */
  @GET
  @Path("/funnel")
  @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
  @Timed
  public Response funnel(@Auth DealershipPrincipal caller, @QueryParam("from") String from,
      @QueryParam("to") String to, @QueryParam("period") String period, @QueryParam("groupBy") String groupBy,
      @QueryParam("step") String step, @QueryParam("format") String format, @Context HttpHeaders headers) {
    boolean csv = wantsCsv(format, headers.getAcceptableMediaTypes());
    FunnelReport report = reports.funnel(caller, new ReportService.PeriodParameters(from, to, period), groupBy,
        step);
    if (!csv) {
      return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
    return Response.ok(FunnelCsv.of(report), TEXT_CSV + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"funnel-" + report.from() + "-" + report.to() + ".csv\"")
        .build();
  }

  @GET
  @Path("/speed-to-lead")
  @Timed
  public SpeedToLeadReport speedToLead(@Auth DealershipPrincipal caller, @QueryParam("from") String from,
      @QueryParam("to") String to, @QueryParam("period") String period) {
    return reports.speedToLead(caller, new ReportService.PeriodParameters(from, to, period));
  }

  @GET
  @Path("/at-risk")
  @Timed
  public AtRiskReport atRisk(@Auth DealershipPrincipal caller) {
    return reports.atRisk(caller);
  }

  static boolean wantsCsv(String format, List<MediaType> acceptable) {
    if (format != null && !format.isBlank()) {
      return switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw ApiException.invalid("format", "must be json or csv");
      };
    }
    // Acceptable types come sorted by preference; the first one that names JSON or CSV decides.
    for (MediaType type : acceptable) {
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
        return false;
      }
      if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
        return true;
      }
    }
    return false;
  }
}
