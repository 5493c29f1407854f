package com.leadcadence.api.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.representations.CreateLeadRequest;
import com.leadcadence.api.representations.ErrorResponse.FieldError;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.workflows.model.Channel;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NormalisedLeadTest {
  private static final Instant NOW = Instant.parse("2025-03-04T15:00:00Z");
  private static final DealershipRow CAPTURES_CONSENT = dealership(true);
  private static final DealershipRow NO_FORM_CONSENT = dealership(false);

  @Test
  void phoneBecomesE164AndEmailLowerCase() {
    NormalisedLead lead = NormalisedLead.of(request("website", " Jane@Example.COM ", "(312) 555-0123", null, null),
        CAPTURES_CONSENT, NOW);
    assertEquals("+13125550123", lead.phone());
    assertEquals("jane@example.com", lead.email());
    assertEquals("America/Chicago", lead.timeZone(), "no zone given: the area code's (312, Chicago)");
  }

  @Test
  void anEmailOnlyLeadWithoutAZoneGetsTheDealerships() {
    NormalisedLead lead = NormalisedLead.of(request("website", "jane@example.com", null, null, null),
        CAPTURES_CONSENT, NOW);
    assertEquals("America/Chicago", lead.timeZone());
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    ApiException e = assertThrows(ApiException.class, () -> NormalisedLead.of(
        request("website", "not-an-email", "12", "Nowhere/Town", null), CAPTURES_CONSENT, NOW));
    assertEquals(422, e.status());
    assertEquals(java.util.List.of("email", "phone", "timezone"),
        e.body().errors().stream().map(FieldError::field).toList());
  }

  @Test
  void aFirstPartyFormCountsAsConsentOnlyWhereTheDealershipSaysSo() {
    NormalisedLead web = NormalisedLead.of(request("website", "a@b.co", null, null, null), CAPTURES_CONSENT, NOW);
    assertTrue(web.consent().sms() && web.consent().voice());
    assertEquals("web-form", web.consent().source());

    NormalisedLead thirdParty = NormalisedLead.of(request("autotrader", "a@b.co", null, null, null), CAPTURES_CONSENT, NOW);
    assertFalse(thirdParty.consent().sms() || thirdParty.consent().voice());
    assertNull(thirdParty.consent().at());

    NormalisedLead noFormConsent = NormalisedLead.of(request("website", "a@b.co", null, null, null), NO_FORM_CONSENT, NOW);
    assertFalse(noFormConsent.consent().sms());

    NormalisedLead statedNo = NormalisedLead.of(request("website", "a@b.co", null, null,
        new CreateLeadRequest.Consent(false, null)), CAPTURES_CONSENT, NOW);
    assertFalse(statedNo.consent().sms(), "a stated 'no' wins over the form");
    assertTrue(statedNo.consent().voice());
  }

  @Test
  void blockedChannelsFollowAddressesConsentAndOptOuts() {
    var emailOnly = CadenceInputsFixtures.row(null, "+13125550123", false, false);
    assertEquals(EnumSet.of(Channel.EMAIL, Channel.SMS, Channel.VOICEMAIL),
        CadenceInputs.blockedChannels(emailOnly, Set.of()));
    var everything = CadenceInputsFixtures.row("a@b.co", "+13125550123", true, true);
    assertEquals(EnumSet.noneOf(Channel.class), CadenceInputs.blockedChannels(everything, Set.of()));
    assertEquals(EnumSet.of(Channel.CALL), CadenceInputs.blockedChannels(everything, Set.of(Channel.CALL)));
  }

  private static CreateLeadRequest request(
      String source, String email, String phone, String zone, CreateLeadRequest.Consent consent) {
    return new CreateLeadRequest(source, "x-1", "Jane", "Doe", email, phone, zone, null, null, null, null,
        consent, null, null);
  }

  private static DealershipRow dealership(boolean webFormCapturesConsent) {
    return new DealershipRow(1, "Lakeside Motors", "America/Chicago", "MON-SAT 09:00-20:00", "", "Sales",
        "sales@example.com", null, null, webFormCapturesConsent, "website,chat", null, 10, 30, 120, NOW);
  }
}
