package com.leadcadence.activities.optout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.OptOutDao;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.OptOutChannel;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OptOutRegistryTest {
  private static TestDatabase db;
  private static long dealershipId;
  private static OptOutRegistry registry;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    dealershipId = new DealershipSeeder(db.jdbi()).seed(DemoDealership.SEED);
    registry = new OptOutRegistry(db.jdbi().onDemand(OptOutDao.class));
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void allIsStoredAsEveryChannelAndBlocksThemAll() {
    registry.record(dealershipId, " Pat@Example.com ", OptOutChannel.ALL, "api");
    registry.record(dealershipId, "pat@example.com", OptOutChannel.ALL, "api");
    assertEquals(3, db.jdbi().onDemand(OptOutDao.class).listForAddress(dealershipId, "pat@example.com").size());
    assertTrue(registry.isBlocked(dealershipId, "PAT@example.com", Channel.EMAIL));
    assertFalse(registry.isBlocked(dealershipId + 1000, "pat@example.com", Channel.EMAIL));
  }

  @Test
  void doNotCallBlocksCallsAndVoicemailButNotTexts() {
    registry.record(dealershipId, "+13125550150", OptOutChannel.CALL, "api");
    assertEquals(EnumSet.of(Channel.CALL, Channel.VOICEMAIL),
        registry.blockedChannels(dealershipId, "someone@example.com", "+13125550150"));
    assertTrue(registry.remove(dealershipId, "+13125550150", OptOutChannel.CALL));
    assertEquals(Set.of(), registry.blockedChannels(dealershipId, null, "+13125550150"));
  }

  @Test
  void blockedChannelsReadsTheEmailAndThePhoneTogether() {
    registry.record(dealershipId, "Lee@Example.com", OptOutChannel.EMAIL, "api");
    registry.record(dealershipId, "+13125550160", OptOutChannel.SMS, "api");
    registry.record(dealershipId, "someone-else@example.com", OptOutChannel.ALL, "api");
    assertEquals(EnumSet.of(Channel.EMAIL, Channel.SMS),
        registry.blockedChannels(dealershipId, " LEE@example.com ", "+13125550160"));
    assertEquals(EnumSet.of(Channel.SMS), registry.blockedChannels(dealershipId, "new@example.com", "+13125550160"));
    assertEquals(EnumSet.of(Channel.EMAIL), registry.blockedChannels(dealershipId, "lee@example.com", " "));
    assertEquals(Set.of(), registry.blockedChannels(dealershipId + 1000, "lee@example.com", "+13125550160"),
        "another dealership's list");
    assertEquals(Set.of(), registry.blockedChannels(dealershipId, null, null));
  }
}
