package com.leadcadence.api.tasks;

import com.leadcadence.api.DaemonThreads;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadcadence.store.dao.TaskEventDao;
import com.leadcadence.store.rows.TaskEventRow;
import io.dropwizard.lifecycle.Managed;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds every connected task stream from the task_events table, never from memory, so a stream works
 * the same across restarts and API replicas. One cheap poll of the newest event id every
 * {@link #POLL} tells the streams whether to look; each stream then reads its own events after its
 * cursor. AUTO_INCREMENT ids are handed out before commit, so an event can appear with an id lower than
 * one already sent: a stream moves its cursor only past settled events and remembers what it sent above.
 */
public final class TaskEventHub implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(TaskEventHub.class);
  static final Duration POLL = Duration.ofMillis(150);
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  /** How long after the last new event streams keep re-reading (for late commits of lower ids). */
  private static final Duration SETTLING = Duration.ofSeconds(TaskEventDao.SETTLE_SECONDS + 2);
  private static final int BATCH = 200;

  private final TaskEventDao events;
  private final ObjectMapper json;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService executor;
  private volatile long newestId;
  private volatile Instant lastChange = Instant.EPOCH;

  public TaskEventHub(TaskEventDao events, ObjectMapper json) {
    this.events = events;
    this.json = json;
  }

  @Override
  public void start() {
    newestId = events.maxId();
    executor = DaemonThreads.scheduled("task-event-hub", 2);
    executor.scheduleWithFixedDelay(this::tick, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    executor.shutdownNow();
    closeStreams();
  }

  /**
   * Ends every open stream. Called as soon as the server starts stopping: a graceful shutdown waits for
   * requests in flight, and a stream never ends on its own. Clients reconnect with Last-Event-ID.
   */
  public void closeStreams() {
    subscribers.forEach(Subscriber::close);
  }

  /**
   * A new stream: replays what came after lastEventId (null: from now on), then goes live. agentId null
   * means the whole dealership.
   */
  public void subscribe(SseEventSink sink, Sse sse, long dealershipId, Long agentId, Long lastEventId) {
    long from = lastEventId != null ? lastEventId : events.maxIdOf(dealershipId);
    Subscriber subscriber = new Subscriber(sink, sse, dealershipId, agentId, from);
    subscribers.add(subscriber);
    executor.execute(() -> deliver(subscriber));
  }

  int connected() {
    return subscribers.size();
  }

  private void tick() {
    try {
      long newest = events.maxId();
      if (newest != newestId) {
        newestId = newest;
        lastChange = Instant.now();
      }
      boolean settling = Duration.between(lastChange, Instant.now()).compareTo(SETTLING) < 0;
      for (Subscriber s : subscribers) {
        if (s.sink.isClosed()) {
          subscribers.remove(s);
        } else if (settling || s.hasUnsettled()) {
          deliver(s);
        } else if (s.heartbeatDue()) {
          s.heartbeat();
        }
      }
    } catch (RuntimeException e) {
      // the database may be away for a moment: streams resume from their cursors on the next tick
      LOG.warn("Task event poll failed: {}", e.getMessage());
    }
  }

  private void deliver(Subscriber s) {
    synchronized (s) {
      List<TaskEventRow> batch = events.since(s.dealershipId, s.agentId, s.floor, BATCH);
      for (TaskEventRow e : batch) {
        if (s.sent.add(e.id())) {
          s.send(e);
        }
      }
      s.advanceFloor(batch);
      if (s.heartbeatDue()) {
        s.heartbeat();
      }
    }
  }

  private final class Subscriber {
    final SseEventSink sink;
    final Sse sse;
    final long dealershipId;
    final Long agentId;
    /** Every event with an id up to here has been sent or will never exist. */
    long floor;
    /** Sent events above the floor. */
    final Set<Long> sent = new TreeSet<>();
    long lastWriteNanos = System.nanoTime();

    Subscriber(SseEventSink sink, Sse sse, long dealershipId, Long agentId, long floor) {
      this.sink = sink;
      this.sse = sse;
      this.dealershipId = dealershipId;
      this.agentId = agentId;
      this.floor = floor;
    }

    boolean hasUnsettled() {
      return !sent.isEmpty();
    }

    /** Past the longest run of settled events from the floor up; unsettled ones keep it where it is. */
    void advanceFloor(List<TaskEventRow> batch) {
      for (TaskEventRow e : batch) {
        if (!e.settled()) {
          break;
        }
        floor = e.id();
      }
      sent.removeIf(id -> id <= floor);
    }

    void send(TaskEventRow e) {
      try {
        OutboundSseEvent event = sse.newEventBuilder()
            .id(String.valueOf(e.id()))
            .name(e.type())
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(String.class, json.writeValueAsString(TaskEventMessage.of(e)))
            .build();
        write(event);
      } catch (JsonProcessingException ex) {
        throw new IllegalStateException("task event " + e.id() + " cannot be written", ex);
      }
    }

    boolean heartbeatDue() {
      return System.nanoTime() - lastWriteNanos >= HEARTBEAT.toNanos();
    }

    void heartbeat() {
      write(sse.newEventBuilder().comment("heartbeat").build());
    }

    private void write(OutboundSseEvent event) {
      lastWriteNanos = System.nanoTime();
      sink.send(event).whenComplete((ok, failure) -> {
        if (failure != null) {
          close();
        }
      });
    }

    void close() {
      subscribers.remove(this);
      try {
        sink.close();
      } catch (RuntimeException ignored) {
        // the client has gone already
      }
    }
  }
}
