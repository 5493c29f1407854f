package com.leadcadence.activities.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void masksPhoneKeepingAreaCodeAndLastFour() {
    assertEquals("+1312***0123", Masking.phone("+13125550123"));
    assertEquals("***23", Masking.phone("0123"));
    assertNull(Masking.phone(null));
  }

  @Test
  void masksEmailKeepingFirstLetterAndDomain() {
    assertEquals("j***@example.com", Masking.email("jane.doe@example.com"));
    assertEquals("***", Masking.email("not-an-email"));
    assertNull(Masking.email(null));
    assertEquals("j***@example.com", Masking.address("jane.doe@example.com"));
    assertEquals("+1312***0123", Masking.address("+13125550123"));
  }
}
