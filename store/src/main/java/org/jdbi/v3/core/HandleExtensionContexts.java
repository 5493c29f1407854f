package org.jdbi.v3.core;

import org.jdbi.v3.core.extension.ExtensionContext;

/**
 * The one door into JDBI's package that Lead Cadence needs: setting the extension context of a handle,
 * which JDBI keeps package-private ({@code Handle.acceptExtensionContext}) for its own handle suppliers.
 * {@link com.leadcadence.store.SharedDaos} attaches each DAO once and runs it on whichever handle the
 * calling thread works on; a statement then needs the calling method's configuration (its mappers and its
 * name) on that handle, exactly as JDBI's own suppliers set it. Pinned by {@code SharedDaosTest}: a JDBI
 * upgrade that changes this method fails the build there.
 */
public final class HandleExtensionContexts {
  private HandleExtensionContexts() {}

  /** Makes {@code context} the handle's current one; {@code null} restores the handle's default. */
  public static void enter(Handle handle, ExtensionContext context) {
    handle.acceptExtensionContext(context);
  }
}
