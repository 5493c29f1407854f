package com.leadcadence.api.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.intake.NanpAreaCodes.AreaCode;
import com.leadcadence.workflows.schedule.LeadZones;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The area-code table and the zone (or span) a lead's number gets from it. */
class PhoneTimeZonesTest {

  @Test
  void knownAreaCodesRingInTheirZones() {
    Map<String, String> known = Map.ofEntries(
        Map.entry("+12125550123", "America/New_York"),      // Manhattan
        Map.entry("+13125550123", "America/Chicago"),       // Chicago
        Map.entry("+18065550123", "America/Chicago"),       // Lubbock, Amarillo
        Map.entry("+19155550123", "America/Denver"),        // El Paso: Mountain, unlike the rest of Texas
        Map.entry("+13035550123", "America/Denver"),        // Denver
        Map.entry("+12135550123", "America/Los_Angeles"),   // Los Angeles
        Map.entry("+16025550123", "America/Phoenix"),       // Phoenix: no DST
        Map.entry("+14805550123", "America/Phoenix"),
        Map.entry("+18085550123", "Pacific/Honolulu"),
        Map.entry("+17875550123", "America/Puerto_Rico"),
        Map.entry("+19395550123", "America/Puerto_Rico"),
        Map.entry("+13175550123", "America/Indiana/Indianapolis"),
        Map.entry("+13135550123", "America/Detroit"),
        Map.entry("+15025550123", "America/Kentucky/Louisville"),
        Map.entry("+19015550123", "America/Chicago"),       // Memphis
        Map.entry("+18655550123", "America/New_York"),      // Knoxville
        Map.entry("+14165550123", "America/Toronto"),
        Map.entry("+15145550123", "America/Toronto"),       // Montreal
        Map.entry("+16045550123", "America/Vancouver"),
        Map.entry("+14035550123", "America/Edmonton"),      // Calgary
        Map.entry("+12045550123", "America/Winnipeg"),
        Map.entry("+19025550123", "America/Halifax"),
        Map.entry("+15065550123", "America/Moncton"),
        Map.entry("+18765550123", "America/Jamaica"));
    known.forEach((number, zone) -> assertEquals(Optional.of(zone), PhoneTimeZones.forNumber(number), number));
  }

  @Test
  void codesWhoseAreaSpansZonesKeepTheSpanAndOnlyThoseDo() {
    assertEquals(Optional.of("America/Chicago,America/New_York"), PhoneTimeZones.forNumber("+18505550123"),
        "Florida panhandle: Pensacola on Central, Tallahassee on Eastern");
    assertEquals(Optional.of("America/Phoenix,America/Denver"), PhoneTimeZones.forNumber("+19285550123"),
        "northern Arizona: the Navajo Nation keeps DST");
    assertEquals(Optional.of("America/St_Johns,America/Goose_Bay"), PhoneTimeZones.forNumber("+17095550123"));
    assertEquals(Optional.of("America/Regina,America/Winnipeg,America/Edmonton"), PhoneTimeZones.forNumber("+13065550123"));
    for (String tollFree : List.of("+18005550123", "+18885550123", "+18775550123")) {
      assertEquals(Optional.of(LeadZones.NORTH_AMERICA_CONTINENTAL), PhoneTimeZones.forNumber(tollFree), tollFree);
    }
    Set<String> spanning = NanpAreaCodes.table().all().stream().filter(AreaCode::spansZones).map(AreaCode::code)
        .filter(code -> !NanpAreaCodes.table().find(code).orElseThrow().region().startsWith("non-geographic"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(List.of(
        "208", "986",                       // Idaho: the panhandle on Pacific time
        "219", "574", "812", "930",         // Indiana's Central corners
        "236", "250", "257", "672", "778",  // British Columbia outside the Lower Mainland
        "270", "364", "606",                // Kentucky
        "306", "474", "639",                // Saskatchewan (Lloydminster, Creighton)
        "308",                              // western Nebraska
        "367", "418", "581",                // eastern Quebec
        "423", "931",                       // Tennessee
        "448", "850",                       // Florida panhandle
        "458", "541",                       // eastern Oregon
        "605", "701",                       // the Dakotas
        "620", "785",                       // western Kansas
        "709", "879",                       // Newfoundland and Labrador
        "775",                              // northern Nevada
        "807",                              // northwestern Ontario
        "867",                              // Yukon, Northwest Territories, Nunavut
        "906",                              // Michigan's Upper Peninsula
        "907",                              // Alaska and the Aleutians
        "928")),                            // northern Arizona
        spanning);
  }

  @Test
  void everyRowIsWellFormedUniqueAndItsSpanReallySpans() throws Exception {
    List<AreaCode> all = NanpAreaCodes.table().all();
    assertTrue(all.size() > 400, "the whole plan, not a sample: " + all.size());
    Set<String> seen = new HashSet<>();
    int rows = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        NanpAreaCodes.class.getResourceAsStream(NanpAreaCodes.RESOURCE), StandardCharsets.UTF_8))) {
      for (String line : reader.lines().filter(l -> !l.startsWith("#") && !l.startsWith("area_code")).toList()) {
        String[] fields = line.split(",", -1);
        assertEquals(3, fields.length, line);
        assertTrue(seen.add(fields[0]), "area code " + fields[0] + " listed twice");
        for (String zone : fields[2].split("\\|")) {
          assertTrue(ZoneId.getAvailableZoneIds().contains(zone), zone + " is not an IANA zone (" + line + ")");
        }
        rows++;
      }
    }
    assertEquals(all.size(), rows);
    Instant winter = Instant.parse("2026-01-15T12:00:00Z");
    Instant summer = Instant.parse("2026-07-15T12:00:00Z");
    for (AreaCode code : all) {
      if (code.spansZones()) {
        assertTrue(differsAtSomePoint(code.zones(), winter, summer), code.code() + "'s zones never differ: no span needed");
      }
    }
  }

  @Test
  void otherCountriesAndNoNumberAreUnknown() {
    assertEquals(Optional.empty(), PhoneTimeZones.forNumber("+442071838750"));
    assertEquals(Optional.empty(), PhoneTimeZones.forNumber(null));
  }

  @Test
  void theAreaCodeIsReadFromNorthAmericanNumbersOnly() {
    assertEquals(Optional.of("312"), PhoneTimeZones.areaCode("+13125550123"));
    assertEquals(Optional.empty(), PhoneTimeZones.areaCode("+442071838750"));
  }

  private static boolean differsAtSomePoint(List<ZoneId> zones, Instant... instants) {
    for (Instant t : instants) {
      if (zones.stream().map(z -> z.getRules().getOffset(t)).distinct().count() > 1) {
        return true;
      }
    }
    return false;
  }
}
