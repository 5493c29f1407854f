package com.leadcadence.store.rows;

/** The columns of a dealership to insert (id and created_at come from the database). */
public record NewDealership(
    String name,
    String timeZone,
    String businessHours,
    String holidays,
    String senderName,
    String senderEmail,
    String senderPhone,
    String messagingServiceSid,
    boolean webFormCapturesConsent,
    String firstPartySources,
    String inboundEmail) {}
