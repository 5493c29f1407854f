package com.leadcadence.activities.senders;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The messages the dry-run senders "sent", in order; shared by the senders, dev mode and tests. */
public final class DryRunOutbox {
  private final List<OutboxMessage> messages = new CopyOnWriteArrayList<>();

  void add(OutboxMessage message) {
    messages.add(message);
  }

  /** A snapshot, oldest first. */
  public List<OutboxMessage> messages() {
    return List.copyOf(messages);
  }

  public List<OutboxMessage> messagesForLead(long leadId) {
    return messages.stream().filter(m -> m.leadId() == leadId).toList();
  }

  public int size() {
    return messages.size();
  }

  public void clear() {
    messages.clear();
  }
}
