package com.leadcadence.store.rows;

import java.time.Instant;

/**
 * Which send attempt holds a touch: sendToken is the attempt's marker (null when none holds it),
 * claimedAt when it claimed the touch, sendingSince when the first attempt handed the message over.
 */
public record TouchClaim(long id, TouchState status, String sendToken, Instant claimedAt, Instant sendingSince) {}
