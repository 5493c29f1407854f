package com.leadcadence.activities.optout;

import com.leadcadence.store.dao.OptOutDao;
import com.leadcadence.store.rows.OptOutRow;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.OptOutChannel;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The dealership's opt-out list, per address across all of that address's leads. ALL is stored as
 * SMS, EMAIL and CALL; a CALL opt-out ("do not call") also blocks voicemail drops.
 */
public final class OptOutRegistry {
  private static final Set<OptOutChannel> STORED = EnumSet.of(OptOutChannel.SMS, OptOutChannel.EMAIL,
      OptOutChannel.CALL);

  private final OptOutDao optOuts;

  public OptOutRegistry(OptOutDao optOuts) {
    this.optOuts = optOuts;
  }

  /** Emails are compared lower-cased; phones as given (E.164), trimmed. */
  public static String normalise(String address) {
    if (address == null) {
      return null;
    }
    String trimmed = address.strip();
    return trimmed.contains("@") ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
  }

  public void record(long dealershipId, String address, OptOutChannel channel, String source) {
    String normalised = normalise(address);
    for (OptOutChannel stored : expand(channel)) {
      optOuts.insertIfAbsent(dealershipId, normalised, stored, source);
    }
  }

  /** Re-subscribes (an SMS START); returns whether anything was removed. */
  public boolean remove(long dealershipId, String address, OptOutChannel channel) {
    int removed = 0;
    for (OptOutChannel stored : expand(channel)) {
      removed += optOuts.remove(dealershipId, normalise(address), stored);
    }
    return removed > 0;
  }

  public boolean isBlocked(long dealershipId, String address, Channel channel) {
    if (address == null || address.isBlank()) {
      return false;
    }
    return optOuts.isOptedOut(dealershipId, normalise(address), optOutChannelOf(channel));
  }

  /** The channels a lead with these addresses may not be reached on (either may be null); one query. */
  public Set<Channel> blockedChannels(long dealershipId, String email, String phone) {
    String normalisedEmail = blank(email) ? null : normalise(email);
    String normalisedPhone = blank(phone) ? null : normalise(phone);
    List<String> addresses = Stream.of(normalisedEmail, normalisedPhone).filter(Objects::nonNull).toList();
    Set<Channel> blocked = EnumSet.noneOf(Channel.class);
    if (addresses.isEmpty()) {
      return blocked;
    }
    List<OptOutRow> stored = optOuts.listForAddresses(dealershipId, addresses);
    for (Channel channel : Channel.values()) {
      String address = channel.usesPhone() ? normalisedPhone : normalisedEmail;
      OptOutChannel optOut = optOutChannelOf(channel);
      // The query matched with the column's collation (case-insensitive); so does this.
      if (address != null
          && stored.stream().anyMatch(o -> o.channel() == optOut && o.address().strip().equalsIgnoreCase(address))) {
        blocked.add(channel);
      }
    }
    return blocked;
  }

  private static boolean blank(String address) {
    return address == null || address.isBlank();
  }

  private static OptOutChannel optOutChannelOf(Channel channel) {
    return switch (channel) {
      case EMAIL -> OptOutChannel.EMAIL;
      case SMS -> OptOutChannel.SMS;
      case CALL, VOICEMAIL -> OptOutChannel.CALL;
    };
  }

  private static Set<OptOutChannel> expand(OptOutChannel channel) {
    return channel == OptOutChannel.ALL ? STORED : EnumSet.of(channel);
  }
}
