package com.leadcadence.workflows.state;

import com.leadcadence.workflows.activities.TouchStatus;
import com.leadcadence.workflows.model.Channel;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which channels the cadence may still use for one lead, and why a channel is closed: no address or no
 * consent, a wrong number or a provider's permanent refusal (unavailable), an opt-out (an opt-in gives
 * the channel back), or a text reply (a person carries that conversation on). Plain state, changed by
 * the workflow's loop and handlers, so replay rebuilds it from the same events.
 */
public final class LeadChannels {
  private static final Set<Channel> PHONE = EnumSet.of(Channel.SMS, Channel.CALL, Channel.VOICEMAIL);

  private final Set<Channel> unavailable = EnumSet.noneOf(Channel.class);
  private final Set<Channel> optedOut = EnumSet.noneOf(Channel.class);
  private boolean replied;

  /** The channels a new lead cannot use: those the input blocks, and those it has no address for. */
  public static LeadChannels forContact(Collection<Channel> blocked, boolean hasEmail, boolean hasPhone) {
    LeadChannels channels = new LeadChannels();
    channels.unavailable.addAll(blocked);
    if (!hasEmail) {
      channels.unavailable.add(Channel.EMAIL);
    }
    if (!hasPhone) {
      channels.unavailable.addAll(PHONE);
    }
    return channels;
  }

  public void optOut(Collection<Channel> channels) {
    optedOut.addAll(channels);
  }

  public void optIn(Collection<Channel> channels) {
    optedOut.removeAll(channels);
  }

  /** A channel failed for good; a phone that cannot take calls cannot take a voicemail drop either. */
  public void failed(Channel channel) {
    unavailable.add(channel);
    if (channel == Channel.CALL) {
      unavailable.add(Channel.VOICEMAIL);
    }
  }

  /** A wrong number: nothing by phone any more. */
  public void phoneUnusable() {
    unavailable.addAll(PHONE);
  }

  /** A send that came back refusing its channel: an opt-out the activity found, or the channel unusable. */
  public void refused(Channel channel, TouchStatus status) {
    (status == TouchStatus.SKIPPED_OPTED_OUT ? optedOut : unavailable).add(channel);
  }

  public void replied() {
    replied = true;
  }

  public boolean hasReplied() {
    return replied;
  }

  public Set<Channel> blocked() {
    Set<Channel> all = EnumSet.noneOf(Channel.class);
    all.addAll(unavailable);
    all.addAll(optedOut);
    if (replied) {
      all.add(Channel.SMS);
    }
    return Set.copyOf(all);
  }

  public boolean isBlocked(Channel channel) {
    return blocked().contains(channel);
  }

  public boolean allBlocked() {
    return blocked().containsAll(EnumSet.allOf(Channel.class));
  }

  /** Why a blocked channel is blocked, for the history and logs. */
  public String whyBlocked(Channel channel) {
    if (optedOut.contains(channel)) {
      return "opted out";
    }
    return replied && channel == Channel.SMS ? "the lead replied" : "unavailable";
  }

  public Set<Channel> unavailable() {
    return Set.copyOf(unavailable);
  }

  public Set<Channel> optedOut() {
    return Set.copyOf(optedOut);
  }

  /**
   * What a previous run handed over: its unavailable channels join this run's (the input's own blocks
   * stay), its opt-outs replace them.
   */
  public void takeOver(Set<Channel> unavailable, Set<Channel> optedOut, boolean replied) {
    if (unavailable != null) {
      this.unavailable.addAll(unavailable);
    }
    this.optedOut.clear();
    if (optedOut != null) {
      this.optedOut.addAll(optedOut);
    }
    this.replied = replied;
  }
}
