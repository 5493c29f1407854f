package com.leadcadence.api.leads;

import com.leadcadence.api.errors.ApiException;
import java.util.regex.Pattern;

/**
 * A caller's Idempotency-Key header (1-64 visible ASCII characters, e.g. a UUID). It becomes the id of
 * the Temporal Update that carries the outcome, and so the outcome's stored key: a retried request
 * with the same key applies nothing twice and gets the first answer again. Lead outcomes and task
 * completions use separate id spaces, so one key cannot stand for both.
 */
public record IdempotencyKey(String value) {
  public static final String HEADER = "Idempotency-Key";
  private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,64}");

  /** null when the header is absent or blank. @throws ApiException 400 when it is malformed */
  public static IdempotencyKey parse(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String key = header.strip();
    if (!VALID.matcher(key).matches()) {
      throw ApiException.badRequest(HEADER, "must be 1 to 64 visible ASCII characters (a UUID fits)");
    }
    return new IdempotencyKey(key);
  }

  /** The Update id of POST /v1/leads/{id}/outcomes. */
  public String leadOutcomeUpdateId() {
    return "outcome/" + value;
  }

  /** The Update id of POST /v1/tasks/{id}/complete. */
  public String taskCompletionUpdateId(long taskId) {
    return "task-" + taskId + "/" + value;
  }

  /**
   * The key under which the workflow stores the outcome of the Update (lead_outcomes.outcome_key); it
   * must match LeadCadenceWorkflowImpl's outcome key for an Update.
   */
  public static String outcomeKey(String workflowId, String updateId) {
    return workflowId + ":update:" + updateId;
  }
}
