package com.leadcadence.api.agents;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.intake.EmailAddresses;
import com.leadcadence.api.leads.LeadReassignment;
import com.leadcadence.store.ApiKeys;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.rows.AgentNotify;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.NewAgent;
import com.leadcadence.workflows.schedule.BusinessHoursFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A dealership's agents and managers: create, edit, issue tokens, deactivate. No HTTP in here. */
public final class AgentService {
  private static final Logger LOG = LoggerFactory.getLogger(AgentService.class);
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private final AgentDao agents;
  private final LeadReassignment reassignment;

  public AgentService(AgentDao agents, LeadReassignment reassignment) {
    this.agents = agents;
    this.reassignment = reassignment;
  }

  public List<AgentView> list(DealershipRow dealership) {
    return agents.listAll(dealership.id()).stream().map(AgentView::of).toList();
  }

  public AgentView get(DealershipRow dealership, long id) {
    return AgentView.of(find(dealership, id));
  }

  public AgentView create(DealershipRow dealership, AgentBody body) {
    if (body.name() == null || body.name().isBlank()) {
      throw ApiException.invalid("name", "is required");
    }
    if (body.role() == null) {
      throw ApiException.invalid("role", "is required (AGENT or MANAGER)");
    }
    AgentRow draft = new AgentRow(0, dealership.id(), null, null, null, body.role(), null, AgentNotify.NONE,
        NewAgent.DEFAULT_MAX_OPEN_TASKS, true, null, true, null);
    AgentRow agent = validated(merge(draft, body));
    long id = agents.insert(new NewAgent(dealership.id(), agent.name(), agent.email(), agent.phone(), agent.role(),
        agent.shiftHours(), agent.notifyBy(), agent.maxOpenTasks(), agent.available()));
    LOG.info("Agent {} created ({})", id, agent.role());
    return get(dealership, id);
  }

  public AgentView update(DealershipRow dealership, long id, AgentBody body) {
    AgentRow agent = validated(merge(find(dealership, id), body));
    agents.update(agent);
    LOG.info("Agent {} updated", id);
    return get(dealership, id);
  }

  /** A new token for the agent, shown once; earlier ones stay valid until revoked. */
  public String issueToken(DealershipRow dealership, long id) {
    AgentRow agent = find(dealership, id);
    if (!agent.active()) {
      throw ApiException.conflict("agent " + id + " is deactivated");
    }
    String token = ApiKeys.generate();
    agents.insertToken(agent.id(), ApiKeys.hash(token));
    LOG.info("Token issued to agent {}", id);
    return token;
  }

  public int revokeTokens(DealershipRow dealership, long id) {
    return agents.revokeTokens(find(dealership, id).id());
  }

  /** The agent stops working: tokens revoked, open tasks and running leads move to others by the rule. */
  public AgentView deactivate(DealershipRow dealership, long id) {
    AgentRow agent = find(dealership, id);
    agents.setActive(dealership.id(), id, false);
    agents.revokeTokens(id);
    int moved = reassignment.moveWorkOf(dealership, agent);
    LOG.info("Agent {} deactivated; {} open task(s) moved", id, moved);
    return get(dealership, id);
  }

  private AgentRow find(DealershipRow dealership, long id) {
    return agents.findById(dealership.id(), id).orElseThrow(() -> ApiException.notFound("agent " + id));
  }

  private static AgentRow merge(AgentRow a, AgentBody b) {
    return new AgentRow(a.id(), a.dealershipId(),
        b.name() != null ? b.name().strip() : a.name(),
        b.email() != null ? blankToNull(b.email()) : a.email(),
        b.phone() != null ? blankToNull(b.phone()) : a.phone(),
        b.role() != null ? b.role() : a.role(),
        b.shiftHours() != null ? blankToNull(b.shiftHours()) : a.shiftHours(),
        b.notifyBy() != null ? b.notifyBy() : a.notifyBy(),
        b.maxOpenTasks() != null ? b.maxOpenTasks() : a.maxOpenTasks(),
        b.available() != null ? b.available() : a.available(),
        a.lastAssignedAt(), a.active(), a.createdAt());
  }

  private static AgentRow validated(AgentRow a) {
    if (a.name() == null || a.name().isBlank()) {
      throw ApiException.invalid("name", "must not be blank");
    }
    String email = a.email();
    if (email != null) {
      email = EmailAddresses.normalise(email)
          .orElseThrow(() -> ApiException.invalid("email", "is not a valid email address"));
    }
    if (a.phone() != null && !E164.matcher(a.phone()).matches()) {
      throw ApiException.invalid("phone", "must be in E.164 form, e.g. +13125550111");
    }
    if (a.shiftHours() != null) {
      try {
        BusinessHoursFormat.parse(a.shiftHours());
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("shiftHours", e.getMessage());
      }
    }
    if (a.notifyBy() == AgentNotify.SMS && a.phone() == null) {
      throw ApiException.invalid("notify", "SMS notifications need the agent's phone");
    }
    if (a.notifyBy() == AgentNotify.EMAIL && email == null) {
      throw ApiException.invalid("notify", "EMAIL notifications need the agent's email");
    }
    return new AgentRow(a.id(), a.dealershipId(), a.name(), email, a.phone(), a.role(), a.shiftHours(),
        a.notifyBy(), a.maxOpenTasks(), a.available(), a.lastAssignedAt(), a.active(), a.createdAt());
  }

  private static String blankToNull(String s) {
    return s.isBlank() ? null : s.strip();
  }
}
