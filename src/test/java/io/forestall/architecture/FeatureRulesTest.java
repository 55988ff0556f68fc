package io.forestall.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule fails on the fixture's deliberately broken imports, naming what broke it. */
class FeatureRulesTest {

  private static final String ROOT = "io.forestall.architecture.fixture";
  private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(ROOT);
  private static final FeatureRules RULES = new FeatureRules(ROOT);

  @Test
  void aCycleBetweenFeaturesFails() {
    AssertionError failure =
        assertThrows(AssertionError.class, () -> RULES.freeOfCycles().check(BROKEN));
    assertTrue(failure.getMessage().contains("Cycle detected"), failure.getMessage());
  }

  @Test
  void anImportOfALaterFeatureFails() {
    Map<String, Set<String>> allowed = Map.of("early", Set.of(), "late", Set.of("early"));
    AssertionError failure =
        assertThrows(AssertionError.class, () -> RULES.onlyAllowed(allowed).check(BROKEN));
    assertTrue(failure.getMessage().contains("Early.later()"), failure.getMessage());
  }

  @Test
  void aFeatureMissingFromTheTableFails() {
    AssertionError failure =
        assertThrows(
            AssertionError.class,
            () -> RULES.onlyAllowed(Map.of("late", Set.of("early"))).check(BROKEN));
    assertTrue(failure.getMessage().contains("early is not in the table"), failure.getMessage());
  }

  @Test
  void usingAnAdapterFails() {
    AssertionError failure =
        assertThrows(AssertionError.class, () -> RULES.adaptersUsedByNobody().check(BROKEN));
    assertTrue(failure.getMessage().contains("Late.view()"), failure.getMessage());
  }
}
