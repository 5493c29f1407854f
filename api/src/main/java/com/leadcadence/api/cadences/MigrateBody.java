package com.leadcadence.api.cadences;

/**
 * POST /v1/cadences/{name}/migrate: move the running leads on fromVersion to toVersion (dryRun: only list
 * what would happen). leadsPerSecond (optional, 1 to 100, default 20): how fast the leads are asked.
 */
public record MigrateBody(Integer fromVersion, Integer toVersion, Boolean dryRun, Double leadsPerSecond) {}
