package com.leadcadence.store.rows;

/** An inbound_messages row as the inbound e-mail route stores it (received now). */
public record NewInboundMessage(
    Long dealershipId,
    String recipient,
    String sender,
    String subject,
    InboundMessageStatus status,
    String reason,
    Long leadId,
    String adfSource,
    String bodyExcerpt) {}
