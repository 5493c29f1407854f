package com.leadcadence.api.representations;

import java.util.List;

/** A list answer: the items, and the cursor for the next page (null on the last). */
public record ItemsPage<T>(List<T> items, String nextCursor) {}
