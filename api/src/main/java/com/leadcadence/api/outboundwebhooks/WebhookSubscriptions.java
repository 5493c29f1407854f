package com.leadcadence.api.outboundwebhooks;

import com.leadcadence.activities.webhooks.ReceiverAddresses;
import com.leadcadence.activities.webhooks.WebhookSignature;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.representations.ItemsPage;
import com.leadcadence.store.dao.WebhookDeliveryDao;
import com.leadcadence.store.dao.WebhookSubscriptionDao;
import com.leadcadence.store.rows.DeliveryStatus;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadEventType;
import com.leadcadence.store.rows.WebhookDeliveryRow;
import com.leadcadence.store.rows.WebhookSubscriptionRow;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A dealership's webhook subscriptions and their deliveries; every lookup is scoped to the dealership. */
public final class WebhookSubscriptions {
  static final int MAX_SUBSCRIPTIONS = 20;
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSubscriptions.class);

  private final WebhookSubscriptionDao subscriptions;
  private final WebhookDeliveryDao deliveries;
  private final ReceiverAddresses receivers;

  public WebhookSubscriptions(WebhookSubscriptionDao subscriptions, WebhookDeliveryDao deliveries,
      ReceiverAddresses receivers) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.receivers = receivers;
  }

  /** The new subscription with its signing secret (the only time the secret is shown). */
  public WebhookView create(DealershipRow dealership, WebhookBody body) {
    String url = body.url() == null ? null : body.url().strip();
    receivers.problem(url).ifPresent(problem -> {
      throw ApiException.invalid("url", problem);
    });
    List<String> events = eventTypes(body.events());
    if (subscriptions.countLive(dealership.id()) >= MAX_SUBSCRIPTIONS) {
      throw ApiException.invalid("url", "a dealership has at most " + MAX_SUBSCRIPTIONS + " webhooks");
    }
    long id = subscriptions.insert(dealership.id(), url, String.join(",", events), WebhookSignature.newSecret());
    WebhookSubscriptionRow row = subscriptions.findById(id).orElseThrow();
    LOG.info("Webhook {} created for dealership {}: {} -> {}", id, dealership.id(), events, url);
    return WebhookView.withSecret(row);
  }

  public List<WebhookView> list(DealershipRow dealership) {
    return subscriptions.listLive(dealership.id()).stream().map(WebhookView::of).toList();
  }

  /** Deletes it and cancels what it has not delivered yet; 404 for none of this dealership's. */
  public void delete(DealershipRow dealership, long id) {
    if (!subscriptions.delete(dealership.id(), id)) {
      throw ApiException.notFound("webhook " + id);
    }
    LOG.info("Webhook {} of dealership {} deleted", id, dealership.id());
  }

  /** Newest first, keyset pages; status narrows them. */
  public ItemsPage<DeliveryView> deliveries(DealershipRow dealership, long id, String status, Integer limit,
      String cursor) {
    WebhookSubscriptionRow subscription = subscriptions.findLive(dealership.id(), id)
        .orElseThrow(() -> ApiException.notFound("webhook " + id));
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    List<WebhookDeliveryRow> page = deliveries.page(subscription.id(), deliveryStatus(status),
        DeliveryCursor.decode(cursor), size + 1);
    boolean more = page.size() > size;
    List<WebhookDeliveryRow> items = more ? page.subList(0, size) : page;
    return new ItemsPage<>(items.stream().map(DeliveryView::of).toList(),
        more ? DeliveryCursor.encode(items.get(items.size() - 1).id()) : null);
  }

  private static List<String> eventTypes(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      throw ApiException.invalid("events", "name at least one of " + LeadEventType.wireNames());
    }
    Set<String> types = new LinkedHashSet<>();
    for (String each : requested) {
      String name = each == null ? "" : each.strip();
      if (LeadEventType.fromWireName(name).isEmpty()) {
        throw ApiException.invalid("events", "unknown event type \"" + name + "\"; known: " + LeadEventType.wireNames());
      }
      types.add(name);
    }
    return List.copyOf(types);
  }

  private static DeliveryStatus deliveryStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return DeliveryStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("status", "must be one of PENDING, DELIVERED, FAILED, CANCELLED");
    }
  }
}
