package com.leadcadence.api.representations;

import com.leadcadence.workflows.model.OptOutChannel;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/** The channels a lead asked us to stop: SMS, EMAIL, CALL (calls and voicemail drops), or ALL. */
public record OptOutBody(@NotEmpty Set<@NotNull OptOutChannel> channels) {}
