package com.leadcadence.workflows.model;

/** A provider told us after the fact that a channel cannot reach this lead (hard bounce, landline). */
public record ChannelFailure(Channel channel, String reason) {}
