package com.leadcadence.api.history;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.leadcadence.activities.logging.LeadPiiMask;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a lead's history events into lines, one per event, in order. Payloads are shown as JSON through
 * {@link LeadPiiMask} (never a raw name, phone or e-mail) and cut at {@value #MAX_PAYLOAD} characters.
 * Later events of an activity or timer name it by what its scheduling event said, when that event was
 * read by the same request; otherwise by the scheduling event's id.
 */
final class HistoryEventLines {
  static final int MAX_PAYLOAD = 400;
  private static final String JSON_ENCODING = "json/plain";

  private final LeadPiiMask mask;
  private final String runId;
  /** Scheduling event id -> "perform #12 (sms-2: text #2)", for the activity's and timer's later events. */
  private final Map<Long, String> scheduled = new HashMap<>();

  HistoryEventLines(LeadPiiMask mask, String runId) {
    this.mask = mask;
    this.runId = runId;
  }

  HistoryLine line(HistoryEvent e) {
    Line line = new Line(e);
    switch (e.getEventType()) {
      case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> {
        var a = e.getWorkflowExecutionStartedEventAttributes();
        line.payload = payloads(a.getInput());
        if (!a.getContinuedExecutionRunId().isEmpty()) {
          line.summary = "continues run " + a.getContinuedExecutionRunId();
        }
      }
      case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED ->
          line.payload = payloads(e.getWorkflowExecutionCompletedEventAttributes().getResult());
      case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED ->
          line.payload = failure(e.getWorkflowExecutionFailedEventAttributes().getFailure());
      case EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW ->
          line.summary = "continued as new: run " + e.getWorkflowExecutionContinuedAsNewEventAttributes()
              .getNewExecutionRunId();
      case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
        var a = e.getActivityTaskScheduledEventAttributes();
        line.activity = a.getActivityType().getName() + " #" + a.getActivityId();
        line.summary = userSummary(e);
        line.payload = payloads(a.getInput());
        scheduled.put(e.getEventId(), line.activity + (line.summary == null ? "" : " (" + line.summary + ")"));
      }
      case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
        var a = e.getActivityTaskStartedEventAttributes();
        line.activity = scheduledBy(a.getScheduledEventId());
        line.payload = a.getAttempt() > 1 ? "attempt " + a.getAttempt() : null;
      }
      case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
        var a = e.getActivityTaskCompletedEventAttributes();
        line.activity = scheduledBy(a.getScheduledEventId());
        line.payload = payloads(a.getResult());
      }
      case EVENT_TYPE_ACTIVITY_TASK_FAILED -> {
        var a = e.getActivityTaskFailedEventAttributes();
        line.activity = scheduledBy(a.getScheduledEventId());
        line.payload = failure(a.getFailure());
      }
      case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> {
        var a = e.getActivityTaskTimedOutEventAttributes();
        line.activity = scheduledBy(a.getScheduledEventId());
        line.payload = failure(a.getFailure());
      }
      case EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED ->
          line.activity = scheduledBy(e.getActivityTaskCancelRequestedEventAttributes().getScheduledEventId());
      case EVENT_TYPE_ACTIVITY_TASK_CANCELED ->
          line.activity = scheduledBy(e.getActivityTaskCanceledEventAttributes().getScheduledEventId());
      case EVENT_TYPE_TIMER_STARTED -> {
        var a = e.getTimerStartedEventAttributes();
        line.activity = "timer #" + a.getTimerId();
        line.summary = userSummary(e);
        line.payload = "fires after " + a.getStartToFireTimeout().getSeconds() + " s";
        scheduled.put(e.getEventId(), line.activity + (line.summary == null ? "" : " (" + line.summary + ")"));
      }
      case EVENT_TYPE_TIMER_FIRED -> line.activity = scheduledBy(e.getTimerFiredEventAttributes().getStartedEventId());
      case EVENT_TYPE_TIMER_CANCELED ->
          line.activity = scheduledBy(e.getTimerCanceledEventAttributes().getStartedEventId());
      case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> {
        var a = e.getWorkflowExecutionSignaledEventAttributes();
        line.signal = a.getSignalName();
        line.payload = payloads(a.getInput());
      }
      case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ADMITTED -> {
        var a = e.getWorkflowExecutionUpdateAdmittedEventAttributes();
        line.update = a.getRequest().getInput().getName() + " #" + a.getRequest().getMeta().getUpdateId();
        line.payload = payloads(a.getRequest().getInput().getArgs());
      }
      case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED -> {
        var a = e.getWorkflowExecutionUpdateAcceptedEventAttributes();
        line.update = a.getAcceptedRequest().getInput().getName() + " #" + a.getAcceptedRequest().getMeta().getUpdateId();
        line.payload = payloads(a.getAcceptedRequest().getInput().getArgs());
      }
      case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED -> {
        var a = e.getWorkflowExecutionUpdateCompletedEventAttributes();
        line.update = "#" + a.getMeta().getUpdateId();
        line.payload = a.getOutcome().hasFailure() ? failure(a.getOutcome().getFailure())
            : payloads(a.getOutcome().getSuccess());
      }
      case EVENT_TYPE_MARKER_RECORDED -> {
        var a = e.getMarkerRecordedEventAttributes();
        line.activity = "marker " + a.getMarkerName();
        line.payload = cut(mask.json(new TreeMap<>(a.getDetailsMap()).entrySet().stream()
            .map(d -> quote(d.getKey()) + ":" + payloadsJson(d.getValue()))
            .collect(Collectors.joining(",", "{", "}"))));
      }
      case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES -> line.payload = cut(mask.json(
          fields(e.getUpsertWorkflowSearchAttributesEventAttributes().getSearchAttributes().getIndexedFieldsMap())));
      case EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED -> line.payload = cut(mask.json(
          fields(e.getWorkflowPropertiesModifiedEventAttributes().getUpsertedMemo().getFieldsMap())));
      default -> { }
    }
    return line.build();
  }

  /** The activity or timer a later event belongs to. */
  private String scheduledBy(long eventId) {
    return scheduled.getOrDefault(eventId, "scheduled by event " + eventId);
  }

  private static String userSummary(HistoryEvent e) {
    if (!e.hasUserMetadata() || !e.getUserMetadata().hasSummary()) {
      return null;
    }
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(e.getUserMetadata().getSummary(), String.class,
        String.class);
  }

  private String payloads(Payloads payloads) {
    if (payloads.getPayloadsCount() == 0) {
      return null;
    }
    return cut(mask.json(payloadsJson(payloads)));
  }

  private String failure(Failure failure) {
    return cut(mask.text(failure.getMessage()
        + (failure.hasCause() && !failure.getCause().getMessage().isEmpty() ? ": " + failure.getCause().getMessage() : "")));
  }

  /** One payload as itself, several as a JSON array. */
  private static String payloadsJson(Payloads payloads) {
    List<Payload> all = payloads.getPayloadsList();
    if (all.size() == 1) {
      return payloadJson(all.get(0));
    }
    return all.stream().map(HistoryEventLines::payloadJson).collect(Collectors.joining(",", "[", "]"));
  }

  private static String fields(Map<String, Payload> fields) {
    return new TreeMap<>(fields).entrySet().stream()
        .map(f -> quote(f.getKey()) + ":" + payloadJson(f.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String payloadJson(Payload payload) {
    String encoding = payload.getMetadataOrDefault("encoding", ByteString.EMPTY)
        .toString(StandardCharsets.UTF_8);
    if (JSON_ENCODING.equals(encoding)) {
      return payload.getData().toString(StandardCharsets.UTF_8);
    }
    if ("binary/null".equals(encoding)) {
      return "null";
    }
    return quote("<" + encoding + ", " + payload.getData().size() + " bytes>");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String cut(String s) {
    return s == null || s.length() <= MAX_PAYLOAD ? s : s.substring(0, MAX_PAYLOAD - 1) + "…";
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  /** "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED" -> "ActivityTaskScheduled", as the Temporal UI names it. */
  static String typeName(EventType type) {
    StringBuilder name = new StringBuilder();
    for (String word : type.name().replaceFirst("^EVENT_TYPE_", "").split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

  /** The line being built for one event. */
  private final class Line {
    private final HistoryEvent event;
    String activity;
    String summary;
    String signal;
    String update;
    String payload;

    Line(HistoryEvent event) {
      this.event = event;
    }

    HistoryLine build() {
      return new HistoryLine(event.getEventId(), runId, instant(event.getEventTime()), typeName(event.getEventType()),
          activity, summary, signal, update, payload);
    }
  }
}
