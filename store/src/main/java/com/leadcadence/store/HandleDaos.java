package com.leadcadence.store;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The DAOs one piece of work uses, all on one handle (one pooled connection). Why not an on-demand DAO
 * for each call on hot paths: each call would take a connection from the pool and end its own
 * transaction; here the reads and writes of one step share a connection, and a transaction when asked.
 * The DAOs are {@link SharedDaos}, so none is attached again for the piece of work.
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
    return type.cast(attached.computeIfAbsent(type, t -> SharedDaos.on(handle, t)));
  }

  /** Work in one transaction on this handle, with the same (already attached) DAOs. */
  public <R> R inTransaction(Function<HandleDaos, R> work) {
    return handle.inTransaction(h -> work.apply(this));
  }
}
