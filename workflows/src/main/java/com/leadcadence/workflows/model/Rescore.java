package com.leadcadence.workflows.model;

/** A new 100-point score from the CRM; the grade follows from it. */
public record Rescore(int score) {}
