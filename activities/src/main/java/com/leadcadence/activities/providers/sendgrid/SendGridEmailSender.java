package com.leadcadence.activities.providers.sendgrid;

import com.leadcadence.activities.logging.Masking;
import com.leadcadence.activities.providers.TransportFailures;
import com.leadcadence.activities.senders.EmailMessage;
import com.leadcadence.activities.senders.EmailSender;
import com.leadcadence.activities.senders.SendReceipt;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.ASM;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emails through SendGrid's v3 mail send. custom_args carry lead_id, touch_id and idempotency_key, which
 * SendGrid echoes on every event webhook, so events find their touch. The receipt carries SendGrid's
 * X-Message-Id (the prefix of the sg_message_id its events report), or null if SendGrid sent none.
 */
public final class SendGridEmailSender implements EmailSender {
  public static final String PROVIDER = "sendgrid";
  public static final String LEAD_ID_ARG = "lead_id";
  public static final String TOUCH_ID_ARG = "touch_id";
  public static final String IDEMPOTENCY_KEY_ARG = "idempotency_key";
  /** SendGrid accepts at most 10 categories per message. */
  static final int MAX_CATEGORIES = 10;
  private static final Logger log = LoggerFactory.getLogger(SendGridEmailSender.class);

  private final SendGrid client;
  private final SendGridSettings settings;

  public SendGridEmailSender(SendGrid client, SendGridSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  @Override
  public SendReceipt send(EmailMessage message) {
    return send(message, EmailExtras.none());
  }

  public SendReceipt send(EmailMessage m, EmailExtras extras) {
    Request request = new Request();
    request.setMethod(Method.POST);
    request.setEndpoint("mail/send");
    try {
      request.setBody(mail(m, extras).build());
    } catch (IOException e) {
      throw new IllegalStateException("could not serialize the email", e);
    }
    Response response;
    try {
      response = client.api(request);
    } catch (IOException e) {
      RuntimeException classified = TransportFailures.classify(PROVIDER, e);
      log.warn("sendgrid email to {} failed ({}): {} touchId={}",
          Masking.email(m.to()), classified.getClass().getSimpleName(), e.toString(), m.touchId());
      throw classified;
    }
    int status = response.getStatusCode();
    if (status < 200 || status >= 300) {
      RuntimeException classified = SendGridFailures.classify(response);
      log.warn("sendgrid email to {} refused ({}): {} touchId={}",
          Masking.email(m.to()), classified.getClass().getSimpleName(), classified.getMessage(), m.touchId());
      throw classified;
    }
    String messageId = header(response.getHeaders(), "X-Message-Id");
    log.info("sendgrid email to {} accepted: status={} messageId={} touchId={}",
        Masking.email(m.to()), status, messageId, m.touchId());
    return new SendReceipt(PROVIDER, messageId);
  }

  Mail mail(EmailMessage m, EmailExtras extras) {
    Mail mail = new Mail();
    mail.setFrom(new Email(m.fromEmail(), m.fromName()));
    mail.setSubject(m.subject());
    Personalization personalization = new Personalization();
    personalization.addTo(new Email(m.to()));
    mail.addPersonalization(personalization);
    // text/plain must come before text/html (SendGrid rejects the other order).
    mail.addContent(new Content("text/plain", m.body()));
    // The message's own HTML (rendered from the step's template) first; extras only when it has none.
    String html = m.html() != null && !m.html().isBlank() ? m.html() : extras.htmlBody();
    if (html != null && !html.isBlank()) {
      mail.addContent(new Content("text/html", html));
    }
    mail.addCustomArg(LEAD_ID_ARG, Long.toString(m.leadId()));
    mail.addCustomArg(TOUCH_ID_ARG, Long.toString(m.touchId()));
    if (m.idempotencyKey() != null) {
      mail.addCustomArg(IDEMPOTENCY_KEY_ARG, m.idempotencyKey());
    }
    Set<String> categories = new LinkedHashSet<>(settings.categories());
    categories.addAll(extras.categories());
    if (m.category() != null && !m.category().isBlank()) {
      categories.add(m.category());
    }
    categories.stream().limit(MAX_CATEGORIES).forEach(mail::addCategory);
    Integer group = extras.asmGroupId() != null ? extras.asmGroupId() : settings.asmGroupId();
    if (group != null) {
      ASM asm = new ASM();
      asm.setGroupId(group);
      mail.setASM(asm);
    }
    return mail;
  }

  /** Header names are case-insensitive; the SDK hands them over as the server spelled them. */
  private static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    return headers.entrySet().stream()
        .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
