package com.leadcadence.api.history;

import com.google.protobuf.ByteString;
import com.leadcadence.activities.logging.LeadPiiMask;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.temporal.LeadWorkflows;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.rows.LeadRow;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lead's workflow history from Temporal (GetWorkflowExecutionHistory), one line per event, oldest
 * first, across all its runs: a lead that continued as new is read from its first run on, each run's
 * events followed by the next run's (the runs are found through each run's predecessor). Pages hold up to {@code limit} lines; the token says where the next
 * one starts (run, event, Temporal's own page token), so a page never reads more than it must from a
 * server that pages (the SDK's test server answers every request with the whole run: the page is cut).
 */
public final class LeadHistory {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final LeadDao leads;
  private final LeadWorkflows workflows;

  public LeadHistory(LeadDao leads, LeadWorkflows workflows) {
    this.leads = leads;
    this.workflows = workflows;
  }

  /**
   * @throws ApiException 404 for a lead of another dealership, 400 for a bad limit or page token
   * @throws com.leadcadence.api.temporal.CadenceUnavailableException when Temporal cannot be reached
   */
  public HistoryPage page(DealershipPrincipal caller, long leadId, String pageToken, String limitParam) {
    caller.requireDealershipScope();
    LeadRow lead = leads.findByIdForDealership(caller.id(), leadId)
        .orElseThrow(() -> ApiException.notFound("lead " + leadId));
    int limit = limit(limitParam);
    HistoryPosition position = pageToken == null || pageToken.isBlank() ? null : position(pageToken);
    if (lead.workflowId() == null) {
      return new HistoryPage(List.of(), null);
    }
    List<String> runs = runsOldestFirst(lead.workflowId());
    if (runs.isEmpty()) {
      // No workflow (a duplicate, or a lead whose cadence has not started yet): no history.
      return new HistoryPage(List.of(), null);
    }
    if (position == null) {
      position = HistoryPosition.startOf(runs.get(0));
    }
    LeadPiiMask mask = new LeadPiiMask(lead.firstName(), lead.lastName(), lead.email(), lead.phone());
    List<HistoryLine> items = new ArrayList<>();
    while (position != null && items.size() < limit) {
      HistoryPosition next = readInto(items, lead.workflowId(), position, limit, mask);
      position = next != null ? next : runAfter(runs, position.runId());
    }
    return new HistoryPage(items, position == null ? null : position.encode());
  }

  /**
   * Reads one Temporal page of the position's run into items (at most up to limit); returns where the
   * next read in this run starts, or null when the run has been read to its end (so far).
   */
  private HistoryPosition readInto(List<HistoryLine> items, String workflowId, HistoryPosition at, int limit,
      LeadPiiMask mask) {
    GetWorkflowExecutionHistoryResponse response =
        workflows.historyPage(workflowId, at.runId(), at.temporalToken(), limit);
    List<HistoryEvent> events = response.getHistory().getEventsList();
    HistoryEventLines lines = new HistoryEventLines(mask, at.runId());
    long next = at.nextEventId();
    for (HistoryEvent event : events) {
      if (event.getEventId() < next) {
        lines.line(event); // already shown; read for the names of the activities it scheduled
        continue;
      }
      if (items.size() == limit) {
        // The server gave more than the page holds: the next page asks for the same Temporal page again.
        return new HistoryPosition(at.runId(), next, at.temporalToken());
      }
      items.add(lines.line(event));
      next = event.getEventId() + 1;
    }
    return response.getNextPageToken().isEmpty() ? null
        : new HistoryPosition(at.runId(), next, response.getNextPageToken());
  }

  /** The run after this one, from its start; null after the latest. */
  private static HistoryPosition runAfter(List<String> runs, String runId) {
    int at = runs.indexOf(runId);
    return at >= 0 && at + 1 < runs.size() ? HistoryPosition.startOf(runs.get(at + 1)) : null;
  }

  /**
   * The lead workflow's runs, oldest first (empty when Temporal has none): from the latest run back
   * through each run's predecessor, which its started event names; one single-event read per run, on
   * every page, so a run begun since the previous page is found too. (Not forward through each run's
   * close event: the SDK's test server, asked to continue as new while a signal arrives, starts the
   * next run but leaves the old one's history without its close event; and the started event's
   * firstExecutionRunId did not name the first run there either.)
   */
  private List<String> runsOldestFirst(String workflowId) {
    Optional<String> latest = workflows.latestRunId(workflowId);
    List<String> runs = new ArrayList<>();
    String run = latest.orElse(null);
    while (run != null && !runs.contains(run)) {
      runs.add(0, run);
      List<HistoryEvent> events =
          workflows.historyPage(workflowId, run, ByteString.EMPTY, 1).getHistory().getEventsList();
      String previous = events.isEmpty() || !events.get(0).hasWorkflowExecutionStartedEventAttributes() ? ""
          : events.get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
      run = previous.isEmpty() ? null : previous;
    }
    return runs;
  }

  private static HistoryPosition position(String token) {
    try {
      return HistoryPosition.decode(token.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("pageToken", "is not a token this route gave out; start without one");
    }
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }
}
