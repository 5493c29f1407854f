package com.leadcadence.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadcadence.api.representations.ErrorResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tags of a refusal stay few: the status's reason, and a field name without indexes or odd text. */
class RejectedRequestsTest {

  @Test
  void reasonsComeFromTheStatus() {
    assertEquals("invalid", RejectedRequests.reason(422));
    assertEquals("malformed", RejectedRequests.reason(400));
    assertEquals("too_large", RejectedRequests.reason(413));
    assertEquals("other", RejectedRequests.reason(409));
  }

  @Test
  void theFieldLosesIndexesAndKeysAndAnythingElseBecomesOther() {
    assertEquals("vehicle.year", RejectedRequests.field(ErrorResponse.of("vehicle.year", "too old")));
    assertEquals("channels", RejectedRequests.field(ErrorResponse.of("channels[0]", "unknown")));
    assertEquals("customer.phones", RejectedRequests.field(ErrorResponse.of("customer.phones[jane@x.com]", "bad")));
    assertEquals("other", RejectedRequests.field(ErrorResponse.of("{\"x\": 1}", "bad")));
    assertEquals("none", RejectedRequests.field(ErrorResponse.of(null, "unreadable")));
    assertEquals("none", RejectedRequests.field(new ErrorResponse(List.of())));
    assertEquals("none", RejectedRequests.field("not an error body"));
  }
}
