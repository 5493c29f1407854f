package com.leadcadence.worker.plans;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.StepCondition;
import com.leadcadence.workflows.model.StepTiming;
import com.leadcadence.workflows.model.TemplateVariant;
import com.leadcadence.workflows.model.TimingVariant;
import com.leadcadence.workflows.plan.TemplateRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks plan files and turns them into the workflow's {@link CadencePlan} snapshots. Every mistake is a
 * {@link PlanProblem} naming the file, the step and the field; the checks go on after the first one, so a
 * start-up lists them all at once.
 */
public final class CadencePlanValidator {
  /** The product's promise: a lead's cadence retires by day 30 unless its plan says otherwise. */
  public static final int DEFAULT_RETIREMENT_DAY = 30;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern SOURCE = Pattern.compile("\\S.{0,63}");

  private final MessageTemplates templates;

  public CadencePlanValidator(MessageTemplates templates) {
    this.templates = templates;
  }

  /**
   * A checked plan: the snapshot, which leads it serves (sources empty: every source), and the plan as
   * written, tidied (channels and conditions in the file's spelling, the retirement day filled in): the form
   * the API shows, which reads back as the same plan.
   */
  public record ValidPlan(String file, Set<Grade> grades, Set<String> sources, int retirementDay, CadencePlan plan,
      PlanFile written) {

    /** The same plan under the version it was stored as (a stored body keeps the version it was sent with). */
    public ValidPlan withVersion(int version) {
      PlanFile w = written;
      return new ValidPlan(file, grades, sources, retirementDay,
          new CadencePlan(plan.name(), version, plan.steps(), plan.managerAlertAfter()),
          new PlanFile(w.name(), version, w.grades(), w.sources(), w.retirementDay(), w.managerAlertAfter(), w.steps(),
              w.staleAfter()));
    }
  }

  /** Checks one file; the plan when it has no problem (problems are added to {@code problems}). */
  public Optional<ValidPlan> validate(String file, PlanFile in, List<PlanProblem> problems) {
    int before = problems.size();
    Checks checks = new Checks(file, problems);
    if (in.name() == null || !NAME.matcher(in.name()).matches()) {
      checks.plan("name", "required: lowercase letters, digits and '-' (got " + quoted(in.name()) + ")");
    }
    if (in.version() == null || in.version() < 1) {
      checks.plan("version", "required: a whole number from 1 (got " + in.version() + ")");
    }
    Set<Grade> grades = grades(in.grades(), checks);
    Set<String> sources = sources(in.sources(), checks);
    int retirementDay = in.retirementDay() == null ? DEFAULT_RETIREMENT_DAY : in.retirementDay();
    if (retirementDay < 1) {
      checks.plan("retirementDay", "must be 1 or more (got " + retirementDay + ")");
    }
    Duration managerAlertAfter = in.managerAlertAfter() == null ? null
        : checks.duration(null, "managerAlertAfter", in.managerAlertAfter());
    Map<Channel, Duration> staleAfter = planStaleAfter(in.staleAfter(), checks);
    List<CadenceStep> steps = steps(in.steps(), retirementDay, staleAfter, checks);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new ValidPlan(file, grades, sources, retirementDay,
        new CadencePlan(in.name(), in.version(), steps, managerAlertAfter), tidy(in, grades, sources, retirementDay)));
  }

  /**
   * Checks the plans of a directory together: one name per plan, and every grade served for every source
   * by exactly one plan without sources (a source may have its own plan, but only one per grade).
   */
  public void validateTogether(String directory, List<ValidPlan> plans, List<PlanProblem> problems) {
    Map<String, String> fileByName = new HashMap<>();
    Map<String, String> fileByServed = new HashMap<>();
    for (ValidPlan p : plans) {
      String other = fileByName.putIfAbsent(p.plan().name(), p.file());
      if (other != null) {
        problems.add(new PlanProblem(p.file(), null, "name", "'" + p.plan().name() + "' is also the name of " + other));
      }
      for (Grade grade : p.grades()) {
        for (String source : p.sources().isEmpty() ? Set.of("") : p.sources()) {
          String served = fileByServed.putIfAbsent(grade + "/" + source, p.file());
          if (served != null) {
            problems.add(new PlanProblem(p.file(), null, p.sources().isEmpty() ? "grades" : "sources",
                "grade " + grade + (source.isEmpty() ? "" : " from source '" + source + "'")
                    + " is already served by " + served));
          }
        }
      }
    }
    for (Grade grade : Grade.values()) {
      if (!fileByServed.containsKey(grade + "/")) {
        problems.add(new PlanProblem(directory, null, "grades", "no plan serves grade " + grade
            + " for every source (a plan with 'grades: [" + grade + "]' and no 'sources'; "
            + "use 'steps: []' for no cadence)"));
      }
    }
  }

  private static PlanFile tidy(PlanFile in, Set<Grade> grades, Set<String> sources, int retirementDay) {
    List<PlanFile.Step> steps = in.steps().stream().map(s -> new PlanFile.Step(s.id(), spelled(s.channel()),
        s.template(), s.timing() == null ? null : s.timing().strip(), s.afterNoAnswer(), s.callSla(),
        s.escalateAfter(),
        s.conditions() == null ? List.of() : s.conditions().stream().map(CadencePlanValidator::spelled).toList(),
        s.variants(),
        s.timingVariants() == null ? null : s.timingVariants().stream()
            .map(v -> new PlanFile.TimingVariant(v.timing().strip(), v.weight())).toList(),
        s.staleAfter()))
        .toList();
    Map<String, String> staleAfter = null;
    if (in.staleAfter() != null) {
      staleAfter = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : in.staleAfter().entrySet()) {
        staleAfter.put(spelled(e.getKey()), e.getValue());
      }
    }
    return new PlanFile(in.name(), in.version(), grades.stream().map(Grade::name).toList(), List.copyOf(sources),
        retirementDay, in.managerAlertAfter(), steps, staleAfter);
  }

  /**
   * The plan's staleness limits by channel (written: {@code {sms: 1h, call: 10m}}; a channel not named keeps
   * its default), each a duration above 0.
   */
  private static Map<Channel, Duration> planStaleAfter(Map<String, String> written, Checks checks) {
    Map<Channel, Duration> limits = new EnumMap<>(Channel.class);
    if (written == null) {
      return limits;
    }
    for (Map.Entry<String, String> e : written.entrySet()) {
      Channel channel = checks.parse(null, "staleAfter", e.getKey(), Channel.class);
      Duration limit = positive(null, "staleAfter." + spelledOrRaw(e.getKey()), e.getValue(), checks);
      if (channel != null && limit != null) {
        limits.put(channel, limit);
      }
    }
    return limits;
  }

  private static String spelledOrRaw(String key) {
    return key == null ? "null" : spelled(key);
  }

  /** A duration above 0 written in {@code field} (null, with a problem, when it is not one). */
  private static Duration positive(String step, String field, String written, Checks checks) {
    if (written == null) {
      checks.problems().add(new PlanProblem(checks.file(), step, field, "required: a duration above 0 (e.g. 30m, 2h)"));
      return null;
    }
    Duration d = checks.duration(step, field, written);
    if (d != null && d.isZero()) {
      checks.problems().add(new PlanProblem(checks.file(), step, field, "must be more than 0"));
      return null;
    }
    return d;
  }

  /** How the files write an enum value: lowercase, '-' for '_'. */
  private static String spelled(String value) {
    return value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Set<Grade> grades(List<String> written, Checks checks) {
    Set<Grade> grades = new LinkedHashSet<>();
    if (written == null || written.isEmpty()) {
      checks.plan("grades", "required: the grades this plan serves, e.g. [A, B]");
      return grades;
    }
    for (String g : written) {
      Optional<Grade> grade = Arrays.stream(Grade.values())
          .filter(v -> v.name().equalsIgnoreCase(String.valueOf(g).strip())).findFirst();
      if (grade.isEmpty()) {
        checks.plan("grades", "unknown grade " + quoted(g) + " (A, B, C or D)");
      } else if (!grades.add(grade.get())) {
        checks.plan("grades", "grade " + grade.get() + " is listed twice");
      }
    }
    return grades;
  }

  private static Set<String> sources(List<String> written, Checks checks) {
    Set<String> sources = new LinkedHashSet<>();
    for (String s : written == null ? List.<String>of() : written) {
      if (s == null || !SOURCE.matcher(s).matches()) {
        checks.plan("sources", "a source is 1-64 characters, not starting with a space (got " + quoted(s) + ")");
      } else {
        sources.add(s);
      }
    }
    return sources;
  }

  private List<CadenceStep> steps(List<PlanFile.Step> written, int retirementDay, Map<Channel, Duration> staleAfter,
      Checks checks) {
    if (written == null) {
      checks.plan("steps", "required: the plan's steps in order ('steps: []' for no cadence)");
      return List.of();
    }
    List<CadenceStep> steps = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    TimeOfDay slot = null;
    List<StepTiming> previous = List.of();
    String previousId = null;
    boolean firstText = true;
    for (int i = 0; i < written.size(); i++) {
      PlanFile.Step w = written.get(i);
      String id = w.id() != null && !w.id().isBlank() ? w.id() : "#" + (i + 1);
      if (w.id() == null || !NAME.matcher(w.id()).matches()) {
        checks.step(id, "id", "required: lowercase letters, digits and '-' (got " + quoted(w.id()) + ")");
      } else if (!ids.add(w.id())) {
        checks.step(id, "id", "duplicate step id: another step of this plan has it");
      }
      Channel channel = checks.parse(id, "channel", w.channel(), Channel.class);
      List<TemplateVariant> variants = variants(id, channel, w, checks);
      String template = variants != null ? variants.get(0).template()
          : w.variants() != null ? null : template(id, channel, w.template(), checks);
      if (channel == Channel.SMS && firstText) {
        firstText = false;
        // Whichever variant a lead gets is its first text: each must carry the notice.
        List<String> sent = variants != null ? variants.stream().map(TemplateVariant::template).toList()
            : template != null ? List.of(template) : List.of();
        for (String t : sent) {
          if (!templates.announcesOptOut(t)) {
            checks.step(id, variants != null ? "variants" : "template", "the first text of a plan must carry the "
                + "consent notice: sms template '" + t + "' must name the dealership and say \""
                + MessageTemplates.STOP_LINE + "\" (as 'intro' does)");
          }
        }
      }
      StepTiming timing = null;
      List<TimingVariant> timingVariants = null;
      if (w.timingVariants() != null) {
        timingVariants = timingVariants(id, w, slot, checks);
        if (timingVariants != null) {
          timing = timingVariants.get(0).timing();
          List<String> fields = new ArrayList<>();
          List<String> texts = new ArrayList<>();
          for (int v = 0; v < timingVariants.size(); v++) {
            fields.add("timingVariants[" + (v + 1) + "].timing");
            texts.add(w.timingVariants().get(v).timing().strip());
          }
          List<StepTiming> timings = timingVariants.stream().map(TimingVariant::timing).toList();
          checkOrder(id, fields, texts, timings, previous, previousId, retirementDay, checks);
          previous = timings;
          previousId = id;
        }
      } else if (w.timing() == null) {
        checks.step(id, "timing", "required: 'at receipt', '+15m', 'day 2 at 11:00' or 'day 2 morning'");
      } else {
        PlanTexts.Timing parsed = PlanTexts.timing(w.timing(), slot);
        if (parsed instanceof PlanTexts.Unreadable u) {
          checks.step(id, "timing", u.why());
        } else if (parsed instanceof PlanTexts.Parsed p) {
          timing = p.timing();
          slot = p.slot() != null ? p.slot() : slot;
        }
        if (timing != null) {
          checkOrder(id, List.of("timing"), List.of(w.timing().strip()), List.of(timing), previous, previousId,
              retirementDay, checks);
          previous = List.of(timing);
          previousId = id;
        }
      }
      Duration stepStaleAfter = w.staleAfter() == null ? null : positive(id, "staleAfter", w.staleAfter(), checks);
      if (w.staleAfter() != null && timing != null && timing.anchor() == StepTiming.Anchor.RECEIPT) {
        checks.step(id, "staleAfter", "a step 'at receipt' (the acknowledgment) is never skipped as stale");
      }
      Duration afterNoAnswer = w.afterNoAnswer() == null ? null : checks.duration(id, "afterNoAnswer", w.afterNoAnswer());
      Duration callSla = callOnly(id, channel, "callSla", w.callSla(), checks);
      Duration escalateAfter = callOnly(id, channel, "escalateAfter", w.escalateAfter(), checks);
      if (channel == Channel.CALL && w.callSla() == null) {
        checks.step(id, "callSla", "required for a call: how long the agent has for the task (e.g. 15m)");
      }
      List<StepCondition> conditions = conditions(id, w.conditions(), checks);
      Duration resolvedStaleAfter = timing == null || timing.anchor() == StepTiming.Anchor.RECEIPT ? null
          : stepStaleAfter != null ? stepStaleAfter : staleAfter.get(channel);
      steps.add(new CadenceStep(id, channel, template, timing, afterNoAnswer, callSla, escalateAfter, conditions,
          variants, timingVariants, resolvedStaleAfter));
    }
    return steps;
  }

  /**
   * Checks that timings (written in fields) keep the plan's order after the previous step's possible timings
   * and fall by the retirement day; a problem per field otherwise. A step with timing variants must come after
   * every timing of the step before, whichever it is, and so must the step after it.
   */
  private static void checkOrder(String id, List<String> fields, List<String> written, List<StepTiming> timings,
      List<StepTiming> previous, String previousId, int retirementDay, Checks checks) {
    for (int i = 0; i < timings.size(); i++) {
      StepTiming timing = timings.get(i);
      for (StepTiming before : previous) {
        if (StepOrder.mayComeBefore(timing, before)) {
          checks.step(id, fields.get(i), "steps out of order: '" + written.get(i)
              + "' can come before step '" + previousId + "' (" + StepOrder.describe(before)
              + "); steps run in file order, so order them by time");
          break;
        }
      }
      if (StepOrder.latestDay(timing) > retirementDay) {
        checks.step(id, fields.get(i), "the plan is longer than its retirement day (" + retirementDay
            + "): this step comes on day " + StepOrder.latestDay(timing));
      }
    }
  }

  /**
   * A step's A/B timings (null when they have a mistake): two or more, each a readable timing that is not at
   * receipt nor a rotation (a rotation's slot would depend on the lead), different from the others, with a
   * weight above 0, and no timing beside them. A preference (morning...) does not move the plan's rotation.
   */
  private static List<TimingVariant> timingVariants(String id, PlanFile.Step w, TimeOfDay slot, Checks checks) {
    int before = checks.problems().size();
    if (w.timing() != null) {
      checks.step(id, "timingVariants", "a step has either a timing or timingVariants, not both (remove 'timing')");
    }
    if (w.timingVariants().size() < 2) {
      checks.step(id, "timingVariants", "an A/B timing needs two or more timings (got " + w.timingVariants().size()
          + "); for one, write 'timing' instead");
    }
    List<TimingVariant> variants = new ArrayList<>();
    for (int i = 0; i < w.timingVariants().size(); i++) {
      PlanFile.TimingVariant v = w.timingVariants().get(i);
      String field = "timingVariants[" + (i + 1) + "]";
      if (v == null) {
        checks.step(id, field, "required: {timing: <timing>, weight: <number above 0>}");
        continue;
      }
      StepTiming timing = null;
      if (v.timing() == null) {
        checks.step(id, field + ".timing", "required: '+4h', 'day 2 at 11:00' or 'day 2 evening'");
      } else if (v.timing().strip().toLowerCase(Locale.ROOT).endsWith("rotate")) {
        checks.step(id, field + ".timing", "'rotate' cannot be a timing variant: name the slot (morning, "
            + "afternoon, evening) or the time");
      } else {
        PlanTexts.Timing parsed = PlanTexts.timing(v.timing(), slot);
        if (parsed instanceof PlanTexts.Unreadable u) {
          checks.step(id, field + ".timing", u.why());
        } else if (parsed instanceof PlanTexts.Parsed p) {
          timing = p.timing();
        }
      }
      if (timing != null && timing.anchor() == StepTiming.Anchor.RECEIPT) {
        checks.step(id, field + ".timing", "'at receipt' cannot be a timing variant (the acknowledgment goes at once)");
        timing = null;
      }
      if (timing != null) {
        for (int j = 0; j < variants.size(); j++) {
          if (variants.get(j).timing().equals(timing)) {
            checks.step(id, field + ".timing", "the same time as another timing variant ("
                + StepOrder.describe(timing) + "): each must differ");
            timing = null;
            break;
          }
        }
      }
      if (v.weight() == null || v.weight() <= 0) {
        checks.step(id, field + ".weight", "required: a whole number above 0 (got " + v.weight() + ")");
      } else if (timing != null) {
        variants.add(new TimingVariant(timing, v.weight()));
      }
    }
    return checks.problems().size() > before ? null : variants;
  }

  /**
   * A step's A/B variants (null when it has none, or when they have a mistake): two or more, each a known
   * template with a weight above 0, and no template beside them.
   */
  private List<TemplateVariant> variants(String id, Channel channel, PlanFile.Step w, Checks checks) {
    if (w.variants() == null) {
      return null;
    }
    int before = checks.problems().size();
    if (w.template() != null) {
      checks.step(id, "variants", "a step has either a template or variants, not both (remove 'template')");
    }
    if (w.variants().size() < 2) {
      checks.step(id, "variants", "an A/B step needs two or more variants (got " + w.variants().size()
          + "); for one, write 'template' instead");
    }
    List<TemplateVariant> variants = new ArrayList<>();
    for (int i = 0; i < w.variants().size(); i++) {
      PlanFile.Variant v = w.variants().get(i);
      String field = "variants[" + (i + 1) + "]";
      if (v == null) {
        checks.step(id, field, "required: {template: <id>, weight: <number above 0>}");
        continue;
      }
      String template = templateIn(id, field + ".template", channel, v.template(), checks);
      if (v.weight() == null || v.weight() <= 0) {
        checks.step(id, field + ".weight", "required: a whole number above 0 (got " + v.weight() + ")");
      } else if (template != null) {
        variants.add(new TemplateVariant(template, v.weight()));
      }
    }
    return checks.problems().size() > before ? null : variants;
  }

  private String template(String id, Channel channel, String template, Checks checks) {
    return templateIn(id, "template", channel, template, checks);
  }

  /** The template id written in {@code field}, checked to exist for the channel (null when it is malformed). */
  private String templateIn(String id, String field, Channel channel, String template, Checks checks) {
    if (template == null || !NAME.matcher(template).matches()) {
      checks.step(id, field, "required: a template id, lowercase letters, digits and '-' (got "
          + quoted(template) + ")");
      return null;
    }
    if (channel != null && !templates.exists(new TemplateRef(channel, template))) {
      checks.step(id, field, "unknown " + channel.name().toLowerCase(Locale.ROOT) + " template '" + template
          + "': no such files under " + templates.directory() + "/" + channel.name().toLowerCase(Locale.ROOT) + "/");
    }
    return template;
  }

  private static Duration callOnly(String id, Channel channel, String field, String written, Checks checks) {
    if (written == null) {
      return null;
    }
    if (channel != null && channel != Channel.CALL) {
      checks.step(id, field, "only a call step has one (this step is " + channel.name().toLowerCase(Locale.ROOT) + ")");
      return null;
    }
    Duration d = checks.duration(id, field, written);
    if (d != null && d.isZero()) {
      checks.step(id, field, "must be more than 0");
    }
    return d;
  }

  private static List<StepCondition> conditions(String id, List<String> written, Checks checks) {
    List<StepCondition> conditions = new ArrayList<>();
    for (String c : written == null ? List.<String>of() : written) {
      StepCondition condition = checks.parse(id, "conditions", c, StepCondition.class);
      if (condition != null) {
        conditions.add(condition);
      }
    }
    return conditions;
  }

  private static String quoted(String s) {
    return s == null ? "nothing" : "'" + s + "'";
  }

  /** Collects the problems of one file. */
  private record Checks(String file, List<PlanProblem> problems) {
    void plan(String field, String message) {
      problems.add(new PlanProblem(file, null, field, message));
    }

    void step(String step, String field, String message) {
      problems.add(new PlanProblem(file, step, field, message));
    }

    Duration duration(String step, String field, String written) {
      Optional<Duration> d = PlanTexts.duration(written);
      if (d.isEmpty()) {
        problems.add(new PlanProblem(file, step, field, "'" + written + "' is not a duration (e.g. 0, 15m, 4h5m, 2d)"));
      }
      return d.orElse(null);
    }

    /** An enum value written in any case, '-' for '_' (no-reply: NO_REPLY). */
    <E extends Enum<E>> E parse(String step, String field, String written, Class<E> type) {
      Function<E, String> spelled = e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-');
      String w = written == null ? "" : written.strip().toLowerCase(Locale.ROOT).replace('_', '-');
      for (E e : type.getEnumConstants()) {
        if (spelled.apply(e).equals(w)) {
          return e;
        }
      }
      problems.add(new PlanProblem(file, step, field, (written == null ? "required" : "unknown value '" + written + "'")
          + ": one of " + Arrays.stream(type.getEnumConstants()).map(spelled).collect(Collectors.joining(", "))));
      return null;
    }
  }
}
