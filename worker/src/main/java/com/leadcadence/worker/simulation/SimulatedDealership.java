package com.leadcadence.worker.simulation;

import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.DealershipSeed;
import com.leadcadence.workflows.model.DealershipSchedule;
import com.leadcadence.workflows.schedule.BusinessHoursFormat;
import com.leadcadence.workflows.schedule.HolidayFormat;

/** The simulated leads' dealership: the demo's hours, zone and holidays. */
public final class SimulatedDealership {
  private SimulatedDealership() {}

  public static DealershipSchedule demoSchedule() {
    DealershipSeed seed = DemoDealership.SEED;
    return new DealershipSchedule(seed.timeZone(), BusinessHoursFormat.parse(seed.businessHours()),
        HolidayFormat.texts(HolidayFormat.parse(seed.holidays())));
  }
}
