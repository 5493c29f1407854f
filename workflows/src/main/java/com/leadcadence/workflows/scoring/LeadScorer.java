package com.leadcadence.workflows.scoring;

import com.leadcadence.workflows.model.Grade;
import java.util.ArrayList;
import java.util.List;

/**
 * The 100-point score. Stated intent weighs most (timeframe, vehicle), then market and source; a lead
 * we can reach on two channels is worth more than one we can reach on one. Engagement adds points
 * later, while the cadence runs (see EngagementType).
 */
public final class LeadScorer {
  public static final int MAX = 100;

  private LeadScorer() {}

  public static LeadScore score(ScoringFacts facts) {
    int points = 0;
    List<String> reasons = new ArrayList<>();
    if (facts.localArea()) {
      points += add(reasons, 20, "local area");
    }
    if (facts.timeframe() != null) {
      points += switch (facts.timeframe()) {
        case WITHIN_7_DAYS -> add(reasons, 25, "buying within 7 days");
        case WITHIN_30_DAYS -> add(reasons, 18, "buying within 30 days");
        case WITHIN_90_DAYS -> add(reasons, 8, "buying within 90 days");
        case BROWSING -> 0;
      };
    }
    if (facts.specificVehicle()) {
      points += add(reasons, 15, "specific vehicle");
    } else if (facts.vehicleInterest()) {
      points += add(reasons, 8, "vehicle interest");
    }
    if (facts.financing()) {
      points += add(reasons, 5, "financing");
    }
    if (facts.tradeIn()) {
      points += add(reasons, 5, "trade-in");
    }
    points += facts.firstPartySource()
        ? add(reasons, 15, "first-party source")
        : add(reasons, 5, "third-party source");
    if (facts.hasEmail() && facts.hasPhone()) {
      points += add(reasons, 20, "email and phone");
    } else if (facts.hasEmail() || facts.hasPhone()) {
      points += add(reasons, 10, "one contact channel");
    }
    int capped = Math.min(MAX, points);
    return new LeadScore(capped, Grade.forScore(capped), reasons);
  }

  /** A running score after engagement, kept within 0-100. */
  public static int adjust(int score, int delta) {
    return Math.max(0, Math.min(MAX, score + delta));
  }

  private static int add(List<String> reasons, int points, String why) {
    reasons.add("+" + points + " " + why);
    return points;
  }
}
