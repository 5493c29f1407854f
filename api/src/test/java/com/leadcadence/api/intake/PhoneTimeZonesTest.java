package com.leadcadence.api.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadcadence.workflows.schedule.LeadZones;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneTimeZonesTest {

  @Test
  void aUsNumberSpansTheContinentUnlessItsAreaCodeSaysHawaiiOrAlaska() {
    assertEquals(Optional.of(LeadZones.NORTH_AMERICA_CONTINENTAL), PhoneTimeZones.forNumber("+13125550123"));
    assertEquals(Optional.of("Pacific/Honolulu"), PhoneTimeZones.forNumber("+18085550123"));
    assertEquals(Optional.of("America/Anchorage"), PhoneTimeZones.forNumber("+19075550123"));
  }

  @Test
  void otherCountriesAndNoNumberAreUnknown() {
    assertEquals(Optional.of("America/St_Johns,America/Vancouver"), PhoneTimeZones.forNumber("+14165550123"));
    assertEquals(Optional.empty(), PhoneTimeZones.forNumber("+442071838750"));
    assertEquals(Optional.empty(), PhoneTimeZones.forNumber(null));
  }

  @Test
  void theAreaCodeIsReadFromNorthAmericanNumbersOnly() {
    assertEquals(Optional.of("312"), PhoneTimeZones.areaCode("+13125550123"));
    assertEquals(Optional.empty(), PhoneTimeZones.areaCode("+442071838750"));
  }

  @Test
  void aNumberWithTheDealershipsAreaCodeIsTakenToBeLocal() {
    assertEquals(Optional.of("America/Chicago"),
        PhoneTimeZones.forNumberNear("+13125550123", "+13125550100", "America/Chicago"));
    assertEquals(Optional.of(LeadZones.NORTH_AMERICA_CONTINENTAL),
        PhoneTimeZones.forNumberNear("+12125550123", "+13125550100", "America/Chicago"));
    assertEquals(Optional.of(LeadZones.NORTH_AMERICA_CONTINENTAL),
        PhoneTimeZones.forNumberNear("+12125550123", null, "America/Chicago"));
  }
}
