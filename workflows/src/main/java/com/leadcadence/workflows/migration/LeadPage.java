package com.leadcadence.workflows.migration;

/** The next running leads of the dealership on planName at version, by id after afterLeadId. */
public record LeadPage(long dealershipId, String planName, int version, long afterLeadId, int limit) {}
