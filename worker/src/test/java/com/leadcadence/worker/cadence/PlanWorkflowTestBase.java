package com.leadcadence.worker.cadence;

import static com.leadcadence.worker.cadence.CadenceHarness.chicago;

import com.leadcadence.store.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of plan files through the real workflow share: a test database per class, a harness per
 * test (closed after it), a directory for the plan files the test writes, a Monday morning start.
 */
abstract class PlanWorkflowTestBase {
  /** Monday 2026-11-23, 10:00 in Chicago: the dealership (MON-SAT 09:00-20:00) is open. */
  static final Instant MONDAY_10AM = chicago("2026-11-23T10:00");
  static final int GRADE_B = 60;

  static TestDatabase db;
  CadenceHarness harness;
  @TempDir Path plans;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @AfterEach
  void closeHarness() {
    if (harness != null) {
      harness.close();
    }
  }
}
