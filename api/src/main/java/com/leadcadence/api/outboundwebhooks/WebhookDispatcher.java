package com.leadcadence.api.outboundwebhooks;

import com.leadcadence.api.DaemonThreads;
import com.leadcadence.store.dao.LeadEventDao;
import com.leadcadence.store.dao.WebhookDeliveryDao;
import com.leadcadence.store.dao.WebhookSubscriptionDao;
import com.leadcadence.store.rows.DeliveryStatus;
import com.leadcadence.store.rows.LeadEventRow;
import com.leadcadence.store.rows.WebhookDeliveryRow;
import com.leadcadence.store.rows.WebhookSubscriptionRow;
import com.leadcadence.workflows.webhooks.PendingDelivery;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans the outbox (lead_events) out to the subscriptions: every interval, each event not yet dispatched
 * gets one delivery row per matching subscription (unique per subscription and event, so an event
 * dispatched twice is delivered once) and is signalled to that lead's delivery workflow, then marked
 * dispatched. Oldest first, and one replica at a time (a database lock), so a lead's events reach its
 * workflow in order. A failure (Temporal or the database away) leaves the rest for the next pass. With
 * the in-memory embedded Temporal server, which forgets its workflows on restart, the first pass also
 * hands every PENDING delivery to its workflow again.
 */
public final class WebhookDispatcher implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final int PAGE = 200;

  private final LeadEventDao events;
  private final WebhookSubscriptionDao subscriptions;
  private final WebhookDeliveryDao deliveries;
  private final DeliveryWorkflows workflows;
  private final Duration interval;
  private final Duration giveUpAfter;
  private final boolean resendPendingAtStart;
  private final Clock clock;
  private final ScheduledExecutorService executor = DaemonThreads.scheduled("webhook-dispatcher");
  private volatile boolean pendingResent;

  public WebhookDispatcher(LeadEventDao events, WebhookSubscriptionDao subscriptions, WebhookDeliveryDao deliveries,
      DeliveryWorkflows workflows, Duration interval, Duration giveUpAfter, boolean resendPendingAtStart,
      Clock clock) {
    this.events = events;
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.workflows = workflows;
    this.interval = interval;
    this.giveUpAfter = giveUpAfter;
    this.resendPendingAtStart = resendPendingAtStart;
    this.clock = clock;
  }

  @Override
  public void start() {
    executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    executor.shutdownNow();
  }

  /** One pass; never throws (a failure would end the schedule). */
  private void runOnce() {
    if (!workflows.available()) {
      return;
    }
    try {
      events.whileHoldingDispatchLock(this::pass);
    } catch (RuntimeException e) {
      LOG.warn("Could not dispatch webhook events (retrying in {} ms): {}", interval.toMillis(), e.getMessage());
    }
  }

  private void pass() {
    if (resendPendingAtStart && !pendingResent) {
      resendPending();
      pendingResent = true;
    }
    dispatchNew();
  }

  /** Dispatches every event not dispatched yet; returns how many. */
  int dispatchNew() {
    Map<Long, List<WebhookSubscriptionRow>> byDealership = new HashMap<>();
    int dispatched = 0;
    int handed = 0;
    List<LeadEventRow> page;
    do {
      page = events.undispatched(PAGE);
      for (LeadEventRow event : page) {
        for (WebhookSubscriptionRow subscription : byDealership.computeIfAbsent(event.dealershipId(),
            subscriptions::listLive)) {
          if (subscription.wants(event.type()) && !subscription.createdAt().isAfter(event.occurredAt())) {
            WebhookDeliveryRow delivery = deliveries.insertIfAbsent(subscription.id(), event.id(), event.leadId(),
                clock.instant().plus(giveUpAfter));
            if (delivery.status() == DeliveryStatus.PENDING) {
              workflows.enqueue(subscription.id(), event.leadId(),
                  new PendingDelivery(delivery.id(), event.id(), delivery.giveUpAt()));
              handed++;
            }
          }
        }
        events.markDispatched(event.id());
        dispatched++;
      }
    } while (page.size() == PAGE && !Thread.currentThread().isInterrupted());
    if (handed > 0) {
      LOG.info("Dispatched {} lead event(s): {} webhook delivery(ies) handed to their workflows", dispatched, handed);
    }
    return dispatched;
  }

  private void resendPending() {
    int resent = 0;
    long afterId = 0;
    List<WebhookDeliveryRow> page;
    do {
      page = deliveries.pending(afterId, PAGE);
      for (WebhookDeliveryRow delivery : page) {
        afterId = delivery.id();
        workflows.enqueue(delivery.subscriptionId(), delivery.leadId(),
            new PendingDelivery(delivery.id(), delivery.eventId(), delivery.giveUpAt()));
        resent++;
      }
    } while (page.size() == PAGE && !Thread.currentThread().isInterrupted());
    if (resent > 0) {
      LOG.info("Handed {} pending webhook delivery(ies) to their workflows again after the start", resent);
    }
  }
}
