package com.leadcadence.worker.plans;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.leadcadence.activities.templates.MessageTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the plan directory ({@code cadencesDir}, {@value #DEFAULT_DIRECTORY} relative to the working
 * directory): every {@code *.yml} file is one plan. Reading stops at nothing: every file is parsed and
 * checked, then all problems are thrown at once ({@link InvalidCadencePlansException}).
 */
public final class CadencePlanLoader {
  public static final String DEFAULT_DIRECTORY = "config/cadences";

  /** Strict: an unknown or repeated key is a mistake in the file, not something to ignore. */
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private final CadencePlanValidator validator;

  public CadencePlanLoader(MessageTemplates templates) {
    this.validator = new CadencePlanValidator(templates);
  }

  public CadencePlans load(Path directory) {
    String dir = directory.toString();
    List<PlanProblem> problems = new ArrayList<>();
    List<CadencePlanValidator.ValidPlan> plans = new ArrayList<>();
    for (Path file : planFiles(directory, problems)) {
      String name = file.getFileName().toString();
      read(file, name, problems).flatMap(plan -> validator.validate(name, plan, problems)).ifPresent(plans::add);
    }
    if (problems.isEmpty()) {
      validator.validateTogether(dir, plans, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidCadencePlansException(dir, problems);
    }
    return new CadencePlans(plans);
  }

  /**
   * One plan written as YAML or JSON (a dealership's own plan, from the API), checked as a file would be;
   * label names it in the problems.
   */
  public Optional<CadencePlanValidator.ValidPlan> readOne(String label, String text, List<PlanProblem> problems) {
    try {
      PlanFile plan = YAML.readValue(text, PlanFile.class);
      if (plan == null) {
        problems.add(new PlanProblem(label, null, null, "the plan is empty"));
        return Optional.empty();
      }
      return validator.validate(label, plan, problems);
    } catch (JsonProcessingException e) {
      problems.add(unreadable(label, e));
      return Optional.empty();
    }
  }

  /**
   * The defaults with a dealership's own plans: an own plan replaces the default of its name, others add
   * to them; the result must still serve every grade once (problems otherwise).
   */
  public CadencePlans overlay(CadencePlans defaults, List<CadencePlanValidator.ValidPlan> own,
      List<PlanProblem> problems) {
    List<CadencePlanValidator.ValidPlan> all = new ArrayList<>(defaults.all().stream()
        .filter(d -> own.stream().noneMatch(o -> o.plan().name().equals(d.plan().name()))).toList());
    all.addAll(own);
    validator.validateTogether("the dealership's plans", all, problems);
    return new CadencePlans(all);
  }

  private static List<Path> planFiles(Path directory, List<PlanProblem> problems) {
    if (!Files.isDirectory(directory)) {
      problems.add(new PlanProblem(directory.toString(), null, null, "no such directory (cadencesDir, relative to "
          + "the working directory " + Path.of("").toAbsolutePath() + ")"));
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yml") && Files.isRegularFile(f))
          .sorted().collect(Collectors.toList());
    } catch (IOException e) {
      problems.add(new PlanProblem(directory.toString(), null, null, "cannot be listed: " + e.getMessage()));
      return List.of();
    }
  }

  private static Optional<PlanFile> read(Path file, String name, List<PlanProblem> problems) {
    try {
      PlanFile plan = YAML.readValue(file.toFile(), PlanFile.class);
      if (plan == null) {
        problems.add(new PlanProblem(name, null, null, "the file is empty"));
      }
      return Optional.ofNullable(plan);
    } catch (JsonProcessingException e) {
      problems.add(unreadable(name, e));
    } catch (IOException e) {
      problems.add(new PlanProblem(name, null, null, "cannot be read: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private static PlanProblem unreadable(String name, JsonProcessingException e) {
    return new PlanProblem(name, stepOf(e), fieldOf(e), e.getOriginalMessage().lines().findFirst().orElse("")
        + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
  }

  /** "step #3" for a mistake inside the third step, from the parser's path. */
  private static String stepOf(JsonProcessingException e) {
    if (e instanceof JsonMappingException m && m.getPath().size() >= 2
        && "steps".equals(m.getPath().get(0).getFieldName())) {
      return "#" + (m.getPath().get(1).getIndex() + 1);
    }
    return null;
  }

  private static String fieldOf(JsonProcessingException e) {
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return m.getPath().get(m.getPath().size() - 1).getFieldName();
    }
    return null;
  }
}
