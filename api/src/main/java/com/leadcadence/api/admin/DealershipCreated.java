package com.leadcadence.api.admin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a create: the dealership's fields, and its first API key, shown this once. */
public record DealershipCreated(@JsonUnwrapped DealershipView dealership, long apiKeyId, String apiKey) {}
