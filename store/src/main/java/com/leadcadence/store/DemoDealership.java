package com.leadcadence.store;

import com.leadcadence.store.rows.AgentRole;
import java.util.List;

/** The invented dealership the dev mode seeds, so a new user can post a lead right away. */
public final class DemoDealership {

  public static final String API_KEY = "demo-key";

  public static final DealershipSeed SEED =
      new DealershipSeed(
          "Lakeside Motors",
          "America/Chicago",
          "MON-SAT 09:00-20:00",
          // No date of the cadence tests' November-December 2026 runs: they expect ordinary days.
          "01-01; last MON of MAY; 07-04; 12-25",
          "Lakeside Motors Sales",
          "sales@lakeside-motors.example",
          "+13125550100",
          true,
          "website,chat",
          "lakeside-motors@inbound.leadcadence.example",
          API_KEY,
          List.of(
              new AgentSeed("Maria Alvarez", "maria.alvarez@lakeside-motors.example", "+13125550111",
                  AgentRole.AGENT),
              new AgentSeed("Dev Patel", "dev.patel@lakeside-motors.example", "+13125550112",
                  AgentRole.AGENT),
              new AgentSeed("Karen Olsen", "karen.olsen@lakeside-motors.example", "+13125550120",
                  AgentRole.MANAGER)));

  private DemoDealership() {}
}
