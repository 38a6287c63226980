package dev.tradeoff.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The module map of docs/ARCHITECTURE.md, checked on the compiled classes of every module.
 *
 * <p>Maven's enforcer rules (in each module's POM) stop a module from <em>declaring</em> a dependency the
 * wrong way; this test stops code from <em>using</em> one: a type of one module importing another
 * module's {@code internal} package, or a package that the direction of dependencies forbids. It lives
 * here because {@code tradeoff-cli} sits on top of every other module but {@code benchmarks}, so its test
 * class path holds the classes of all of them.
 */
final class ArchitectureTest {

  /** Each module and the tradeoff modules it may use; everything not listed is forbidden. */
  private static final Map<String, Set<String>> ALLOWED = allowed();

  private static Map<String, Set<String>> allowed() {
    Map<String, Set<String>> allowed = new LinkedHashMap<>();
    allowed.put("pareto", Set.of());
    allowed.put("pricing", Set.of());
    allowed.put("metrics", Set.of("pricing"));
    allowed.put("api", Set.of("pareto", "pricing", "metrics"));
    allowed.put("examples", Set.of("pareto", "pricing", "metrics", "api"));
    allowed.put("cli", Set.of("pareto", "pricing", "metrics", "api", "examples"));
    allowed.put("benchmarks", Set.of("pareto", "pricing", "metrics", "api", "examples"));
    return allowed;
  }

  /** The rules, written against a root package so that the fixtures below can prove they fire. */
  static List<ArchRule> rules(String root) {
    List<ArchRule> rules = new ArrayList<>();
    for (Map.Entry<String, Set<String>> module : ALLOWED.entrySet()) {
      List<String> forbidden = new ArrayList<>();
      for (String other : ALLOWED.keySet()) {
        if (!other.equals(module.getKey()) && !module.getValue().contains(other)) {
          forbidden.add(root + "." + other + "..");
        }
      }
      rules.add(noClasses().that().resideInAPackage(root + "." + module.getKey() + "..")
          .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
          .as("tradeoff-" + module.getKey() + " uses only " + module.getValue())
          .allowEmptyShould(true));
      rules.add(noClasses().that().resideOutsideOfPackage(root + "." + module.getKey() + "..")
          .should().dependOnClassesThat().resideInAPackage(root + "." + module.getKey() + ".internal..")
          .as("only tradeoff-" + module.getKey() + " uses " + root + "." + module.getKey() + ".internal")
          .allowEmptyShould(true));
    }
    return rules;
  }

  @Test
  void modules_dependOnlyInTheDocumentedDirection() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.tradeoff");
    assertThat(classes).as("classes of the library modules on the test class path").isNotEmpty();
    for (ArchRule rule : rules("dev.tradeoff")) {
      rule.check(classes);
    }
  }

  @Test
  void rules_whenFixturesBreakTheDirection_reportBothViolations() {
    String root = "dev.tradeoff.cli.archfixture";
    JavaClasses fixtures = new ClassFileImporter().importPackages(root);
    List<String> failures = new ArrayList<>();
    for (ArchRule rule : rules(root)) {
      EvaluationResult result = rule.evaluate(fixtures);
      if (result.hasViolation()) {
        failures.add(rule.getDescription());
      }
    }
    assertThat(failures).containsExactlyInAnyOrder(
        "tradeoff-pareto uses only []",
        "only tradeoff-metrics uses " + root + ".metrics.internal");
  }
}
