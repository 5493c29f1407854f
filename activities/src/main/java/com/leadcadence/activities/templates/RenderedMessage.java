package com.leadcadence.activities.templates;

/** A rendered template; subject is null except for email. */
public record RenderedMessage(String subject, String body) {}
