package com.leadcadence.workflows.model;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One day's opening hours in the dealership's time zone; closes after opens. */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {}
