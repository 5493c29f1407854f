package com.leadcadence.api.adf;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.representations.ErrorResponse.FieldError;
import java.util.List;

/**
 * An ADF document refused before intake: 400 (not XML, a DOCTYPE, not ADF), 413 (too large) or 422 (a
 * value intake cannot take). The field is the XML element at fault as a path below {@code <adf>}, e.g.
 * {@code prospect/customer/contact/email}. Answered through the API's usual error body.
 */
public final class AdfRejection extends ApiException {
  private static final long serialVersionUID = 1L;

  public AdfRejection(int status, String element, String message) {
    this(status, List.of(new FieldError(element, message)));
  }

  public AdfRejection(int status, List<FieldError> errors) {
    super(status, errors);
  }

  static AdfRejection notReadable(String element, String message) {
    return new AdfRejection(400, element, message);
  }

  /** One line for a log or a stored rejection: "element: message; ...". */
  public String summary() {
    return body().errors().stream()
        .map(e -> e.field() == null ? e.message() : e.field() + ": " + e.message())
        .reduce((a, b) -> a + "; " + b)
        .orElse("rejected");
  }
}
