package com.leadcadence.api.history;

import java.util.List;

/** A page of history lines, oldest first; nextPageToken (null at the end of the history so far) asks for the next. */
public record HistoryPage(List<HistoryLine> items, String nextPageToken) {}
