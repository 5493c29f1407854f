package com.leadcadence.worker.plans;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.StepCondition;
import com.leadcadence.workflows.model.StepTiming;
import com.leadcadence.workflows.model.TemplateVariant;
import com.leadcadence.workflows.plan.TemplateRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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
          new PlanFile(w.name(), version, w.grades(), w.sources(), w.retirementDay(), w.managerAlertAfter(), w.steps()));
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
    List<CadenceStep> steps = steps(in.steps(), retirementDay, checks);
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
        s.template(), s.timing().strip(), s.afterNoAnswer(), s.callSla(), s.escalateAfter(),
        s.conditions() == null ? List.of() : s.conditions().stream().map(CadencePlanValidator::spelled).toList(),
        s.variants()))
        .toList();
    return new PlanFile(in.name(), in.version(), grades.stream().map(Grade::name).toList(), List.copyOf(sources),
        retirementDay, in.managerAlertAfter(), steps);
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

  private List<CadenceStep> steps(List<PlanFile.Step> written, int retirementDay, Checks checks) {
    if (written == null) {
      checks.plan("steps", "required: the plan's steps in order ('steps: []' for no cadence)");
      return List.of();
    }
    List<CadenceStep> steps = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    TimeOfDay slot = null;
    StepTiming previous = null;
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
      if (w.timing() == null) {
        checks.step(id, "timing", "required: 'at receipt', '+15m', 'day 2 at 11:00' or 'day 2 morning'");
      } else {
        PlanTexts.Timing parsed = PlanTexts.timing(w.timing(), slot);
        if (parsed instanceof PlanTexts.Unreadable u) {
          checks.step(id, "timing", u.why());
        } else if (parsed instanceof PlanTexts.Parsed p) {
          timing = p.timing();
          slot = p.slot() != null ? p.slot() : slot;
        }
      }
      if (timing != null) {
        if (previous != null && StepOrder.mayComeBefore(timing, previous)) {
          checks.step(id, "timing", "steps out of order: '" + w.timing().strip() + "' can come before step '"
              + previousId + "' (" + StepOrder.describe(previous) + "); steps run in file order, so order them by time");
        }
        if (StepOrder.latestDay(timing) > retirementDay) {
          checks.step(id, "timing", "the plan is longer than its retirement day (" + retirementDay
              + "): this step comes on day " + StepOrder.latestDay(timing));
        }
        previous = timing;
        previousId = id;
      }
      Duration afterNoAnswer = w.afterNoAnswer() == null ? null : checks.duration(id, "afterNoAnswer", w.afterNoAnswer());
      Duration callSla = callOnly(id, channel, "callSla", w.callSla(), checks);
      Duration escalateAfter = callOnly(id, channel, "escalateAfter", w.escalateAfter(), checks);
      if (channel == Channel.CALL && w.callSla() == null) {
        checks.step(id, "callSla", "required for a call: how long the agent has for the task (e.g. 15m)");
      }
      List<StepCondition> conditions = conditions(id, w.conditions(), checks);
      steps.add(new CadenceStep(id, channel, template, timing, afterNoAnswer, callSla, escalateAfter, conditions,
          variants));
    }
    return steps;
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
