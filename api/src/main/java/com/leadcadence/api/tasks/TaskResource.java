package com.leadcadence.api.tasks;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.leads.IdempotencyKey;
import com.leadcadence.api.representations.ItemsPage;
import io.dropwizard.auth.Auth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * Agents' tasks: the inbox (due first, keyset pages), one task with its lead's history, completing it
 * with an outcome, and the live stream of task events.
 */
@Path("/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {
  private final TaskService tasks;
  private final TaskEventHub hub;

  public TaskResource(TaskService tasks, TaskEventHub hub) {
    this.tasks = tasks;
    this.hub = hub;
  }

  @GET
  @Timed
  public ItemsPage<TaskView> list(@Auth DealershipPrincipal caller, @QueryParam("status") String status,
      @QueryParam("agentId") Long agentId, @QueryParam("leadId") Long leadId, @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return tasks.list(caller, status, agentId, leadId, limit, cursor);
  }

  @GET
  @Path("/{id}")
  @Timed
  public TaskView get(@Auth DealershipPrincipal caller, @PathParam("id") long id) {
    return tasks.get(caller, id);
  }

  @POST
  @Path("/{id}/complete")
  @Timed
  public TaskService.Completion complete(
      @Auth DealershipPrincipal caller, @PathParam("id") long id,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, @NotNull @Valid CompleteTaskBody body) {
    return tasks.complete(caller, id, body, IdempotencyKey.parse(idempotencyKey));
  }

  /**
   * Server-Sent Events: task.created, task.updated, task.overdue, lead.replied, each with its event id;
   * Last-Event-ID replays what was missed. An agent's token hears of the agent's own tasks only.
   */
  @GET
  @Path("/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(@Auth DealershipPrincipal caller, @HeaderParam("Last-Event-ID") String lastEventId,
      @Context SseEventSink sink, @Context Sse sse) {
    hub.subscribe(sink, sse, caller.id(), caller.seesWholeDealership() ? null : caller.agentId(),
        parseEventId(lastEventId));
  }

  private static Long parseEventId(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(header.trim());
      if (id < 0) {
        throw new NumberFormatException(header);
      }
      return id;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Last-Event-ID", "must be an event id this stream sent");
    }
  }
}
