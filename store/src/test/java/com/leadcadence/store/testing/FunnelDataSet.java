package com.leadcadence.store.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A seeded, reproducible data set for the funnel reports: leads across sources, agents, grades and days,
 * each with the touches, outcomes, tasks, e-mail engagement and opt-outs a cadence leaves behind, kept
 * in memory (so that a test can compute the reports from it independently) and written with batched
 * INSERTs. Ids are given explicitly (from firstId) so that rows can name each other before insertion.
 * Used by FunnelReportDaoTest and by the funnel-report benchmark.
 */
public final class FunnelDataSet {
  public static final List<String> SOURCES = List.of("website", "autotrader", "cars.com", "facebook", "=cmd");
  public static final List<String> GRADES = List.of("A", "B", "C", "D");
  /** The cadence every lead follows for a prefix of its steps: step index, id and channel. */
  public static final List<Step> CADENCE = List.of(new Step(0, "email-ack", "EMAIL"), new Step(1, "call-1", "CALL"),
      new Step(2, "sms-1", "SMS"), new Step(3, "call-2", "CALL"), new Step(4, "vm-1", "VOICEMAIL"),
      new Step(5, "email-2", "EMAIL"), new Step(6, "sms-2", "SMS"), new Step(7, "call-3", "CALL"));
  public static final List<String> CONTACT_OUTCOMES = List.of("CONTACTED", "APPOINTMENT_SET", "SOLD", "NOT_INTERESTED");
  public static final List<String> ATTEMPT_OUTCOMES =
      List.of("CONTACTED", "NO_ANSWER", "LEFT_VOICEMAIL", "APPOINTMENT_SET", "WRONG_NUMBER", "NOT_INTERESTED");

  /** The step with A/B variants (template, timing and both), for the funnel by variant. */
  public static final String VARIANT_STEP = "sms-1";
  /** Its variant labels (touches.variant, as VariantLabel writes them); a touch of it may also have none. */
  public static final List<String> VARIANTS = List.of("intro", "intro-short", "intro+time:+15m",
      "intro-short+time:+45m");
  /** Another step's variants (timings only): they must never count for VARIANT_STEP. */
  public static final List<String> OTHER_VARIANTS = List.of("time:+4h", "time:day 1 at 10:00");

  public record Step(int index, String id, String channel) {}

  /** variant: the touch's A/B variant label (null: none). */
  public record Touch(long id, Step step, String status, String provider, Instant performedAt, String variant) {
    public boolean sent() {
      return provider != null && List.of("SENT", "DELIVERED", "FAILED").contains(status);
    }
  }

  public record Outcome(String type, Instant recordedAt) {}

  /** kind CALL | LEAD_REPLIED | CALL_BACK_NOW | ESCALATION; outcome as tasks.outcome (null while open). */
  public record Task(Long touchId, String kind, String status, String outcome, Instant dueAt, Instant createdAt) {}

  /** An e-mail's first open or click as SendGridEvents claims it: event id lead:type:email. */
  public record Engagement(String type, String email) {}

  public record OptOut(String address, Instant createdAt) {}

  public static final class Lead {
    public final long id;
    public final String source;
    public final String grade;
    public final Long agentId;
    public String status;
    public final Instant createdAt;
    public final String phone;
    public final String email;
    public final List<Touch> touches = new ArrayList<>();
    public final List<Outcome> outcomes = new ArrayList<>();
    public final List<Task> tasks = new ArrayList<>();
    public final List<Engagement> engagements = new ArrayList<>();

    Lead(long id, String source, String grade, Long agentId, String status, Instant createdAt, String phone,
        String email) {
      this.id = id;
      this.source = source;
      this.grade = grade;
      this.agentId = agentId;
      this.status = status;
      this.createdAt = createdAt;
      this.phone = phone;
      this.email = email;
    }

    /** As LeadRecordActivitiesImpl stamps it: the first outcome that means a person reached the lead. */
    public Instant firstContactAt() {
      return outcomes.stream().filter(o -> CONTACT_OUTCOMES.contains(o.type())).map(Outcome::recordedAt)
          .min(Instant::compareTo).orElse(null);
    }
  }

  public final long dealershipId;
  public final List<Lead> leads = new ArrayList<>();
  public final List<OptOut> optOuts = new ArrayList<>();

  private FunnelDataSet(long dealershipId) {
    this.dealershipId = dealershipId;
  }

  /**
   * count leads received between start and end (plus a few exactly on and just beside both bounds),
   * ids from firstId, touch ids from firstTouchId; agentIds: the agents leads are spread over (a tenth
   * of the leads have none).
   */
  public static FunnelDataSet generate(long seed, int count, long dealershipId, List<Long> agentIds, Instant start,
      Instant end, long firstId, long firstTouchId) {
    Random random = new Random(seed);
    FunnelDataSet set = new FunnelDataSet(dealershipId);
    long touchId = firstTouchId;
    long span = Duration.between(start, end).toMillis();
    List<Instant> received = new ArrayList<>(List.of(start, start.minusMillis(1), end.minusMillis(1), end,
        start.plusMillis(1)));
    while (received.size() < count) {
      // a little before and after the period too, so the bounds matter
      received.add(start.plusMillis((long) ((random.nextDouble() * 1.04 - 0.02) * span)));
    }
    // Ids grow with the time of receipt, as AUTO_INCREMENT gives them: a period's leads (and their
    // touches, tasks...) sit together in the indexes, as they do in production.
    received.sort(null);
    for (int i = 0; i < count; i++) {
      Instant created = received.get(i);
      long id = firstId + i;
      Long agent = agentIds.isEmpty() || random.nextInt(10) == 0 ? null : agentIds.get(random.nextInt(agentIds.size()));
      String status = random.nextInt(25) == 0 ? "DUPLICATE" : pick(random, "ACTIVE", "ACTIVE", "ACTIVE", "STARTING",
          "PAUSED", "RETIRED", "LOST");
      Lead lead = new Lead(id, pick(random, SOURCES), pick(random, GRADES), agent, status, created,
          String.format("+1312%07d", id % 10_000_000), "lead" + id + "@example.com");
      touchId = addCadence(random, lead, touchId);
      addOptOut(random, set, lead);
      set.leads.add(lead);
    }
    return set;
  }

  private static long addCadence(Random random, Lead lead, long touchId) {
    int steps = random.nextInt(CADENCE.size() + 1);
    Instant at = lead.createdAt.plusMillis(firstDelayMillis(random));
    boolean contacted = false;
    for (int s = 0; s < steps; s++) {
      Step step = CADENCE.get(s);
      if (s > 0) {
        at = at.plusMillis(600_000 + (long) (random.nextDouble() * 86_400_000));
      }
      long id = touchId++;
      if (step.channel().equals("CALL")) {
        lead.touches.add(new Touch(id, step, "TASK_CREATED", null, at, variantOf(step, id)));
        contacted |= addCall(random, lead, id, at);
      } else {
        String status = pick(random, "SENT", "SENT", "SENT", "SENT", "SENT", "SENT", "SENT", "DELIVERED", "DELIVERED",
            "FAILED", "FAILED_UNSENT", "SKIPPED_OPTED_OUT", "PENDING", "UNCONFIRMED");
        boolean taken = List.of("SENT", "DELIVERED", "FAILED").contains(status);
        Touch touch = new Touch(id, step, status.equals("FAILED_UNSENT") ? "FAILED" : status, taken ? "dry-run" : null, at,
            variantOf(step, id));
        lead.touches.add(touch);
        if (touch.sent()) {
          addResponses(random, lead, touch);
        }
      }
    }
    if (contacted && random.nextInt(5) < 2) {
      Instant appointment = at.plusMillis(1 + random.nextInt(86_400_000));
      lead.outcomes.add(new Outcome("APPOINTMENT_SET", appointment));
      if (random.nextInt(6) == 0) {
        lead.outcomes.add(new Outcome("SOLD", appointment.plusMillis(1 + random.nextInt(864_000_000))));
      }
    }
    if (random.nextInt(20) == 0) {
      lead.tasks.add(new Task(null, "ESCALATION", "OPEN", null, at, at));
    }
    return touchId;
  }

  /**
   * The variant of touch id at step: at VARIANT_STEP one of VARIANTS or none (a fifth), at call-2 one of
   * OTHER_VARIANTS, else none. From the touch id alone, so the rest of the data set draws as it did before.
   */
  private static String variantOf(Step step, long touchId) {
    int pick = Math.floorMod(Long.hashCode(touchId * 0x9E3779B97F4A7C15L), 5);
    if (step.id().equals(VARIANT_STEP)) {
      return pick < VARIANTS.size() ? VARIANTS.get(pick) : null;
    }
    return step.id().equals("call-2") ? OTHER_VARIANTS.get(pick % OTHER_VARIANTS.size()) : null;
  }

  /** Mostly fast, with a long tail: the shape speed-to-lead buckets are made for. */
  private static long firstDelayMillis(Random random) {
    int bucket = random.nextInt(100);
    long[] bounds = bucket < 40 ? new long[] {0, 60_000} : bucket < 65 ? new long[] {60_000, 300_000}
        : bucket < 80 ? new long[] {300_000, 900_000} : bucket < 90 ? new long[] {900_000, 3_600_000}
        : bucket < 97 ? new long[] {3_600_000, 86_400_000} : new long[] {86_400_000, 5 * 86_400_000L};
    return bounds[0] + (long) (random.nextDouble() * (bounds[1] - bounds[0]));
  }

  /** A call task, closed with an outcome (also reported as an outcome) or still open; true if it reached the lead. */
  private static boolean addCall(Random random, Lead lead, long touchId, Instant at) {
    Instant due = at.plusMillis(300_000L * (1 + random.nextInt(6)));
    int roll = random.nextInt(100);
    if (roll < 25) {
      lead.tasks.add(new Task(touchId, "CALL", "OPEN", null, due, at));
      return false;
    }
    String outcome = roll < 45 ? pick(random, "CONTACTED", "NOT_INTERESTED", "APPOINTMENT_SET")
        : pick(random, "NO_ANSWER", "LEFT_VOICEMAIL", "NO_ANSWER", "WRONG_NUMBER");
    Instant done = at.plusMillis(1 + random.nextInt(3_600_000));
    lead.tasks.add(new Task(touchId, "CALL", "DONE", outcome, due, at));
    lead.outcomes.add(new Outcome(outcome, done));
    return CONTACT_OUTCOMES.contains(outcome);
  }

  private static void addResponses(Random random, Lead lead, Touch touch) {
    Instant later = touch.performedAt().plusMillis(1 + random.nextInt(3_600_000));
    switch (touch.step().channel()) {
      case "EMAIL" -> {
        if (random.nextInt(4) == 0) {
          lead.engagements.add(new Engagement("EMAIL_OPEN", String.valueOf(touch.id())));
          if (random.nextInt(3) == 0) {
            lead.engagements.add(new Engagement("EMAIL_CLICK", String.valueOf(touch.id())));
          }
        }
      }
      case "SMS" -> {
        int replies = random.nextInt(10) < 3 ? 1 + random.nextInt(3) : 0;
        for (int r = 0; r < replies; r++) {
          lead.tasks.add(new Task(null, "LEAD_REPLIED", "OPEN", null, later, later));
        }
      }
      case "VOICEMAIL" -> {
        if (random.nextInt(5) == 0) {
          lead.tasks.add(new Task(null, "CALL_BACK_NOW", "DONE", "CONTACTED", later, later));
        }
      }
      default -> throw new IllegalStateException(touch.step().channel());
    }
  }

  /** A few leads opt out after they arrived; a few addresses were on the list before the lead came. */
  private static void addOptOut(Random random, FunnelDataSet set, Lead lead) {
    int roll = random.nextInt(100);
    if (roll < 4) {
      set.optOuts.add(new OptOut(roll < 2 ? lead.phone : lead.email,
          lead.createdAt.plusMillis(random.nextInt(86_400_000))));
    } else if (roll == 4) {
      set.optOuts.add(new OptOut(lead.phone, lead.createdAt.minusMillis(1 + random.nextInt(86_400_000))));
    }
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Writes every row, in batches of about batchSize leads, each batch in its own transaction. */
  public void insert(Jdbi jdbi, int batchSize) {
    for (int from = 0; from < leads.size(); from += batchSize) {
      List<Lead> batch = leads.subList(from, Math.min(leads.size(), from + batchSize));
      jdbi.useTransaction(handle -> insertBatch(handle, batch));
    }
    jdbi.useTransaction(handle -> {
      PreparedBatch rows = handle.prepareBatch("""
          INSERT INTO opt_outs (dealership_id, address, channel, source, created_at)
          VALUES (:dealershipId, :address, 'SMS', 'test', :createdAt)
          """);
      optOuts.forEach(o -> rows.bind("dealershipId", dealershipId).bind("address", o.address())
          .bind("createdAt", o.createdAt()).add());
      if (!optOuts.isEmpty()) {
        rows.execute();
      }
    });
  }

  private void insertBatch(Handle handle, List<Lead> batch) {
    PreparedBatch leadRows = handle.prepareBatch("""
        INSERT INTO leads (id, dealership_id, source, external_id, first_name, last_name, email, phone, time_zone,
                           score, grade, status, assigned_agent_id, created_at, first_contact_at)
        VALUES (:id, :dealershipId, :source, :externalId, 'Test', :lastName, :email, :phone, 'America/Chicago',
                50, :grade, :status, :agentId, :createdAt, :firstContactAt)
        """);
    PreparedBatch touchRows = handle.prepareBatch("""
        INSERT INTO touches (id, lead_id, step_index, step_id, channel, template_id, variant, idempotency_key, status,
                             provider, performed_at)
        VALUES (:id, :leadId, :stepIndex, :stepId, :channel, 'test', :variant, :key, :status, :provider, :performedAt)
        """);
    PreparedBatch outcomeRows = handle.prepareBatch("""
        INSERT INTO lead_outcomes (lead_id, outcome_key, type, recorded_at)
        VALUES (:leadId, :key, :type, :recordedAt)
        """);
    PreparedBatch taskRows = handle.prepareBatch("""
        INSERT INTO tasks (dealership_id, lead_id, touch_id, kind, status, due_at, created_at, outcome)
        VALUES (:dealershipId, :leadId, :touchId, :kind, :status, :dueAt, :createdAt, :outcome)
        """);
    PreparedBatch eventRows = handle.prepareBatch("""
        INSERT INTO provider_events (provider, event_id, event_type, lead_id, payload)
        VALUES (:provider, :eventId, :type, :leadId, '')
        """);
    for (Lead lead : batch) {
      leadRows.bind("id", lead.id).bind("dealershipId", dealershipId).bind("source", lead.source)
          .bind("externalId", "x" + lead.id).bind("lastName", "Lead" + lead.id).bind("email", lead.email)
          .bind("phone", lead.phone).bind("grade", lead.grade).bind("status", lead.status)
          .bind("agentId", lead.agentId).bind("createdAt", lead.createdAt)
          .bind("firstContactAt", lead.firstContactAt()).add();
      for (Touch t : lead.touches) {
        touchRows.bind("id", t.id()).bind("leadId", lead.id).bind("stepIndex", t.step().index())
            .bind("stepId", t.step().id()).bind("channel", t.step().channel()).bind("variant", t.variant())
            .bind("key", "k" + t.id())
            .bind("status", t.status()).bind("provider", t.provider()).bind("performedAt", t.performedAt()).add();
      }
      for (int n = 0; n < lead.outcomes.size(); n++) {
        Outcome o = lead.outcomes.get(n);
        outcomeRows.bind("leadId", lead.id).bind("key", lead.id + ":outcome:" + n).bind("type", o.type())
            .bind("recordedAt", o.recordedAt()).add();
      }
      for (Task k : lead.tasks) {
        taskRows.bind("dealershipId", dealershipId).bind("leadId", lead.id).bind("touchId", k.touchId())
            .bind("kind", k.kind()).bind("status", k.status()).bind("dueAt", k.dueAt())
            .bind("createdAt", k.createdAt()).bind("outcome", k.outcome()).add();
      }
      for (Engagement e : lead.engagements) {
        eventRows.bind("provider", "sendgrid-engagement").bind("eventId", lead.id + ":" + e.type() + ":" + e.email())
            .bind("type", e.type()).bind("leadId", lead.id).add();
      }
      // Not engagement: a delivery report stored for the same lead must not count.
      eventRows.bind("provider", "sendgrid").bind("eventId", "delivered-" + lead.id).bind("type", "delivered")
          .bind("leadId", lead.id).add();
    }
    for (PreparedBatch rows : List.of(leadRows, touchRows, outcomeRows, taskRows, eventRows)) {
      if (rows.size() > 0) {
        rows.execute();
      }
    }
  }
}
