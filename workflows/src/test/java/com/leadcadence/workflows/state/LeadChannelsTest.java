package com.leadcadence.workflows.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.activities.TouchStatus;
import com.leadcadence.workflows.model.Channel;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadChannelsTest {

  @Test
  void aLeadWithoutAPhoneCanOnlyBeEmailedAndOneWithoutAnythingHasNoChannel() {
    LeadChannels emailOnly = LeadChannels.forContact(Set.of(), true, false);
    assertEquals(EnumSet.of(Channel.SMS, Channel.CALL, Channel.VOICEMAIL), emailOnly.blocked());
    assertFalse(emailOnly.allBlocked());

    LeadChannels noSmsConsent = LeadChannels.forContact(Set.of(Channel.SMS), true, true);
    assertEquals(Set.of(Channel.SMS), noSmsConsent.blocked());
    assertEquals("unavailable", noSmsConsent.whyBlocked(Channel.SMS));

    assertTrue(LeadChannels.forContact(Set.of(), false, false).allBlocked());
  }

  @Test
  void anOptInGivesBackWhatAnOptOutTookButNotAnUnusableChannel() {
    LeadChannels channels = LeadChannels.forContact(Set.of(), true, true);
    channels.failed(Channel.SMS);
    channels.optOut(List.of(Channel.SMS, Channel.CALL));
    assertEquals("opted out", channels.whyBlocked(Channel.CALL));

    channels.optIn(List.of(Channel.SMS, Channel.CALL));

    assertFalse(channels.isBlocked(Channel.CALL));
    assertTrue(channels.isBlocked(Channel.SMS), "a failed channel stays closed after an opt-in");
  }

  @Test
  void aFailedCallClosesTheVoicemailDropAndAWrongNumberClosesEveryPhoneChannel() {
    LeadChannels failedCall = LeadChannels.forContact(Set.of(), true, true);
    failedCall.failed(Channel.CALL);
    assertEquals(EnumSet.of(Channel.CALL, Channel.VOICEMAIL), failedCall.blocked());

    LeadChannels wrongNumber = LeadChannels.forContact(Set.of(), true, true);
    wrongNumber.phoneUnusable();
    assertEquals(EnumSet.of(Channel.SMS, Channel.CALL, Channel.VOICEMAIL), wrongNumber.blocked());
    assertFalse(wrongNumber.isBlocked(Channel.EMAIL));
  }

  @Test
  void aReplyStopsAutomatedTextsOnly() {
    LeadChannels channels = LeadChannels.forContact(Set.of(), true, true);
    channels.replied();

    assertTrue(channels.hasReplied());
    assertEquals(Set.of(Channel.SMS), channels.blocked());
    assertEquals("the lead replied", channels.whyBlocked(Channel.SMS));
    assertTrue(channels.optedOut().isEmpty() && channels.unavailable().isEmpty(), "a reply is neither");
  }

  @Test
  void aSendsRefusalIsAnOptOutOnlyWhenTheActivityFoundOne() {
    LeadChannels channels = LeadChannels.forContact(Set.of(), true, true);
    channels.refused(Channel.SMS, TouchStatus.SKIPPED_OPTED_OUT);
    channels.refused(Channel.EMAIL, TouchStatus.CHANNEL_BLOCKED);

    assertEquals(Set.of(Channel.SMS), channels.optedOut());
    assertEquals(Set.of(Channel.EMAIL), channels.unavailable());
  }

  @Test
  void takingOverKeepsTheInputsBlocksAndReplacesTheOptOuts() {
    LeadChannels channels = LeadChannels.forContact(Set.of(Channel.VOICEMAIL), true, true);
    channels.optOut(List.of(Channel.EMAIL));

    channels.takeOver(Set.of(Channel.CALL), Set.of(Channel.SMS), true);

    assertEquals(Set.of(Channel.VOICEMAIL, Channel.CALL), channels.unavailable());
    assertEquals(Set.of(Channel.SMS), channels.optedOut());
    assertTrue(channels.hasReplied());

    channels.takeOver(null, null, false);
    assertEquals(Set.of(), channels.optedOut());
    assertFalse(channels.hasReplied());
  }
}
