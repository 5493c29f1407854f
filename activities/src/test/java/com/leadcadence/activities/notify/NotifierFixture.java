package com.leadcadence.activities.notify;

import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.rows.AgentNotify;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.NewAgent;
import com.leadcadence.store.rows.NewTask;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.testing.TestLeads;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo dealership (Chicago, MON-SAT 09:00-20:00) at Monday 2025-03-03 10:00 local, its agents as
 * the tests need them, Jane Doe's lead and her tasks; the notifier over real DAOs and the repo's templates.
 */
public final class NotifierFixture {
  /** Monday 10:00 in Chicago (CST, UTC-6): inside the dealership's hours. */
  public static final Instant NOW = Instant.parse("2025-03-03T16:00:00Z");
  public static final String DEALER_NUMBER = "+13125550100";
  public static final String AGENT_PAGE = "https://leads.lakeside-motors.example/agent/";
  /** Afternoons only: off shift at NOW. */
  public static final String AFTERNOONS = "MON-FRI 13:00-17:00";

  public final Jdbi jdbi;
  public final long dealershipId;
  private int counter;

  public NotifierFixture(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.dealershipId = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
  }

  public SendingAgentNotifier notifier(Senders senders) {
    return new SendingAgentNotifier(jdbi.onDemand(AgentDao.class), jdbi.onDemand(DealershipDao.class),
        jdbi.onDemand(LeadDao.class), senders, new MessageTemplates(Path.of("..", "config", "templates")),
        Clock.fixed(NOW, ZoneOffset.UTC), AGENT_PAGE);
  }

  /** An active, available person; shiftHours null means the dealership's hours. */
  public AgentRow person(String name, AgentRole role, AgentNotify notifyBy, String phone, String shiftHours) {
    AgentDao agents = jdbi.onDemand(AgentDao.class);
    String email = name.toLowerCase().replace(' ', '.') + "@lakeside-motors.example";
    long id = agents.insert(new NewAgent(dealershipId, name, email, phone, role, shiftHours, notifyBy,
        NewAgent.DEFAULT_MAX_OPEN_TASKS, true));
    return agents.findById(dealershipId, id).orElseThrow();
  }

  public LeadRow jane(Long agentId) {
    LeadDao leads = jdbi.onDemand(LeadDao.class);
    long id = leads.insert(TestLeads.jane(dealershipId, "notify-" + (++counter) + "-" + System.nanoTime(), agentId));
    return leads.findById(id).orElseThrow();
  }

  /** The lead's second call attempt, due in 5 minutes, for the agent. */
  public TaskRow callTask(LeadRow lead, long agentId) {
    return jdbi.onDemand(TaskDao.class).create(new NewTask(dealershipId, lead.id(), agentId, null, TaskKind.CALL, 2,
        "Hi Jane, this is Maria from Lakeside Motors.", null, NOW.plus(Duration.ofMinutes(5)), NOW, null));
  }
}
