package com.leadcadence.api.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.representations.CreateLeadRequest;
import com.leadcadence.api.representations.ErrorResponse.FieldError;
import com.leadcadence.workflows.model.Timeframe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ADF sample set (test resources adf/) read and mapped to the intake request, and the attacks refused. */
class AdfSamplesTest {
  private final AdfParser parser = new AdfParser();

  private static byte[] resource(String path) {
    return AdfSampleFiles.bytes(path);
  }

  private CreateLeadRequest map(String sample) {
    return AdfLeadMapper.toRequest(parser.parse(resource("samples/" + sample)));
  }

  @Test
  void autotraderUsedSedanWithNamePartsAndTwoPhones() {
    CreateLeadRequest lead = map("autotrader-used-sedan.xml");
    assertEquals("autotrader", lead.source());
    assertEquals("AT-7731904", lead.externalId());
    assertEquals("Dana", lead.firstName());
    assertEquals("Whitfield", lead.lastName());
    assertEquals("dana.whitfield@example.com", lead.email());
    assertEquals("312.555.0162", lead.phone(), "the mobile number, which can take texts");
    assertEquals(2021, lead.vehicle().year());
    assertEquals("Honda", lead.vehicle().make());
    assertEquals("Accord", lead.vehicle().model());
    assertEquals("EX-L", lead.vehicle().trim());
    assertEquals("1HGCV1F34LA012345", lead.vehicle().vin());
    assertEquals("L24519", lead.vehicle().stockNumber());
    assertEquals(Timeframe.WITHIN_7_DAYS, lead.timeframe());
    assertNull(lead.tradeIn());
    assertNull(lead.financing());
    assertNull(lead.consent(), "ADF states no consent");
    assertTrue(lead.comments().startsWith("Is the Accord still available?"), lead.comments());
    assertTrue(lead.comments().contains("Other phones: (312) 555-0161 (voice)"), lead.comments());
    assertTrue(lead.comments().contains("Lives in: Chicago IL 60640"), lead.comments());
  }

  @Test
  void carsComNewSuvWithTradeInFinancingDateRangeAndCdataComments() {
    CreateLeadRequest lead = map("carscom-new-suv-with-trade.xml");
    assertEquals("cars.com", lead.source());
    assertEquals("c0m-55a1f2e9-0b1d", lead.externalId());
    assertEquals("+1 773 555 0148", lead.phone());
    assertEquals("RAV4", lead.vehicle().model());
    assertEquals("N10877", lead.vehicle().stockNumber());
    assertEquals(Boolean.TRUE, lead.tradeIn());
    assertEquals(Boolean.TRUE, lead.financing());
    assertEquals(Timeframe.WITHIN_30_DAYS, lead.timeframe(), "13 days from the request date");
    assertTrue(lead.comments().contains("AWD & heated seats"), lead.comments());
    assertTrue(lead.comments().contains("see <photos> in the listing"), lead.comments());
    assertTrue(lead.comments().contains("Trade-in: 2016 Ford Escape, 88400 mi"), lead.comments());
  }

  @Test
  void trueCarFullNameAndPhoneOnly() {
    CreateLeadRequest lead = map("truecar-full-name-phone-only.xml");
    assertEquals("truecar", lead.source());
    assertEquals("TC-2026-991-044", lead.externalId());
    assertEquals("Priya", lead.firstName());
    assertEquals("Raman", lead.lastName());
    assertNull(lead.email());
    assertEquals("312-555-0177", lead.phone());
    assertEquals(Timeframe.BROWSING, lead.timeframe());
  }

  @Test
  void oemLeaseWithoutProspectIdGetsAStableDigestAsItsExternalId() {
    CreateLeadRequest lead = map("oem-lease-no-prospect-id.xml");
    assertEquals("toyota-dealer-leads", lead.source());
    assertTrue(lead.externalId().matches("adf-[0-9a-f]{40}"), lead.externalId());
    assertEquals(lead.externalId(), map("oem-lease-no-prospect-id.xml").externalId(), "the same document, the same id");
    String other = new String(resource("samples/oem-lease-no-prospect-id.xml"), StandardCharsets.UTF_8)
        .replace("2026-11-30T10:20:00-0500", "2026-11-30T10:21:00-0500");
    assertNotEquals(lead.externalId(), AdfLeadMapper.toRequest(parser.parse(other)).externalId(),
        "another request date is another lead");
    assertEquals("Elena", lead.firstName());
    assertEquals("Castellanos", lead.lastName());
    assertEquals(Boolean.TRUE, lead.financing(), "a lease is financed");
    assertEquals(Timeframe.WITHIN_90_DAYS, lead.timeframe());
  }

  @Test
  void noDeclarationMixedCaseAndExtraWhitespace() {
    CreateLeadRequest lead = map("no-declaration-mixed-case.xml");
    assertEquals("dealersite-pro", lead.source());
    assertEquals("DSP-000918", lead.externalId());
    assertEquals("Tomasz", lead.firstName());
    assertEquals("Kowalczyk", lead.lastName());
    assertEquals("tomasz.k@example.com", lead.email());
    assertEquals("773 555 0109", lead.phone());
    assertEquals(2019, lead.vehicle().year());
    assertEquals("Subaru", lead.vehicle().make());
    assertEquals("Outback", lead.vehicle().model());
    assertEquals("4S4BSANC5K3312345", lead.vehicle().toVehicle().vin());
    assertEquals("U8821", lead.vehicle().stockNumber());
    assertEquals("Do you have this one with the towing package?", lead.comments());
  }

  @Test
  void severalPhonesPickThePreferredMobileAndNeverFaxOrPager() {
    CreateLeadRequest lead = map("several-phones-no-email.xml");
    assertEquals("cargurus", lead.source());
    assertEquals("(312) 555-0192", lead.phone());
    assertNull(lead.email());
    assertEquals(Timeframe.WITHIN_7_DAYS, lead.timeframe(), "ASAP");
    assertTrue(lead.comments().contains("Other phones: (312) 555-0191 (voice)"), lead.comments());
    assertTrue(!lead.comments().contains("0190") && !lead.comments().contains("0193"), lead.comments());
  }

  @Test
  void lastCommaFirstNameCashBuyerAndDateRange() {
    CreateLeadRequest lead = map("last-first-name-email-only.xml");
    assertEquals("edmunds", lead.source());
    assertEquals("Linh", lead.firstName());
    assertEquals("Nguyen", lead.lastName());
    assertEquals(Boolean.FALSE, lead.financing(), "cash");
    assertNull(lead.vehicle().year());
    assertEquals("CX-5", lead.vehicle().model());
    assertEquals(Timeframe.WITHIN_90_DAYS, lead.timeframe(), "77 days from the request date");
  }

  @Test
  void latin1DocumentWithOnlyATradeIn() {
    CreateLeadRequest lead = map("latin1-trade-in-only.xml");
    assertEquals("kelley-blue-book-instant-cash-offer", lead.source());
    assertEquals("José", lead.firstName());
    assertEquals("Muñoz", lead.lastName());
    assertNull(lead.vehicle(), "no vehicle wanted, only one to sell");
    assertEquals(Boolean.TRUE, lead.tradeIn());
    assertTrue(lead.comments().contains("¿Cuánto me dan?"), lead.comments());
    assertTrue(lead.comments().contains("Trade-in: 2014 Volkswagen Jetta, 152000 km"), lead.comments());
  }

  @Test
  void refusedDocumentsNameTheElementAtFault() {
    assertEquals(List.of("prospect"), refusal("two-prospects.xml"));
    assertEquals(List.of("prospect/customer/contact/name"), refusal("one-word-name.xml"));
    assertEquals(List.of("prospect/vehicle/year"), refusal("bad-year.xml"));
  }

  private List<String> refusal(String sample) {
    AdfRejection e = assertThrows(AdfRejection.class,
        () -> AdfLeadMapper.toRequest(parser.parse(resource("refused/" + sample))));
    assertEquals(422, e.status());
    return e.body().errors().stream().map(FieldError::field).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xxe-file.xml", "xxe-parameter-entity.xml", "billion-laughs.xml", "undeclared-entity.xml",
      "truncated.xml", "wrong-root.xml", "not-xml.xml"})
  void attacksAndBrokenDocumentsAreRefusedQuickly(String attack) {
    AdfRejection e = assertTimeoutPreemptively(Duration.ofSeconds(1),
        () -> assertThrows(AdfRejection.class, () -> parser.parse(resource("attacks/" + attack))));
    assertEquals(400, e.status(), e.summary());
    assertTrue(!e.summary().contains("root:"), "nothing of the local files is echoed: " + e.summary());
  }

  @Test
  void aDoctypeIsNamedAsTheReason() {
    AdfRejection e = assertThrows(AdfRejection.class, () -> parser.parse(resource("attacks/billion-laughs.xml")));
    assertTrue(e.summary().contains("DOCTYPE"), e.summary());
  }

  @Test
  void oversizedAndDeeplyNestedDocumentsAreRefused() {
    String padding = "x".repeat(AdfParser.MAX_BYTES);
    AdfRejection large = assertThrows(AdfRejection.class,
        () -> parser.parse("<adf><prospect><customer><comments>" + padding + "</comments></customer></prospect></adf>"));
    assertEquals(413, large.status());
    String deep = "<adf>" + "<a>".repeat(200) + "</a>".repeat(200) + "</adf>";
    AdfRejection nested = assertTimeoutPreemptively(Duration.ofSeconds(1),
        () -> assertThrows(AdfRejection.class, () -> parser.parse(deep)));
    assertEquals(400, nested.status());
  }
}
