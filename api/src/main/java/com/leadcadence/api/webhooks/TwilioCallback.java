package com.leadcadence.api.webhooks;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One Twilio callback as the resource received it: the form fields, and the lead and touch ids the
 * senders put in the callback URL's query (signed by Twilio along with the rest of the URL).
 */
record TwilioCallback(Map<String, List<String>> form, OptionalLong leadId, OptionalLong touchId) {

  String field(String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
  }

  Integer errorCode() {
    String code = field("ErrorCode");
    if (code == null) {
      return null;
    }
    try {
      return Integer.valueOf(code);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static OptionalLong id(String value) {
    if (value == null || value.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
