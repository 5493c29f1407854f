package com.leadcadence.activities.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks one lead's personal data in text shown to people who need to tell leads apart but not reach
 * them (histories, timelines): the lead's own name, phone and e-mail wherever they appear, any other
 * e-mail or phone number, and in JSON the fields that hold contact details or message text. Addresses
 * are masked as in the logs ({@link Masking}).
 */
public final class LeadPiiMask {
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  /** E.164 numbers and North American numbers written with separators. */
  private static final Pattern PHONE =
      Pattern.compile("\\+\\d{8,15}|\\(?\\b\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}\\b");
  private static final Set<String> ADDRESS_FIELDS = Set.of("email", "phone", "recipient", "to", "from", "address");
  private static final Set<String> NAME_FIELDS = Set.of("firstname", "lastname", "name");
  private static final Set<String> TEXT_FIELDS = Set.of("body", "subject", "comments", "note", "text", "script");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Pattern> names = new ArrayList<>();
  /** The lead's own addresses as written anywhere, and how each is shown. */
  private final Map<String, String> addresses = new LinkedHashMap<>();

  /** The lead's own details (any may be null). */
  public LeadPiiMask(String firstName, String lastName, String email, String phone) {
    for (String name : new String[] {firstName, lastName}) {
      if (name != null && name.strip().length() >= 2) {
        names.add(Pattern.compile("\\b" + Pattern.quote(name.strip()) + "\\b", Pattern.CASE_INSENSITIVE));
      }
    }
    if (email != null && !email.isBlank()) {
      addresses.put(email.strip(), Masking.email(email.strip()));
    }
    if (phone != null && phone.strip().length() > 4) {
      addresses.put(phone.strip(), Masking.phone(phone.strip()));
      String digits = phone.replaceAll("\\D", "");
      if (digits.length() > 10) {
        // The national number without its country code, masked like a formatted number.
        addresses.put(digits.substring(digits.length() - 10), "***" + digits.substring(digits.length() - 4));
      }
    }
  }

  /** The text with every name, e-mail and phone number of it masked; null stays null. */
  public String text(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (Map.Entry<String, String> address : addresses.entrySet()) {
      masked = masked.replace(address.getKey(), address.getValue());
    }
    masked = replaceAll(EMAIL, masked, Masking::email);
    masked = replaceAll(PHONE, masked, number -> number.startsWith("+") ? Masking.phone(number)
        : "***" + number.substring(number.length() - 4));
    for (Pattern name : names) {
      masked = replaceAll(name, masked, found -> found.charAt(0) + "***");
    }
    return masked;
  }

  /** A JSON document with contact fields and message text masked, then {@link #text}; non-JSON as text. */
  public String json(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      return text(JSON.writeValueAsString(node == null ? null : maskFields(node)));
    } catch (Exception e) {
      return text(json);
    }
  }

  private static JsonNode maskFields(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        String key = field.getKey().toLowerCase(Locale.ROOT);
        if (value.isTextual() && ADDRESS_FIELDS.contains(key)) {
          replaced.add(Map.entry(field.getKey(), TextNode.valueOf(Masking.address(value.asText()))));
        } else if (value.isTextual() && NAME_FIELDS.contains(key) && !value.asText().isBlank()) {
          replaced.add(Map.entry(field.getKey(), TextNode.valueOf(value.asText().strip().charAt(0) + "***")));
        } else if (value.isTextual() && TEXT_FIELDS.contains(key)) {
          replaced.add(Map.entry(field.getKey(), TextNode.valueOf("[" + value.asText().length() + " characters]")));
        } else {
          maskFields(value);
        }
      }
      replaced.forEach(field -> object.set(field.getKey(), field.getValue()));
    } else if (node.isArray()) {
      node.forEach(LeadPiiMask::maskFields);
    }
    return node;
  }

  private static String replaceAll(Pattern pattern, String text, UnaryOperator<String> mask) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(mask.apply(matcher.group())));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
