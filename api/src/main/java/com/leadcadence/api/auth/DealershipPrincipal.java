package com.leadcadence.api.auth;

import com.leadcadence.store.rows.DealershipRow;
import java.security.Principal;

/** The dealership an API key belongs to; every lead lookup is scoped to it. */
public record DealershipPrincipal(DealershipRow dealership) implements Principal {

  public long id() {
    return dealership.id();
  }

  @Override
  public String getName() {
    return dealership.name();
  }
}
