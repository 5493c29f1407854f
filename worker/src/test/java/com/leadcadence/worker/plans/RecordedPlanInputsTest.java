package com.leadcadence.worker.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.LeadCadenceInput;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Plan data travels in the workflow input, so inputs recorded before the plan files (the replay fixtures)
 * must still read: the fields added since (a step's escalateAfter and conditions) read as absent, and each
 * recorded plan equals what its file gives today.
 */
class RecordedPlanInputsTest {
  private static final Path HISTORIES = Path.of("src", "test", "resources", "histories");

  @Test
  void everyRecordedInputReadsAsThePlanItsFileGivesToday() throws IOException {
    CadencePlans plans = new CadencePlanLoader(DefaultPlanFilesTest.TEMPLATES).load(Path.of("..", "config", "cadences"));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(HISTORIES)) {
      files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      LeadCadenceInput input = startInput(file);
      CadencePlan recorded = input.plan();
      assertEquals(plans.forLead(input.grade(), input.source()), recorded, file.toString());
      recorded.steps().forEach(step -> {
        assertEquals(null, step.escalateAfter(), file + " " + step.id());
        assertEquals(List.of(), step.conditions(), file + " " + step.id());
      });
    }
  }

  private static LeadCadenceInput startInput(Path file) throws IOException {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(file));
    Payloads input = history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getInput();
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0, Optional.of(input), LeadCadenceInput.class,
        LeadCadenceInput.class);
  }
}
