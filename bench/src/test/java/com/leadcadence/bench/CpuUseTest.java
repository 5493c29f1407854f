package com.leadcadence.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuUseTest {

  @Test
  void splitsTheMachinesCpuPerUnitIntoProductDatabaseAndTheRest() {
    CpuUse before = new CpuUse(10_000, 4_000, 1_000);
    CpuUse after = new CpuUse(12_000, 5_200, 1_300);

    CpuUse.Per per = after.per(before, 20);

    assertEquals(100, per.machine());
    assertEquals(60, per.product());
    assertEquals(15, per.database());
    assertEquals(25, per.rest());
  }

  @Test
  void aPartThatCouldNotBeReadIsUnknownNotZero() {
    CpuUse.Per per = new CpuUse(2_000, -1, 500).per(new CpuUse(1_000, -1, 400), 10);

    assertTrue(Double.isNaN(per.product()));
    assertEquals(10, per.database());
    assertEquals(90, per.rest(), "the rest leaves out only what is known");
  }

  @Test
  void readsThisJvmsAndTheMachinesCpuOnLinux() {
    CpuUse before = CpuUse.now(Optional.of(ProcessHandle.current()));
    long spinUntil = System.nanoTime() + 300_000_000L;
    long x = 0;
    while (System.nanoTime() < spinUntil) {
      x += System.nanoTime() % 7;
    }
    CpuUse after = CpuUse.now(Optional.of(ProcessHandle.current()));

    assertTrue(x >= 0);
    assertTrue(after.productMillis() - before.productMillis() >= 200, before + " -> " + after);
    assertTrue(after.machineMillis() - before.machineMillis() >= 200, before + " -> " + after);
  }
}
