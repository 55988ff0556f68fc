package io.forestall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.forestall.architecture.FeatureRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layout {@code docs/architecture.md} describes: kernel depends on nothing, platform on
 * no feature, features form no cycle and use only the features its table allows, through their root
 * packages, and nobody uses another package's web, rest or jobs adapters.
 */
class ArchitectureTest {

  private static final String ROOT = "io.forestall.";
  private static final FeatureRules RULES = new FeatureRules("io.forestall");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.forestall");
  }

  @Test
  void kernelDependsOnNothingInForestall() {
    noClasses()
        .that()
        .resideInAPackage("io.forestall.kernel..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.forestall.platform..",
            "io.forestall.customers..",
            "io.forestall.tenants..",
            "io.forestall.demo..")
        .check(classes);
  }

  @Test
  void platformDependsOnNoFeature() {
    classes()
        .that()
        .resideInAPackage("io.forestall.platform..")
        .should(dependOnlyOn("kernel", "platform"))
        .check(classes);
  }

  @Test
  void featuresFormNoCycle() {
    RULES.freeOfCycles().check(classes);
  }

  @Test
  void featuresUseOnlyWhatTheArchitectureAllows() throws IOException {
    Map<String, Set<String>> allowed = FeatureRules.allowedIn(Path.of("docs", "architecture.md"));
    assertTrue(allowed.size() > 10, "the table of docs/architecture.md: " + allowed);
    RULES.onlyAllowed(allowed).check(classes);
  }

  @Test
  void adaptersAreUsedByNobody() {
    RULES.adaptersUsedByNobody().check(classes);
  }

  @Test
  void featuresMeetOnlyAtTheirRootPackages() {
    classes()
        .that()
        .resideInAPackage("io.forestall..")
        .should(reachOtherFeaturesOnlyThroughTheirRoot())
        .check(classes);
  }

  private static String feature(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(ROOT)) {
      return null;
    }
    String rest = name.substring(ROOT.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static boolean isFeatureRoot(JavaClass type) {
    String feature = feature(type);
    return feature != null && type.getPackageName().equals(ROOT + feature);
  }

  private static ArchCondition<JavaClass> dependOnlyOn(String... allowed) {
    java.util.Set<String> ok = java.util.Set.of(allowed);
    return new ArchCondition<>("depend only on " + ok) {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        origin
            .getDirectDependenciesFromSelf()
            .forEach(
                d -> {
                  String target = feature(d.getTargetClass());
                  if (target != null && !ok.contains(target)) {
                    events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                  }
                });
      }
    };
  }

  private static ArchCondition<JavaClass> reachOtherFeaturesOnlyThroughTheirRoot() {
    return new ArchCondition<>("reach other features only through their root package") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String own = feature(origin);
        origin
            .getDirectDependenciesFromSelf()
            .forEach(
                d -> {
                  JavaClass target = d.getTargetClass();
                  String other = feature(target);
                  boolean shared = "kernel".equals(other) || "platform".equals(other);
                  if (other != null && !other.equals(own) && !shared && !isFeatureRoot(target)) {
                    events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                  }
                });
      }
    };
  }
}
