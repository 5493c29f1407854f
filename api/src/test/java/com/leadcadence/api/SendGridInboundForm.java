package com.leadcadence.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A multipart/form-data body shaped as SendGrid Inbound Parse posts a parsed mail: text fields
 * (headers, dkim, to, from, subject, text, html, sender_ip, envelope, charsets, SPF, attachments,
 * attachment-info) and one file part per attachment (attachment1, ...).
 */
final class SendGridInboundForm {
  private final String boundary = "xYzZY" + UUID.randomUUID().toString().replace("-", "");
  private final List<String[]> fields = new ArrayList<>();
  private final List<Object[]> files = new ArrayList<>();

  /** A mail to the recipient with the text body; envelope, charsets and the usual headers filled in. */
  static SendGridInboundForm mail(String to, String envelopeTo, String subject, String text, String html) {
    SendGridInboundForm form = new SendGridInboundForm();
    form.field("headers", "Received: by mx0047p1mdw1.sendgrid.net with SMTP id abc\nMIME-Version: 1.0\n"
        + "From: Cars.com Leads <leads@cars.example>\nTo: " + to + "\nSubject: " + subject + "\n");
    form.field("dkim", "{@cars.example : pass}");
    form.field("to", to);
    form.field("from", "Cars.com Leads <leads@cars.example>");
    form.field("subject", subject);
    if (text != null) {
      form.field("text", text);
    }
    if (html != null) {
      form.field("html", html);
    }
    form.field("sender_ip", "203.0.113.25");
    form.field("envelope", "{\"to\":[\"" + envelopeTo + "\"],\"from\":\"bounces@cars.example\"}");
    form.field("charsets", "{\"to\":\"UTF-8\",\"html\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\",\"text\":\"UTF-8\"}");
    form.field("SPF", "pass");
    return form;
  }

  SendGridInboundForm field(String name, String value) {
    fields.add(new String[] {name, value});
    return this;
  }

  /** Adds attachmentN with the count and attachment-info SendGrid sends along. */
  SendGridInboundForm attachment(String filename, String type, byte[] content) {
    files.add(new Object[] {"attachment" + (files.size() + 1), filename, type, content});
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String[]> all = new ArrayList<>(fields);
    if (!files.isEmpty()) {
      StringBuilder info = new StringBuilder("{");
      for (Object[] file : files) {
        if (info.length() > 1) {
          info.append(',');
        }
        info.append('"').append(file[0]).append("\":{\"filename\":\"").append(file[1]).append("\",\"name\":\"")
            .append(file[1]).append("\",\"type\":\"").append(file[2]).append("\"}");
      }
      all.add(new String[] {"attachments", String.valueOf(files.size())});
      all.add(new String[] {"attachment-info", info.append('}').toString()});
    }
    for (String[] field : all) {
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n");
      write(out, field[1]);
      write(out, "\r\n");
    }
    for (Object[] file : files) {
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file[0] + "\"; filename=\""
          + file[1] + "\"\r\nContent-Type: " + file[2] + "\r\n\r\n");
      out.writeBytes((byte[]) file[3]);
      write(out, "\r\n");
    }
    write(out, "--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
