package com.leadcadence.api.errors;

import com.leadcadence.api.representations.ErrorResponse;
import com.leadcadence.api.representations.ErrorResponse.FieldError;
import java.util.List;

/** A request the API answers with an error body of its own: status plus the fields at fault. */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** 422: the JSON was read but a value is not acceptable (same status as bean validation). */
  public static final int UNPROCESSABLE = 422;

  private final int status;
  private final transient List<FieldError> errors;

  public ApiException(int status, List<FieldError> errors) {
    super(errors.isEmpty() ? "error " + status : errors.get(0).message());
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(UNPROCESSABLE, List.of(new FieldError(field, message)));
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, List.of(new FieldError(null, what + " not found")));
  }

  /** 403: the caller is known but may not do this (an agent's token on a dealership-wide route). */
  public static ApiException forbidden(String field, String message) {
    return new ApiException(403, List.of(new FieldError(field, message)));
  }

  /** 409: the request clashes with the resource's state (a task already done). */
  public static ApiException conflict(String message) {
    return new ApiException(409, List.of(new FieldError(null, message)));
  }

  /** 400: a query parameter or header that cannot be read at all. */
  public static ApiException badRequest(String field, String message) {
    return new ApiException(400, List.of(new FieldError(field, message)));
  }

  public int status() {
    return status;
  }

  public ErrorResponse body() {
    return new ErrorResponse(errors);
  }
}
