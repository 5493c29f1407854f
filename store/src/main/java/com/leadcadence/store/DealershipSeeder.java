package com.leadcadence.store;

import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.rows.NewAgent;
import com.leadcadence.store.rows.NewDealership;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Inserts a dealership, its API key (hashed) and its agents once; seeding again is a no-op. */
public final class DealershipSeeder {
  private static final Logger log = LoggerFactory.getLogger(DealershipSeeder.class);

  private final Jdbi jdbi;

  public DealershipSeeder(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Returns the dealership's id: the existing one when its API key is already known. */
  public long seed(DealershipSeed seed) {
    String keyHash = ApiKeys.hash(seed.apiKey());
    return jdbi.inTransaction(handle -> {
      DealershipDao dealerships = SharedDaos.on(handle, DealershipDao.class);
      var existing = dealerships.findByApiKeyHash(keyHash);
      if (existing.isPresent()) {
        return existing.get().id();
      }
      long id = dealerships.insert(new NewDealership(seed.name(), seed.timeZone(), seed.businessHours(),
          seed.holidays(), seed.senderName(), seed.senderEmail(), seed.senderPhone(), null,
          seed.webFormCapturesConsent(), seed.firstPartySources(), seed.inboundEmail()));
      dealerships.insertApiKey(id, keyHash, "seed");
      AgentDao agents = SharedDaos.on(handle, AgentDao.class);
      for (AgentSeed agent : seed.agents()) {
        agents.insert(NewAgent.basic(id, agent.name(), agent.email(), agent.phone(), agent.role()));
      }
      log.info("Seeded dealership {} '{}' with {} agent(s)", id, seed.name(), seed.agents().size());
      return id;
    });
  }
}
