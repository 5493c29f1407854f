package com.leadcadence.api.representations;

import java.util.List;

/** Every error body: {@code {"errors":[{"field": "...", "message": "..."}]}}; field is null when none applies. */
public record ErrorResponse(List<FieldError> errors) {

  public record FieldError(String field, String message) {}

  public static ErrorResponse of(String field, String message) {
    return new ErrorResponse(List.of(new FieldError(field, message)));
  }
}
