package com.leadcadence.workflows.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessHoursFormatTest {

  @Test
  void parsesRangesAndSingleDays() {
    List<OpeningHours> hours = BusinessHoursFormat.parse("MON-FRI 09:00-20:00; SAT 10:00-16:00");
    assertEquals(6, hours.size());
    assertEquals(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(20, 0)), hours.get(0));
    assertEquals(new OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(16, 0)), hours.get(5));
  }

  @Test
  void rejectsWhatItCannotRead() {
    for (String bad : new String[] {"", "MON 09:00", "XYZ 09:00-10:00", "MON 10:00-09:00", "MON 9h-10h",
        "MON-FRI 09:00-17:00; FRI 10:00-12:00", "FRI-MON 09:00-17:00"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> BusinessHoursFormat.parse(bad), bad);
      assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }
  }
}
