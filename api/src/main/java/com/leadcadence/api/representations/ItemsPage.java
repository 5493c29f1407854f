package com.leadcadence.api.representations;

import java.util.List;
import java.util.function.Function;

/** A list answer: the items, and the cursor for the next page (null on the last). */
public record ItemsPage<T>(List<T> items, String nextCursor) {

  /**
   * The page of a keyset query that fetched up to limit + 1 rows: the extra row only tells that another
   * page follows, and the next cursor is the position after this page's last item.
   */
  public static <R, T> ItemsPage<T> fromRows(
      List<R> rows, int limit, Function<R, String> cursorAfter, Function<R, T> view) {
    boolean more = rows.size() > limit;
    List<R> items = more ? rows.subList(0, limit) : rows;
    return new ItemsPage<>(items.stream().map(view).toList(),
        more ? cursorAfter.apply(items.get(items.size() - 1)) : null);
  }
}
