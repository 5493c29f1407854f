package com.leadcadence.workflows.plan;

/**
 * The variant a touch records ({@code touches.variant}): what a lead got at a step with A/B variants.
 * <ul>
 *   <li>template variants only: the template, e.g. {@code intro-short} (as before timing variants existed);
 *   <li>timing variants only: {@code time:} and the timing's label ({@link StepTimings#label}), e.g.
 *       {@code time:day 2 at 17:30};
 *   <li>both: the two joined by {@code +}, e.g. {@code intro-short+time:day 2 at 17:30} (template ids never
 *       contain '+').
 * </ul>
 * Null for a step with neither.
 */
public final class VariantLabel {
  public static final String TIME_PREFIX = "time:";
  private static final String JOIN = "+";

  private VariantLabel() {}

  /** The label for a template variant (nullable) and a timing variant's label (nullable). */
  public static String of(String template, String timingLabel) {
    String timing = timingLabel == null ? null : TIME_PREFIX + timingLabel;
    if (template == null) {
      return timing;
    }
    return timing == null ? template : template + JOIN + timing;
  }

  /** The template part of a touch's label (null when it has none). */
  public static String templatePart(String label) {
    if (label == null || label.startsWith(TIME_PREFIX)) {
      return null;
    }
    int join = label.indexOf(JOIN + TIME_PREFIX);
    return join < 0 ? label : label.substring(0, join);
  }

  /** The timing part of a touch's label, with its prefix ("time:day 2 at 17:30"; null when it has none). */
  public static String timingPart(String label) {
    if (label == null) {
      return null;
    }
    int at = label.startsWith(TIME_PREFIX) ? 0 : label.indexOf(JOIN + TIME_PREFIX);
    return at < 0 ? null : label.substring(at == 0 ? 0 : at + JOIN.length());
  }
}
