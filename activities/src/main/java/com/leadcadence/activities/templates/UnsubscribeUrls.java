package com.leadcadence.activities.templates;

/**
 * Builds a lead's unsubscribe page URL for its emails (the API signs and serves it). null means none:
 * the email then asks for a reply instead.
 */
@FunctionalInterface
public interface UnsubscribeUrls {
  UnsubscribeUrls NONE = leadId -> null;

  String forLead(long leadId);
}
