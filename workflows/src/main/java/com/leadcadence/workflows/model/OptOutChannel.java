package com.leadcadence.workflows.model;

import java.util.EnumSet;
import java.util.Set;

/** What a lead asked us to stop. "Do not call" stops calls and voicemail drops alike. */
public enum OptOutChannel {
  SMS,
  EMAIL,
  CALL,
  ALL;

  public Set<Channel> blockedChannels() {
    return switch (this) {
      case SMS -> EnumSet.of(Channel.SMS);
      case EMAIL -> EnumSet.of(Channel.EMAIL);
      case CALL -> EnumSet.of(Channel.CALL, Channel.VOICEMAIL);
      case ALL -> EnumSet.allOf(Channel.class);
    };
  }
}
