package com.leadcadence.activities.providers.sendgrid;

import java.util.List;

/**
 * What an email can carry beyond the shared {@code EmailMessage}: an HTML body (sent beside the text one),
 * categories for this step or template (added to the configured ones), and an unsubscribe group that
 * overrides the configured one. Any field may be null.
 */
public record EmailExtras(String htmlBody, List<String> categories, Integer asmGroupId) {
  public EmailExtras {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  public static EmailExtras none() {
    return new EmailExtras(null, List.of(), null);
  }
}
