package com.leadcadence.workflows.state;

import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.EngagementType;
import com.leadcadence.workflows.model.OutcomeType;
import com.leadcadence.workflows.model.StepCondition;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What came back from the lead and from the people working it: the outcomes agents and the CRM reported
 * (the latest, how many, whether anyone reached the lead), whether the lead answered or opened an email,
 * and which duplicate leads' re-inquiries have been counted. A step's conditions are asked of it.
 */
public final class LeadResponses {
  private boolean contactMade;
  private OutcomeType lastOutcome;
  private int outcomeCount;
  private boolean emailReplied;
  private boolean emailOpened;
  /** The duplicate leads whose re-inquiry has been counted (RE_INQUIRY details). */
  private final Set<String> reInquiries = new HashSet<>();

  /** An outcome was reported; returns how many this lead has had, this one included. */
  public int reported(OutcomeType type) {
    lastOutcome = type;
    return ++outcomeCount;
  }

  /** Someone reached the lead: no manager alert for an uncontacted lead any more. */
  public void contacted() {
    contactMade = true;
  }

  /** True the first time a duplicate lead's re-inquiry is seen, so that it raises the score once. */
  public boolean firstReInquiry(String duplicate) {
    return reInquiries.add(duplicate);
  }

  public void engaged(EngagementType type) {
    emailReplied |= type == EngagementType.EMAIL_REPLY;
    emailOpened |= type == EngagementType.EMAIL_OPEN || type == EngagementType.EMAIL_CLICK;
  }

  /**
   * The first of the step's conditions that does not hold now; empty when all hold (always, for steps
   * without conditions). textReplied: the lead answered a text ({@link LeadChannels#hasReplied}).
   */
  public Optional<StepCondition> unmetCondition(CadenceStep step, boolean textReplied) {
    return step.conditions().stream().filter(c -> switch (c) {
      case LAST_CALL_NO_ANSWER -> lastOutcome != OutcomeType.NO_ANSWER;
      case NO_REPLY -> textReplied || emailReplied;
      case EMAIL_NOT_OPENED -> emailOpened;
    }).findFirst();
  }

  public boolean contactMade() {
    return contactMade;
  }

  public OutcomeType lastOutcome() {
    return lastOutcome;
  }

  public int outcomeCount() {
    return outcomeCount;
  }

  public boolean emailReplied() {
    return emailReplied;
  }

  public boolean emailOpened() {
    return emailOpened;
  }

  public Set<String> reInquiries() {
    return Set.copyOf(reInquiries);
  }

  /** What a previous run handed over (the email flags are null in continuations from before them). */
  public void takeOver(boolean contactMade, OutcomeType lastOutcome, int outcomeCount, Set<String> reInquiries,
      Boolean emailReplied, Boolean emailOpened) {
    this.contactMade = contactMade;
    this.lastOutcome = lastOutcome;
    this.outcomeCount = outcomeCount;
    if (reInquiries != null) {
      this.reInquiries.addAll(reInquiries);
    }
    this.emailReplied = Boolean.TRUE.equals(emailReplied);
    this.emailOpened = Boolean.TRUE.equals(emailOpened);
  }
}
