package com.leadcadence.activities;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.testing.TestLeads;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.activities.TouchRequest;
import com.leadcadence.workflows.model.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Shared set-up: the repo's templates and leads with the contact details a test needs. */
final class ActivitiesTestSupport {
  static final Instant T0 = Instant.parse("2025-03-03T15:00:00.250Z");

  private ActivitiesTestSupport() {}

  static MessageTemplates repoTemplates() {
    return new MessageTemplates(Path.of("..", "config", "templates"));
  }

  static long newLead(Jdbi jdbi, long dealershipId, String externalId, String email, String phone, Long agentId) {
    LeadDao leads = jdbi.onDemand(LeadDao.class);
    long id = leads.insert(TestLeads.lead(dealershipId, externalId, email, phone, agentId));
    leads.setWorkflowId(id, WorkflowIds.forLead(id));
    leads.markStartedIfStarting(id);
    return id;
  }

  static TouchRequest request(long leadId, long dealershipId, int step, Channel channel, String templateId,
      Long agentId, Duration callSla) {
    return new TouchRequest(leadId, dealershipId, WorkflowIds.forLead(leadId), step, channel.name().toLowerCase()
        + "-" + step, channel, templateId, T0.plusSeconds(step), agentId, callSla);
  }
}
