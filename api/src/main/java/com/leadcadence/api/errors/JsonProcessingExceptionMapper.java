package com.leadcadence.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 400 for a body that is not the JSON we expect, naming the JSON path of the field at fault (null when
 * the JSON itself is malformed): an unknown enum value lists the accepted ones.
 */
@Provider
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

  @Override
  public Response toResponse(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return ErrorResponses.of(400, null, "malformed JSON: " + e.getOriginalMessage());
    }
    String field = path(mapping.getPath());
    return ErrorResponses.of(400, field, describe(mapping));
  }

  static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String describe(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown field";
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      String accepted = Arrays.stream(invalid.getTargetType().getEnumConstants())
          .map(Object::toString)
          .collect(Collectors.joining(", "));
      return "'" + invalid.getValue() + "' is not one of " + accepted;
    }
    if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      return "must be " + kind(mismatched.getTargetType());
    }
    return e.getOriginalMessage();
  }

  private static String kind(Class<?> type) {
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
