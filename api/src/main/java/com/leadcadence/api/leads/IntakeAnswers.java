package com.leadcadence.api.leads;

import com.leadcadence.api.intake.LeadIntake;
import com.leadcadence.api.representations.LeadCreated;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** How every intake route (JSON, ADF) answers: 201 and the lead, or 200 for a repeat; Location either way. */
public final class IntakeAnswers {
  private IntakeAnswers() {}

  public static Response of(LeadIntake.Result result) {
    return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
        .header("Location", "/v1/leads/" + result.lead().id())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(LeadCreated.of(result.lead()))
        .build();
  }
}
