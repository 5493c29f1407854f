package com.leadcadence.workflows.migration;

/** The migration an activity works on. */
public record MigrationRef(long migrationId) {}
