package com.leadcadence.store;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The DAOs one piece of work uses, attached to one handle (one pooled connection), each at most once and
 * only when first asked for. Why not {@code jdbi.onDemand(Dao.class)} on hot paths: every call of an
 * on-demand DAO opens a handle and attaches the whole DAO again, and JDBI warms a handler for every
 * method of the interface on each attach (a configuration copy and statement customizers per method:
 * TouchDao has 33). The speed-to-lead benchmark's profile had on-demand calls at 26 % of the product's
 * CPU samples, half of it attaching. Here a DAO used three times in one activity call is attached once.
 *
 * <p>Use it for a short stretch of database work (never around a provider call or a Temporal call, which
 * would hold a pooled connection while it waits): {@code HandleDaos.with(jdbi, daos -> ...)}.
 */
public final class HandleDaos {
  private final Handle handle;
  private final Map<Class<?>, Object> attached = new HashMap<>();

  public HandleDaos(Handle handle) {
    this.handle = handle;
  }

  /** Runs work with one handle (closed afterwards); a transaction inside it uses {@link #inTransaction}. */
  public static <R> R with(Jdbi jdbi, Function<HandleDaos, R> work) {
    return jdbi.withHandle(handle -> work.apply(new HandleDaos(handle)));
  }

  /** The DAO of this type on this handle, attached the first time it is asked for. */
  public <T> T get(Class<T> type) {
    return type.cast(attached.computeIfAbsent(type, handle::attach));
  }

  /** Work in one transaction on this handle, with the same (already attached) DAOs. */
  public <R> R inTransaction(Function<HandleDaos, R> work) {
    return handle.inTransaction(h -> work.apply(this));
  }
}
