package com.leadcadence.workflows.model;

/**
 * One of a step's A/B timings: when the step is due for the leads that get it, and its weight (a lead gets it
 * with probability weight / the sum of the step's weights, see
 * {@link com.leadcadence.workflows.plan.StepTimings}). Never anchored at receipt (the plan validator refuses it).
 */
public record TimingVariant(StepTiming timing, int weight) {}
