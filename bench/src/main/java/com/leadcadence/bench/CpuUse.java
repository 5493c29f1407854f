package com.leadcadence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU time used so far, in milliseconds: the whole machine's (busy time of all cores, from
 * {@code /proc/stat}), the product's JVM and the local database server's ({@code mariadbd} or
 * {@code mysqld}). The difference of two snapshots over the leads (or workflows) of a step says what one
 * costs the machine, and where: on two cores the rate a step can sustain is at most 2,000 ms / its
 * machine CPU per lead, so these figures bound the ratio to the baseline whatever the latencies do.
 * A part that cannot be read (not Linux, another user's process) is -1.
 */
record CpuUse(long machineMillis, long productMillis, long databaseMillis) {
  /** Linux reports /proc/stat in USER_HZ ticks, 100 per second on every common architecture. */
  private static final long MILLIS_PER_TICK = 10;

  static CpuUse now(Optional<ProcessHandle> product) {
    return new CpuUse(machineBusyMillis(), product.map(CpuUse::millisOf).orElse(-1L),
        databaseServer().map(CpuUse::millisOf).orElse(-1L));
  }

  /** What was used from before to this snapshot, per unit (lead or workflow); NaN where unknown. */
  Per per(CpuUse before, int units) {
    return new Per(perUnit(before.machineMillis, machineMillis, units),
        perUnit(before.productMillis, productMillis, units), perUnit(before.databaseMillis, databaseMillis, units));
  }

  /** Milliseconds of CPU per lead or workflow. */
  record Per(double machine, double product, double database) {
    /** What else ran: this benchmark (load, stand-in, the baseline's own JVM), the kernel's share of it. */
    double rest() {
      return machine - (Double.isNaN(product) ? 0 : product) - (Double.isNaN(database) ? 0 : database);
    }
  }

  private static double perUnit(long before, long after, int units) {
    return before < 0 || after < 0 || units <= 0 ? Double.NaN : (double) (after - before) / units;
  }

  static long machineBusyMillis() {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = cpu.trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...: busy = all but idle and iowait.
      long busy = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(f[i]);
        }
      }
      return busy * MILLIS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static Optional<ProcessHandle> databaseServer() {
    return ProcessHandle.allProcesses().filter(p -> p.info().command()
        .map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false)).findFirst();
  }

  private static long millisOf(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
  }
}
