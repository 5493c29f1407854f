package com.leadcadence.workflows.activities;

/** stillToDo false: the task was done, cancelled or is unknown, and needs no more watching. */
public record OverdueResult(boolean stillToDo) {}
