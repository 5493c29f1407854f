package com.leadcadence.api.adf;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.errors.ViolationExceptionMapper;
import com.leadcadence.api.intake.LeadIntake;
import com.leadcadence.api.representations.CreateLeadRequest;
import com.leadcadence.api.representations.ErrorResponse.FieldError;
import com.leadcadence.store.rows.DealershipRow;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/**
 * ADF in, a lead out: the document is read safely, mapped to the JSON intake request, checked by the
 * same bean validation and taken in by the same {@link LeadIntake} (scoring, consent, idempotency,
 * duplicates). Every error names the XML element. Used by the HTTP route and the inbound e-mail route.
 */
public final class AdfIntake {
  private final AdfParser parser;
  private final Validator validator;
  private final LeadIntake intake;

  public AdfIntake(AdfParser parser, Validator validator, LeadIntake intake) {
    this.parser = parser;
    this.validator = validator;
    this.intake = intake;
  }

  /** A document as posted (its XML declaration names its encoding). @throws ApiException 4xx */
  public LeadIntake.Result intake(DealershipRow dealership, byte[] xml) {
    return intake(dealership, parser.parse(xml));
  }

  /** A document already decoded (found in an e-mail). @throws ApiException 4xx */
  public LeadIntake.Result intake(DealershipRow dealership, String xml) {
    return intake(dealership, parser.parse(xml));
  }

  private LeadIntake.Result intake(DealershipRow dealership, AdfDocument document) {
    CreateLeadRequest request = AdfLeadMapper.toRequest(document);
    List<FieldError> violations = validator.validate(request).stream()
        .map(v -> new FieldError(AdfElements.forField(ViolationExceptionMapper.field(v)), v.getMessage()))
        .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
        .toList();
    if (!violations.isEmpty()) {
      throw new AdfRejection(ApiException.UNPROCESSABLE, violations);
    }
    try {
      return intake.intake(dealership, request);
    } catch (ApiException e) {
      if (e.status() != ApiException.UNPROCESSABLE) {
        throw e;
      }
      throw new AdfRejection(e.status(), e.body().errors().stream()
          .map(f -> new FieldError(AdfElements.forField(f.field()), f.message()))
          .toList());
    }
  }
}
