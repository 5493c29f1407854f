package com.leadcadence.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: bare workflows with one no-op activity on the server the product embeds
 * ({@code TestServer.createPortBoundServer}, reached over gRPC), the workflow and activity registered in
 * this JVM with the SDK's default worker options. Its max sustained rate is measured by starting N
 * workflows at once and waiting for every one to complete: N / (last completion - first start).
 */
final class TemporalBaseline implements AutoCloseable {
  static final String TASK_QUEUE = "bench-baseline";

  @WorkflowInterface
  public interface NoOpWorkflow {
    @WorkflowMethod
    String run(String input);
  }

  @ActivityInterface
  public interface NoOpActivity {
    String touch(String input);
  }

  public static final class NoOpWorkflowImpl implements NoOpWorkflow {
    private final NoOpActivity activity = Workflow.newActivityStub(NoOpActivity.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public String run(String input) {
      return activity.touch(input);
    }
  }

  public static final class NoOpActivityImpl implements NoOpActivity {
    @Override
    public String touch(String input) {
      return input;
    }
  }

  /** machineCpuMillisPerWorkflow: the whole machine's busy CPU time over the burst, per workflow. */
  record Result(int workflows, double seconds, double perSecond, double machineCpuMillisPerWorkflow) {}

  private final TestServer.PortBoundTestServer server;
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final WorkerFactory factory;
  private final ExecutorService starters = Executors.newFixedThreadPool(8);

  private TemporalBaseline(int port) {
    server = TestServer.createPortBoundServer(port);
    service = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    client = WorkflowClient.newInstance(service);
    factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(NoOpWorkflowImpl.class);
    worker.registerActivitiesImplementations(new NoOpActivityImpl());
    factory.start();
  }

  /**
   * A server and worker that stay up for the whole benchmark, so that a burst can be measured right
   * before each of the product's steps: this machine's speed drifts over minutes (other virtual machines
   * on the host), so only a baseline measured next to a step compares with it.
   */
  static TemporalBaseline start(int port) {
    return new TemporalBaseline(port);
  }

  /** n workflows started at once; their rate is n / (last completion - first start). */
  Result burst(int n) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    CpuUse cpuBefore = CpuUse.now(Optional.empty());
    long start = System.nanoTime();
    List<CompletableFuture<String>> results = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = "baseline-" + run + "-" + i;
      results.add(CompletableFuture.supplyAsync(() -> {
        NoOpWorkflow wf = client.newWorkflowStub(NoOpWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(id).build());
        WorkflowClient.start(wf::run, id);
        return WorkflowStub.fromTyped(wf);
      }, starters).thenCompose(stub -> stub.getResultAsync(String.class)));
    }
    CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(n, seconds, n / seconds, CpuUse.now(Optional.empty()).per(cpuBefore, n).machine());
  }

  @Override
  public void close() throws Exception {
    starters.shutdownNow();
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    service.shutdownNow();
    service.awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }
}
