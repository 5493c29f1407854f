package com.leadcadence.api.admin;

/** A new API key: its id (to revoke it later) and the key itself, shown this once. */
public record IssuedApiKey(long id, String apiKey) {}
