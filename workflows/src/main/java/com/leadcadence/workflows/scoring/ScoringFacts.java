package com.leadcadence.workflows.scoring;

import com.leadcadence.workflows.model.Timeframe;

/**
 * What intake knows about a lead that bears on its score. localArea: the lead is in the dealership's
 * market (same time zone, as a first approximation). specificVehicle: a VIN, a stock number, or year,
 * make and model; vehicleInterest: at least a make or model.
 */
public record ScoringFacts(
    boolean localArea,
    Timeframe timeframe,
    boolean specificVehicle,
    boolean vehicleInterest,
    boolean financing,
    boolean tradeIn,
    boolean firstPartySource,
    boolean hasEmail,
    boolean hasPhone) {}
