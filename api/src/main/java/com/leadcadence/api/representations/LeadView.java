package com.leadcadence.api.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.leadcadence.workflows.model.LeadState;
import java.util.List;

/**
 * One lead as GET shows it: the row (MySQL's view), the workflow's live state (or why it could not be
 * read), and its touches oldest first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadView(LeadDetails lead, LeadState state, String stateError, List<TouchView> touches) {}
