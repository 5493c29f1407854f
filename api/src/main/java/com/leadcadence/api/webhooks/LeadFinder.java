package com.leadcadence.api.webhooks;

import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Finds the leads a provider event is about: by the dealership's number, by address, or by id. */
public final class LeadFinder {
  private final DealershipDao dealerships;
  private final LeadDao leads;

  public LeadFinder(Jdbi jdbi) {
    this.dealerships = SharedDaos.onDemand(jdbi, DealershipDao.class);
    this.leads = SharedDaos.onDemand(jdbi, LeadDao.class);
  }

  /** The dealerships texting from this number: an inbound text's To. */
  public List<DealershipRow> dealershipsBySenderPhone(String phone) {
    return phone == null || phone.isBlank() ? List.of() : dealerships.listBySenderPhone(phone.strip());
  }

  public Optional<DealershipRow> dealership(long id) {
    return dealerships.findById(id);
  }

  public Optional<LeadRow> lead(long id) {
    return leads.findById(id);
  }

  /** The dealership's leads with this phone whose cadence still runs, newest first. */
  public List<LeadRow> runningByPhone(long dealershipId, String phone) {
    return leads.listByPhone(dealershipId, phone.strip()).stream().filter(LeadFinder::running).toList();
  }

  /** The dealership's leads with this email whose cadence still runs, newest first. */
  public List<LeadRow> runningByEmail(long dealershipId, String email) {
    return leads.listByEmail(dealershipId, email.strip().toLowerCase(Locale.ROOT)).stream()
        .filter(LeadFinder::running).toList();
  }

  private static boolean running(LeadRow lead) {
    return !lead.status().isTerminal();
  }
}
