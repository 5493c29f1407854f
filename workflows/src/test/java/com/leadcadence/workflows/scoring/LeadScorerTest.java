package com.leadcadence.workflows.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.Timeframe;
import org.junit.jupiter.api.Test;

class LeadScorerTest {

  @Test
  void aLocalWebsiteLeadReadyToBuyThisWeekIsHot() {
    LeadScore score = LeadScorer.score(
        new ScoringFacts(true, Timeframe.WITHIN_7_DAYS, true, true, true, true, true, true, true));
    assertEquals(100, score.points());
    assertEquals(Grade.A, score.grade());
  }

  @Test
  void aThirdPartyLeadWithAModelAndBothChannelsIsWorthNurturing() {
    LeadScore score = LeadScorer.score(
        new ScoringFacts(false, null, false, true, false, false, false, true, true));
    assertEquals(5 + 20 + 8, score.points());
    assertEquals(Grade.C, score.grade());
  }

  @Test
  void aLocalWebsiteLeadWithoutTimeframeIsHighPriority() {
    LeadScore score = LeadScorer.score(
        new ScoringFacts(true, Timeframe.BROWSING, true, true, false, false, true, true, true));
    assertEquals(20 + 15 + 15 + 20, score.points());
    assertEquals(Grade.B, score.grade());
    assertTrue(score.reasons().contains("+15 first-party source"));
  }

  @Test
  void aBareThirdPartyLeadGetsNoCadence() {
    LeadScore score = LeadScorer.score(
        new ScoringFacts(false, Timeframe.BROWSING, false, false, false, false, false, true, false));
    assertEquals(Grade.D, score.grade());
  }

  @Test
  void gradesFollowTheHundredPointBands() {
    assertEquals(Grade.D, Grade.forScore(0));
    assertEquals(Grade.D, Grade.forScore(25));
    assertEquals(Grade.C, Grade.forScore(26));
    assertEquals(Grade.C, Grade.forScore(50));
    assertEquals(Grade.B, Grade.forScore(51));
    assertEquals(Grade.B, Grade.forScore(75));
    assertEquals(Grade.A, Grade.forScore(76));
    assertEquals(100, LeadScorer.adjust(98, 15));
    assertEquals(0, LeadScorer.adjust(3, -10));
  }
}
