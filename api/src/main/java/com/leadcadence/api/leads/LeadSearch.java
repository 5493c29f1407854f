package com.leadcadence.api.leads;

import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.paging.KeysetCursor;
import com.leadcadence.api.representations.ItemsPage;
import com.leadcadence.api.representations.LeadDetails;
import com.leadcadence.store.dao.LeadSearchDao;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.search.LeadSearchCriteria;
import java.time.ZoneId;

/**
 * Lead search for CRMs: keyset pages of the caller's dealership's leads, newest first, or in change
 * order with updatedSince so that a CRM can poll. Only the dealership key or a manager's token may list
 * leads; the dealership comes from the credential, never from a parameter.
 */
public final class LeadSearch {
  private final LeadSearchDao leads;

  public LeadSearch(LeadSearchDao leads) {
    this.leads = leads;
  }

  public ItemsPage<LeadDetails> search(DealershipPrincipal caller, LeadSearchQuery.Parameters parameters) {
    DealershipRow dealership = caller.requireDealershipScope().dealership();
    LeadSearchQuery query = LeadSearchQuery.read(dealership.id(), ZoneId.of(dealership.timeZone()), parameters);
    boolean newestFirst = query.criteria().order() == LeadSearchCriteria.Order.NEWEST_FIRST;
    return ItemsPage.fromRows(leads.search(query.criteria()), query.limit(),
        row -> position(row, newestFirst).encode(query.scope()), LeadDetails::of);
  }

  private static KeysetCursor position(LeadRow row, boolean newestFirst) {
    return new KeysetCursor(newestFirst ? row.createdAt() : row.updatedAt(), row.id());
  }
}
