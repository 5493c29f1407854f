package com.leadcadence.activities.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.templates.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {
  private static final String GRIN = "\uD83D\uDE00"; // one emoji, two UTF-16 code units

  @Test
  void plainAsciiFitsOneSegmentUpTo160Characters() {
    assertEquals(new SmsSegments(Encoding.GSM_7, 160, 1), SmsSegments.of("a".repeat(160)));
    assertEquals(new SmsSegments(Encoding.GSM_7, 161, 2), SmsSegments.of("a".repeat(161)));
  }

  @Test
  void multipartGsmTextsHold153SeptetsPerPart() {
    assertEquals(2, SmsSegments.of("a".repeat(306)).segments());
    assertEquals(3, SmsSegments.of("a".repeat(307)).segments());
    assertEquals(3, SmsSegments.of("a".repeat(459)).segments());
    assertEquals(4, SmsSegments.of("a".repeat(460)).segments());
  }

  @Test
  void extensionCharactersTakeTwoSeptetsAndStayGsm() {
    SmsSegments braces = SmsSegments.of("{".repeat(80));
    assertEquals(new SmsSegments(Encoding.GSM_7, 160, 1), braces);
    SmsSegments euro = SmsSegments.of("a".repeat(159) + "€");
    assertEquals(new SmsSegments(Encoding.GSM_7, 161, 2), euro);
    assertEquals(Encoding.GSM_7, SmsSegments.of("[x] ~ | ^ \\ } €").encoding());
  }

  @Test
  void anEscapePairIsNeverSplitAcrossParts() {
    // 306 septets would be 2 x 153, but the euro sign cannot straddle the end of the first part.
    SmsSegments text = SmsSegments.of("a".repeat(152) + "€" + "a".repeat(152));
    assertEquals(306, text.units());
    assertEquals(3, text.segments());
  }

  @Test
  void oneCharacterOutsideGsm7MakesTheWholeTextUcs2() {
    String curly = "It\u2019s ready";
    assertEquals(Encoding.UCS_2, SmsSegments.of(curly).encoding());
    assertEquals(new SmsSegments(Encoding.UCS_2, 70, 1), SmsSegments.of("\u2019" + "a".repeat(69)));
    assertEquals(new SmsSegments(Encoding.UCS_2, 71, 2), SmsSegments.of("\u2019" + "a".repeat(70)));
    assertEquals(2, SmsSegments.of("\u2019" + "a".repeat(133)).segments());
    assertEquals(3, SmsSegments.of("\u2019" + "a".repeat(134)).segments());
  }

  @Test
  void ucs2CountsUtf16CodeUnitsAndKeepsSurrogatePairsWhole() {
    assertEquals(new SmsSegments(Encoding.UCS_2, 70, 1), SmsSegments.of("a".repeat(68) + GRIN));
    assertEquals(new SmsSegments(Encoding.UCS_2, 71, 2), SmsSegments.of("a".repeat(69) + GRIN));
    // 134 units would be 2 x 67, but the emoji cannot be cut after the 67th unit.
    SmsSegments split = SmsSegments.of("a".repeat(66) + GRIN + "a".repeat(66));
    assertEquals(134, split.units());
    assertEquals(3, split.segments());
  }

  @Test
  void everyPrintableAsciiCharacterButTheBacktickIsGsm7() {
    for (char c = 0x20; c < 0x7F; c++) {
      assertEquals(c != '`', SmsSegments.isGsm7(String.valueOf(c)), "character '" + c + "'");
    }
    assertTrue(SmsSegments.isGsm7("Café Müller, £5, ¿qué? Ñ ß Ø å Δ\n"));
    assertFalse(SmsSegments.isGsm7("Zoë")); // ë is not in the basic table
  }

  @Test
  void describesItselfAndNamesTheOffendingCharacter() {
    assertEquals("1 segment GSM-7", SmsSegments.of("Hi").describe());
    assertEquals("2 segments UCS-2", SmsSegments.of(GRIN.repeat(40)).describe());
    assertEquals(GRIN + " (U+1F600)", SmsSegments.firstNonGsm7("ok " + GRIN));
    assertEquals("\u2019 (U+2019)", SmsSegments.firstNonGsm7("we\u2019re"));
    assertNull(SmsSegments.firstNonGsm7("plain {text}"));
    assertEquals(0, SmsSegments.of("").segments());
  }
}
