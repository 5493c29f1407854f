package com.leadcadence.worker;

import com.leadcadence.workflows.LeadSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@link LeadSearchAttributes} in a namespace through the OperatorService, one attribute at a
 * time so that one already there does not hide the others. Workflows started with an unregistered
 * typed search attribute are rejected, so this runs before any worker or intake.
 */
public final class SearchAttributeRegistrar {
  private static final Logger LOG = LoggerFactory.getLogger(SearchAttributeRegistrar.class);
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(5);

  private SearchAttributeRegistrar() {}

  /** What happened; {@code problem} is null when every attribute is there. */
  public record Result(List<String> added, List<String> alreadyThere, String problem) {
    public boolean complete() {
      return problem == null;
    }
  }

  /**
   * Tries every attribute. Never throws: an "already exists" counts as success, any other refusal
   * (no permission on a cloud namespace, server unavailable) ends the attempt with one log line.
   */
  public static Result register(String address, String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder().setTarget(address).validateAndBuildWithDefaults());
    try {
      return register(operator, namespace);
    } finally {
      operator.shutdownNow();
      operator.awaitTermination(2, TimeUnit.SECONDS);
    }
  }

  static Result register(OperatorServiceStubs operator, String namespace) {
    List<String> added = new ArrayList<>();
    List<String> alreadyThere = new ArrayList<>();
    for (SearchAttributeKey<?> key : LeadSearchAttributes.ALL) {
      AddSearchAttributesRequest request =
          AddSearchAttributesRequest.newBuilder()
              .setNamespace(namespace)
              .putSearchAttributes(key.getName(), key.getValueType())
              .build();
      try {
        operator
            .blockingStub()
            .withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
            .addSearchAttributes(request);
        added.add(key.getName());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
          alreadyThere.add(key.getName());
          continue;
        }
        String problem = e.getStatus().getCode() + ": " + e.getStatus().getDescription();
        LOG.warn(
            "Could not register search attribute {} in namespace {} ({}); register {} by hand, e.g. "
                + "temporal operator search-attribute create --name {} --type {}",
            key.getName(), namespace, problem, names(), key.getName(), cliType(key));
        return new Result(added, alreadyThere, problem);
      }
    }
    LOG.info("Search attributes in namespace {}: added {}, already there {}", namespace, added, alreadyThere);
    return new Result(added, alreadyThere, null);
  }

  /** The type's name as the temporal CLI spells it (Keyword, Int, Datetime). */
  private static String cliType(SearchAttributeKey<?> key) {
    return switch (key.getValueType()) {
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      default -> "Keyword";
    };
  }

  private static List<String> names() {
    return LeadSearchAttributes.ALL.stream().map(SearchAttributeKey::getName).toList();
  }
}
