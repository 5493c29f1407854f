package com.leadcadence.workflows.plan;

import com.leadcadence.workflows.model.Channel;

/** A message template a plan needs: checked at startup so a missing one never surfaces on day 14. */
public record TemplateRef(Channel channel, String templateId) {}
