package com.leadcadence.api.representations;

import jakarta.validation.constraints.Size;

/** Why a cadence is paused or resumed; the body is optional. */
public record PauseBody(@Size(max = 500) String reason) {}
