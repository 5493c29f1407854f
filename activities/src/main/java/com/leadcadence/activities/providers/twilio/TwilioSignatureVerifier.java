package com.leadcadence.activities.providers.twilio;

import com.twilio.security.RequestValidator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks X-Twilio-Signature on a webhook: Twilio's HMAC-SHA1, keyed by the auth token, of the full URL it
 * called followed by the sorted form parameters. The URL must be the public one Twilio was given
 * (PUBLIC_BASE_URL + path + query), not the one a proxy forwarded to.
 */
public final class TwilioSignatureVerifier {
  public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

  private final RequestValidator validator;

  public TwilioSignatureVerifier(String authToken) {
    if (authToken == null || authToken.isBlank()) {
      throw new IllegalArgumentException("the Twilio auth token is required to verify webhooks");
    }
    this.validator = new RequestValidator(authToken);
  }

  /** False for a missing, malformed or wrong signature. */
  public boolean verify(String url, Map<String, String> formParams, String signature) {
    Objects.requireNonNull(url, "url");
    if (signature == null || signature.isBlank()) {
      return false;
    }
    return validator.validate(url, formParams == null ? Map.of() : formParams, signature);
  }

  /**
   * For frameworks that hand over form fields as lists (JAX-RS MultivaluedMap). A field sent twice cannot
   * be checked with Twilio's validator, and none of the webhooks we serve repeats one: such a request is
   * refused.
   */
  public boolean verifyMultiValued(String url, Map<String, List<String>> formParams, String signature) {
    Map<String, String> single = new HashMap<>();
    for (Map.Entry<String, List<String>> field : formParams.entrySet()) {
      List<String> values = field.getValue();
      if (values.size() > 1) {
        return false;
      }
      single.put(field.getKey(), values.isEmpty() ? "" : values.get(0));
    }
    return verify(url, single, signature);
  }
}
