package com.leadcadence.workflows.model;

/**
 * One of a step's A/B variants: the template it sends and its weight (a lead gets it with probability
 * weight / the sum of the step's weights, see {@link com.leadcadence.workflows.plan.VariantChoice}).
 */
public record TemplateVariant(String template, int weight) {}
