package com.leadcadence.api.errors;

import com.leadcadence.api.representations.ErrorResponse;
import com.leadcadence.api.representations.ErrorResponse.FieldError;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** 422 naming every field that failed bean validation (its JSON path, e.g. {@code vehicle.year}). */
@Provider
public class ViolationExceptionMapper implements ExceptionMapper<JerseyViolationException> {

  @Override
  public Response toResponse(JerseyViolationException e) {
    List<FieldError> errors = e.getConstraintViolations().stream()
        .map(v -> new FieldError(field(v), message(v)))
        .sorted(Comparator.comparing((FieldError f) -> f.field() == null ? "" : f.field())
            .thenComparing(FieldError::message))
        .toList();
    return ErrorResponses.of(ApiException.UNPROCESSABLE, new ErrorResponse(errors));
  }

  /** The path below the resource method's parameter; null when the whole body is at fault. */
  public static String field(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.CONSTRUCTOR
          || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
        continue;
      }
      if (node.getIndex() != null && path.length() > 0) {
        path.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null && !node.getName().startsWith("<")) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(node.getName());
      }
    }
    return path.length() == 0 ? null : path.toString();
  }

  private static String message(ConstraintViolation<?> violation) {
    boolean wholeBody = field(violation) == null;
    return wholeBody ? "the request body " + violation.getMessage() : violation.getMessage();
  }
}
