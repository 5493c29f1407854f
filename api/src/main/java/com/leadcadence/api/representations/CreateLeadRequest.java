package com.leadcadence.api.representations;

import com.leadcadence.workflows.model.Timeframe;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A lead as a CRM or web form posts it. At least one of email and phone is required (checked by
 * intake, which also normalises the phone to E.164). Sizes follow the leads table.
 */
public record CreateLeadRequest(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may contain only letters, digits, '.', '_' and '-'")
        String source,
    @NotBlank @Size(max = 128) String externalId,
    @NotBlank @Size(max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @Size(max = 320) String email,
    @Size(max = 40) String phone,
    @Size(max = 64) String timezone,
    @Valid VehicleInterest vehicle,
    Timeframe timeframe,
    Boolean tradeIn,
    Boolean financing,
    Consent consent,
    @Size(max = 4000) String comments,
    @Positive Long assignedAgentId) {

  /** What the lead said about TCPA consent; a missing value means "not stated". */
  public record Consent(Boolean sms, Boolean voice) {}

  public boolean wantsTradeIn() {
    return Boolean.TRUE.equals(tradeIn);
  }

  public boolean wantsFinancing() {
    return Boolean.TRUE.equals(financing);
  }
}
