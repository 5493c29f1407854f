package com.leadcadence.api.inbound;

import java.util.List;

/**
 * An e-mail as SendGrid Inbound Parse posts it, decoded: the recipient addresses (the SMTP envelope's
 * first, then the To and Cc headers'), sender, subject, text and HTML bodies and the attachments.
 */
public record InboundMail(
    List<String> recipients,
    String from,
    String subject,
    String text,
    String html,
    List<Attachment> attachments) {

  public InboundMail {
    recipients = List.copyOf(recipients);
    attachments = List.copyOf(attachments);
  }

  /** One attached file: its name, its declared type and its bytes. */
  public record Attachment(String filename, String contentType, byte[] content) {}
}
