package com.leadcadence.store.rows;

import java.time.Instant;

/** An inbound_messages row: one e-mail received for ADF intake and what became of it. */
public record InboundMessageRow(
    long id,
    Long dealershipId,
    String recipient,
    String sender,
    String subject,
    InboundMessageStatus status,
    String reason,
    Long leadId,
    String adfSource,
    String bodyExcerpt,
    Instant receivedAt) {}
