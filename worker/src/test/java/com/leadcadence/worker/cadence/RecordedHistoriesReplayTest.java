package com.leadcadence.worker.cadence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.LeadCadenceWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Safe code changes under running leads: every recorded history under {@code histories/<release>/}
 * (test resources; recorded by {@link CadenceHistoryRecorder} from real runs of a release) must replay
 * against the current {@link LeadCadenceWorkflowImpl}. A change that alters the commands an existing
 * history expects (an activity added, removed or reordered, a timer moved) fails here, in the build,
 * rather than as a stuck workflow task on a 30-day lead in production; such a change needs
 * {@code Workflow.getVersion}.
 */
class RecordedHistoriesReplayTest {
  private static final String FOLDER = "histories";

  /** Every fixture, as a path relative to the histories folder ("0.1.0/full-cadence.json"). */
  static List<String> fixtures() {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void replaysAgainstTheCurrentWorkflow(String fixture) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history(fixture), LeadCadenceWorkflowImpl.class);
  }

  /** The check above can fail: a careless rewrite of the cadence does not replay the recorded runs. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void anIncompatibleWorkflowFailsToReplay(String fixture) {
    WorkflowExecutionHistory history = history(fixture);
    Exception failure = assertThrows(Exception.class,
        () -> WorkflowReplayer.replayWorkflowExecution(history, ChangedCadenceWorkflow.class));
    assertTrue(String.valueOf(failure.getMessage()).contains("NonDeterministicException"),
        "a determinism failure, not another error: " + failure);
  }

  @Test
  void theScenariosOfTheIssueAreRecorded() {
    List<String> fixtures = fixtures();
    assertFalse(fixtures.isEmpty(), "no recorded histories under " + root());
    for (String scenario : List.of("full-cadence", "paused-resumed", "opted-out", "outcome-mid-cadence")) {
      assertTrue(fixtures.stream().anyMatch(f -> f.endsWith("/" + scenario + ".json")),
          scenario + " is recorded for some release: " + fixtures);
    }
  }

  private static WorkflowExecutionHistory history(String fixture) {
    try {
      return WorkflowExecutionHistory.fromJson(Files.readString(root().resolve(fixture), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    URL url = RecordedHistoriesReplayTest.class.getClassLoader().getResource(FOLDER);
    if (url == null) {
      throw new IllegalStateException("no '" + FOLDER + "' folder on the test classpath (worker/src/test/resources)");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
