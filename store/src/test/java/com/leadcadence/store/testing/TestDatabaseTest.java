package com.leadcadence.store.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.store.Migrations;
import org.junit.jupiter.api.Test;

/** Run with -Dleadcadence.test.forceEmbeddedDb=true to exercise the embedded fallback. */
class TestDatabaseTest {

  private static boolean exists(TestDatabase probe, String name) {
    return probe.jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = :name")
        .bind("name", name).mapTo(Integer.class).one()) == 1;
  }

  @Test
  void createsAMigratedDatabaseAndDropsItOnClose() {
    boolean forced = Boolean.getBoolean(TestDatabase.FORCE_EMBEDDED_PROPERTY);
    try (TestDatabase probe = TestDatabase.create()) {
      String name;
      try (TestDatabase db = TestDatabase.create()) {
        name = db.databaseName();
        assertTrue(name.matches("lc_test_[0-9a-f]{8}"), name);
        assertEquals(0, Migrations.migrate(db.dataSource()), "already migrated");
        int tables = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_name IN ('leads', 'touches', 'tasks', 'opt_outs')")
            .mapTo(Integer.class).one());
        assertEquals(4, tables);
        assertTrue(exists(probe, name));
      }
      assertFalse(exists(probe, name));
      if (forced) {
        assertTrue(TestDatabase.usesEmbeddedServer());
      }
    }
  }

  @Test
  void ensureDatabaseExistsCreatesAMissingDatabase() {
    try (TestDatabase probe = TestDatabase.create()) {
      String name = probe.databaseName() + "_x";
      String url = probe.jdbcUrl() + "_x?connectTimeout=5000";
      Migrations.ensureDatabaseExists(url, probe.user(), probe.password());
      Migrations.ensureDatabaseExists(url, probe.user(), probe.password());
      assertTrue(exists(probe, name));
      probe.jdbi().useHandle(h -> h.execute("DROP DATABASE `" + name + "`"));
    }
  }
}
