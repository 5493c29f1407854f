package com.leadcadence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.store.testing.TestLeads;
import com.leadcadence.workflows.model.LeadStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DAOs attached once and run on the caller's handle: same answers and transactions as JDBI's own attach. */
class SharedDaosTest {
  private static TestDatabase db;
  private static Jdbi jdbi;
  private static long dealershipId;
  private static final ConcurrentLinkedQueue<String> statements = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    jdbi.setSqlLogger(new SqlLogger() {
      @Override
      public void logBeforeExecution(StatementContext context) {
        statements.add(context.getRenderedSql());
      }
    });
    dealershipId = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void runsOnTheGivenHandleInsideItsTransaction() {
    String externalId = "shared-rollback";
    long id = jdbi.inTransaction(handle -> {
      long inserted = SharedDaos.on(handle, LeadDao.class).insert(TestLeads.jane(dealershipId, externalId, null));
      assertTrue(SharedDaos.on(handle, LeadDao.class).findById(inserted).isPresent(), "visible in its transaction");
      handle.rollback();
      return inserted;
    });
    assertTrue(SharedDaos.onDemand(jdbi, LeadDao.class).findById(id).isEmpty(), "rolled back with the handle");
  }

  @Test
  void mapsRowsNamesStatementsAndRunsDefaultMethodsWithTheirNestedDaos() {
    LeadDao leads = SharedDaos.onDemand(jdbi, LeadDao.class);
    long id = leads.insert(TestLeads.jane(dealershipId, "shared-default", null));
    statements.clear();
    LeadRow row = leads.findById(id).orElseThrow();
    assertEquals("shared-default", row.externalId());
    assertTrue(statements.stream().anyMatch(sql -> sql.startsWith("/* LeadDao.findById */ ")), statements::toString);

    // updateStatus is a @Transaction default method: it locks the row, sets the status and asks
    // LeadEventDao (attached from inside it) for the event's subject, all on one handle.
    statements.clear();
    assertEquals(1, leads.updateStatus(id, LeadStatus.LOST));
    assertEquals(LeadStatus.LOST, leads.findById(id).orElseThrow().status());
    List<String> names = statements.stream().map(sql -> sql.substring(0, sql.indexOf(" */") + 3)).toList();
    assertEquals(List.of("/* LeadDao.lockStatus */", "/* LeadDao.setStatus */", "/* LeadEventDao.subject */",
        "/* LeadDao.findById */"), names);
  }

  @Test
  void attachesEachDaoOncePerJdbi() {
    Jdbi own = StoreJdbi.configure(Jdbi.create(db.dataSource()));
    LeadDao leads = SharedDaos.onDemand(own, LeadDao.class);
    long id = leads.insert(TestLeads.jane(dealershipId, "shared-once", null));
    own.getConfig(Extensions.class).setAllowProxy(false); // from here on, any new attach throws
    assertThrows(IllegalStateException.class, () -> own.withHandle(h -> h.attach(LeadDao.class)));
    assertEquals("shared-once", leads.findById(id).orElseThrow().externalId());
    assertEquals("shared-once", own.withHandle(h -> SharedDaos.on(h, LeadDao.class).findById(id))
        .orElseThrow().externalId());
  }

  @Test
  void oneAttachmentServesManyThreadsEachOnItsOwnHandle() throws Exception {
    LeadDao leads = SharedDaos.onDemand(jdbi, LeadDao.class);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            String externalId = "shared-thread-" + thread + "-" + i;
            long id = jdbi.inTransaction(h -> SharedDaos.on(h, LeadDao.class)
                .insert(TestLeads.jane(dealershipId, externalId, null)));
            if (!leads.findById(id).orElseThrow().externalId().equals(externalId)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
    int inserted = jdbi.withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM leads WHERE external_id LIKE 'shared-thread-%'")
        .mapTo(Integer.class).one());
    assertEquals(200, inserted);
  }
}
