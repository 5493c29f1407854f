package com.leadcadence.workflows.migration;

/** Where a running migration is: the last lead it went through (0: none yet), and how many it went through. */
public record MigrationProgress(long migrationId, long afterLeadId, long processed, boolean done) {}
