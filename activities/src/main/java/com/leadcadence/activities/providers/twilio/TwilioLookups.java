package com.leadcadence.activities.providers.twilio;

import com.leadcadence.activities.logging.Masking;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.SentLookup;
import com.twilio.base.Page;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallReader;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageReader;
import com.twilio.type.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Twilio whether an earlier attempt's text or voicemail call exists, through the SDK's readers on
 * the Messages and Calls lists, filtered by To, From and date sent (start time for calls) since the first
 * attempt, less a margin for clock skew. A message still queued at Twilio has no date sent yet (a call
 * not yet dialled no start time), so a second read without the date filter checks the newest page by
 * creation date. A record matches on To, From (or the Messaging Service) and, for texts, the body.
 */
final class TwilioLookups {
  /** Our clock against Twilio's, and the gap between handing a message over and Twilio stamping it. */
  static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);
  static final long PAGE_SIZE = 50;
  private static final Logger log = LoggerFactory.getLogger(TwilioLookups.class);

  private TwilioLookups() {}

  /** from: a phone number, or null when messagingServiceSid sent it. */
  static SentLookup text(TwilioRestClient client, String to, String from, String messagingServiceSid,
      String body, Instant since, long touchId) {
    ZonedDateTime after = since.minus(CLOCK_MARGIN).atZone(ZoneOffset.UTC);
    Predicate<Message> matches = m -> m.getDirection() != Message.Direction.INBOUND
        && samePhone(m.getTo(), to)
        && (from != null ? m.getFrom() != null && samePhone(m.getFrom().toString(), from)
            : messagingServiceSid.equals(m.getMessagingServiceSid()))
        && body.equals(m.getBody())
        && (m.getDateCreated() == null || !m.getDateCreated().isBefore(after));
    try {
      List<Message> sent = reader(to, from).setDateSentAfter(after).firstPage(client).getRecords();
      Message found = first(sent, matches);
      if (found == null) {
        Page<Message> newest = reader(to, from).firstPage(client);
        found = first(newest.getRecords(), matches);
      }
      return logged("text", to, touchId, found == null ? null : found.getSid());
    } catch (TwilioException e) {
      throw TwilioFailures.logAndClassify(log, "sms lookup", to, touchId, e);
    }
  }

  static SentLookup call(TwilioRestClient client, String to, String from, Instant since, long touchId) {
    ZonedDateTime after = since.minus(CLOCK_MARGIN).atZone(ZoneOffset.UTC);
    Predicate<Call> matches = c -> !"inbound".equals(c.getDirection())
        && samePhone(c.getTo(), to)
        && samePhone(c.getFrom(), from)
        && (c.getDateCreated() == null || !c.getDateCreated().isBefore(after));
    try {
      Call found = first(callReader(to, from).setStartTimeAfter(after).firstPage(client).getRecords(), matches);
      if (found == null) {
        found = first(callReader(to, from).firstPage(client).getRecords(), matches);
      }
      return logged("voicemail call", to, touchId, found == null ? null : found.getSid());
    } catch (TwilioException e) {
      throw TwilioFailures.logAndClassify(log, "voicemail lookup", to, touchId, e);
    }
  }

  private static MessageReader reader(String to, String from) {
    MessageReader reader = Message.reader().setTo(new PhoneNumber(to)).setPageSize(PAGE_SIZE);
    return from == null ? reader : reader.setFrom(new PhoneNumber(from));
  }

  private static CallReader callReader(String to, String from) {
    return Call.reader().setTo(new PhoneNumber(to)).setFrom(new PhoneNumber(from)).setPageSize(PAGE_SIZE);
  }

  private static <T> T first(List<T> records, Predicate<T> matches) {
    return records == null ? null : records.stream().filter(matches).findFirst().orElse(null);
  }

  private static SentLookup logged(String what, String to, long touchId, String sid) {
    if (sid == null) {
      log.info("twilio has no {} to {} for touchId={}: sending it", what, Masking.phone(to), touchId);
      return SentLookup.absent();
    }
    log.info("twilio has the {} to {} for touchId={}: sid={}", what, Masking.phone(to), touchId, sid);
    return SentLookup.found(new SendReceipt(TwilioSmsSender.PROVIDER, sid));
  }

  /** Twilio answers in E.164; ours are E.164 too, but compare digits so formatting cannot hide a match. */
  private static boolean samePhone(String a, String b) {
    return a != null && b != null && digits(a).equals(digits(b));
  }

  private static String digits(String phone) {
    return phone.replaceAll("[^0-9]", "");
  }
}
