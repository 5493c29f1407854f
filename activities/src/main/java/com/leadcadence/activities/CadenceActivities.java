package com.leadcadence.activities;

import com.leadcadence.activities.notify.AgentNotifier;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.activities.templates.UnsubscribeUrls;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.dao.OptOutDao;
import com.leadcadence.workflows.activities.LeadRecordActivities;
import com.leadcadence.workflows.activities.ProviderTimeouts;
import com.leadcadence.workflows.activities.TaskActivities;
import com.leadcadence.workflows.activities.TouchActivities;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The cadence's activity implementations, built by hand from their collaborators, for the worker to
 * register: {@code worker.registerActivitiesImplementations(activities.implementations())}.
 */
public record CadenceActivities(TouchActivities touch, LeadRecordActivities leadRecord, TaskActivities task) {

  /** jdbi must be configured with StoreJdbi.configure. */
  public static CadenceActivities create(
      Jdbi jdbi, Senders senders, MessageTemplates templates, AgentNotifier notifier, MeterRegistry meters) {
    return create(jdbi, senders, templates, notifier, UnsubscribeUrls.NONE, meters);
  }

  /** With a link to the lead's unsubscribe page in every email. */
  public static CadenceActivities create(Jdbi jdbi, Senders senders, MessageTemplates templates,
      AgentNotifier notifier, UnsubscribeUrls unsubscribeUrls, MeterRegistry meters) {
    return create(jdbi, senders, templates, notifier, unsubscribeUrls,
        ProviderTimeouts.sendAttempt(ProviderTimeouts.MAX_ANSWER), Clock.systemUTC(), meters);
  }

  /** clock: what the send activity checks the contact window against (a test's server time in tests). */
  public static CadenceActivities create(Jdbi jdbi, Senders senders, MessageTemplates templates,
      AgentNotifier notifier, UnsubscribeUrls unsubscribeUrls, Clock clock, MeterRegistry meters) {
    return create(jdbi, senders, templates, notifier, unsubscribeUrls,
        ProviderTimeouts.sendAttempt(ProviderTimeouts.MAX_ANSWER), clock, meters);
  }

  /**
   * sendAttemptLimit: how long a send attempt can live at worst with the provider clients' configured
   * answer timeout ({@link ProviderTimeouts#sendAttempt}); a touch left SENDING for longer belongs to an
   * attempt that died (a killed worker) and the next attempt takes it over.
   */
  public static CadenceActivities create(Jdbi jdbi, Senders senders, MessageTemplates templates,
      AgentNotifier notifier, UnsubscribeUrls unsubscribeUrls, Duration sendAttemptLimit, MeterRegistry meters) {
    return create(jdbi, senders, templates, notifier, unsubscribeUrls, sendAttemptLimit, Clock.systemUTC(), meters);
  }

  public static CadenceActivities create(Jdbi jdbi, Senders senders, MessageTemplates templates,
      AgentNotifier notifier, UnsubscribeUrls unsubscribeUrls, Duration sendAttemptLimit, Clock clock,
      MeterRegistry meters) {
    OptOutRegistry optOuts = new OptOutRegistry(SharedDaos.onDemand(jdbi, OptOutDao.class));
    return new CadenceActivities(
        new TouchActivitiesImpl(jdbi, senders, templates, optOuts, notifier, unsubscribeUrls, sendAttemptLimit,
            clock, meters),
        new LeadRecordActivitiesImpl(jdbi, notifier),
        new TaskActivitiesImpl(jdbi, notifier, meters));
  }

  /** For registerActivitiesImplementations(Object...). */
  public Object[] implementations() {
    return new Object[] {touch, leadRecord, task};
  }
}
