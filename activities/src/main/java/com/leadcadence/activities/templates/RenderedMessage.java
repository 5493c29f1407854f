package com.leadcadence.activities.templates;

/**
 * A rendered template. subject and html are null except for email (html is the HTML alternative of the
 * text body, with every value HTML-escaped); smsSegments is null except for SMS, where it tells how the
 * body travels (encoding and billed segments).
 */
public record RenderedMessage(String subject, String body, String html, SmsSegments smsSegments) {

  public static RenderedMessage email(String subject, String text, String html) {
    return new RenderedMessage(subject, text, html, null);
  }

  public static RenderedMessage sms(String text) {
    return new RenderedMessage(null, text, null, SmsSegments.of(text));
  }

  /** A voicemail script or a call task's text. */
  public static RenderedMessage plain(String body) {
    return new RenderedMessage(null, body, null, null);
  }
}
