package io.forestall.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules between the features under one root package ({@code io.forestall}): no cycles, only the
 * dependencies a feature is allowed, and adapters ({@code web}, {@code rest}, {@code jobs}) used by
 * nobody. The shared layers {@code kernel} and {@code platform} may be used by every feature.
 */
public final class FeatureRules {

  static final Set<String> SHARED = Set.of("kernel", "platform");
  static final Set<String> ADAPTERS = Set.of("web", "rest", "jobs");

  private static final Pattern ROW =
      Pattern.compile("^\\| `(\\w+)` \\|[^|]*\\| (—|`\\w+`(?:, `\\w+`)*) \\|$");

  private final String root;
  private final String prefix;

  public FeatureRules(String root) {
    this.root = root;
    this.prefix = root + ".";
  }

  /** The allowed dependencies per feature, from the table of {@code docs/architecture.md}. */
  public static Map<String, Set<String>> allowedIn(Path document) throws IOException {
    Map<String, Set<String>> allowed = new LinkedHashMap<>();
    for (String line : Files.readAllLines(document)) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        allowed.put(
            row.group(1),
            row.group(2).equals("—")
                ? Set.of()
                : Arrays.stream(row.group(2).split(", "))
                    .map(name -> name.replace("`", ""))
                    .collect(Collectors.toUnmodifiableSet()));
      }
    }
    return allowed;
  }

  public ArchRule freeOfCycles() {
    return SlicesRuleDefinition.slices()
        .matching(prefix + "(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(false);
  }

  public ArchRule onlyAllowed(Map<String, Set<String>> allowed) {
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .should(
            new ArchCondition<>("use only the features they are allowed " + allowed) {
              @Override
              public void check(JavaClass origin, ConditionEvents events) {
                String own = feature(origin);
                if (own == null || SHARED.contains(own)) {
                  return;
                }
                Set<String> ok = allowed.get(own);
                origin
                    .getDirectDependenciesFromSelf()
                    .forEach(
                        d -> {
                          String other = feature(d.getTargetClass());
                          boolean fine =
                              other == null
                                  || other.equals(own)
                                  || SHARED.contains(other)
                                  || (ok != null && ok.contains(other));
                          if (!fine) {
                            events.add(
                                SimpleConditionEvent.violated(
                                    d,
                                    (ok == null ? own + " is not in the table: " : "")
                                        + d.getDescription()));
                          }
                        });
              }
            });
  }

  public ArchRule adaptersUsedByNobody() {
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .should(
            new ArchCondition<>("use no adapter but their own") {
              @Override
              public void check(JavaClass origin, ConditionEvents events) {
                String own = adapter(origin);
                origin
                    .getDirectDependenciesFromSelf()
                    .forEach(
                        d -> {
                          String target = adapter(d.getTargetClass());
                          if (target != null && !target.equals(own)) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                          }
                        });
              }
            });
  }

  /** The feature a class belongs to, or null outside the root. */
  String feature(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(prefix)) {
      return null;
    }
    String rest = name.substring(prefix.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /** A feature's adapter package ({@code outreach.web}) a class is in, or null. */
  private String adapter(JavaClass type) {
    String feature = feature(type);
    if (feature == null || SHARED.contains(feature)) {
      return null;
    }
    String[] parts = type.getPackageName().substring(prefix.length()).split("\\.");
    return parts.length > 1 && ADAPTERS.contains(parts[1]) ? parts[0] + "." + parts[1] : null;
  }
}
