package com.leadcadence.activities.providers.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadcadence.activities.providers.ProviderOutcomeUnknownException;
import com.leadcadence.activities.providers.TransportFailures;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.PermanentDeliveryException;
import com.sendgrid.Response;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a non-2xx answer of v3 mail send into what the cadence does with it. Only a 400, 403 or 413 whose
 * error body names the recipient is permanent (the email channel is blocked for that lead). A 500, 502 or
 * 504 (any 5xx but 503) may come after SendGrid took the message: its fate is unknown. Every other
 * answer, 429 and 503 as well as a misconfiguration (bad key, unverified sender), means SendGrid did not
 * take the message, so a retry may send it.
 */
final class SendGridFailures {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** personalizations.0.to, personalizations.0.to.0.email, and cc/bcc alike. */
  private static final Pattern RECIPIENT_FIELD =
      Pattern.compile("personalizations(\\.\\d+)?\\.(to|cc|bcc)(\\.\\d+)?(\\.email)?");

  private SendGridFailures() {}

  static RuntimeException classify(Response response) {
    int status = response.getStatusCode();
    String what = "sendgrid " + status + ": " + abbreviate(response.getBody());
    if ((status == 400 || status == 403 || status == 413) && namesRecipient(response.getBody())) {
      return new PermanentDeliveryException(what);
    }
    if (TransportFailures.outcomeUnknown(status)) {
      return new ProviderOutcomeUnknownException(what, null);
    }
    return new MessageNotSentException(what, null);
  }

  /** SendGrid's errors: {"errors":[{"message":"...","field":"personalizations.0.to.0.email",...}]}. */
  static boolean namesRecipient(String body) {
    if (body == null || body.isBlank()) {
      return false;
    }
    try {
      for (JsonNode error : JSON.readTree(body).path("errors")) {
        String field = error.path("field").asText("");
        String message = error.path("message").asText("").toLowerCase(Locale.ROOT);
        if (RECIPIENT_FIELD.matcher(field).matches()
            || (message.contains("recipient") && (message.contains("invalid") || message.contains("not valid")))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() <= 300 ? body : body.substring(0, 300) + "...";
  }
}
