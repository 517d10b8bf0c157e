package org.lianxin.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.report.Manifest;
import org.lianxin.conformance.report.Requirement;

/**
 * The kit's own build check, as the TCKs audit their coverage: every MUST of the manifest is
 * checked by a test of the kit or declared untested with a reason, and every @Verifies quotes its
 * requirement's level and class as the manifest states them. Writes the coverage table.
 */
class ManifestCoverageTest {

    @Test
    @DisplayName("every MUST of every class is checked by a kit test or declared untested with a reason")
    void everyMustIsCovered() throws Exception {
        Map<String, List<String>> coverage = coverage();
        Set<String> missing = new TreeSet<>();
        for (Requirement r : Manifest.spec().all()) {
            if (r.mandatory() && !coverage.containsKey(r.id()) && !Untested.BY_DESIGN.containsKey(r.id())) {
                missing.add(r.id());
            }
        }
        writeTable(coverage);
        assertEquals(Set.of(), missing, "MUSTs no test of the kit checks");
    }

    @Test
    @DisplayName("every @Verifies names a requirement of the manifest with its level and class")
    void everyAnnotationQuotesTheManifest() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Method m : testMethods()) {
            for (Verifies v : m.getAnnotationsByType(Verifies.class)) {
                String where = m.getDeclaringClass().getSimpleName() + "." + m.getName();
                Manifest.spec().get(v.id()).ifPresentOrElse(r -> {
                    if (!r.level().equals(v.level()) || !r.conformanceClass().equals(v.of())) {
                        wrong.add(where + ": " + v.id() + " is " + r.level() + " of " + r.conformanceClass());
                    }
                    if (!m.getDeclaringClass().getPackageName().equals(KitRunner.packageOf(r.conformanceClass()))) {
                        wrong.add(where + ": " + v.id() + " belongs in " + KitRunner.packageOf(r.conformanceClass()));
                    }
                }, () -> wrong.add(where + ": no requirement " + v.id()));
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(Untested.BY_DESIGN.keySet().stream().allMatch(id -> Manifest.spec().get(id).isPresent()));
    }

    /** Requirement ID → the tests that check it. */
    static Map<String, List<String>> coverage() throws Exception {
        Map<String, List<String>> coverage = new TreeMap<>();
        for (Method m : testMethods()) {
            for (Verifies v : m.getAnnotationsByType(Verifies.class)) {
                coverage.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(m.getDeclaringClass().getSimpleName() + "." + m.getName());
            }
        }
        return coverage;
    }

    /** The methods of the kit's test classes: the classes under org/lianxin/conformance in the kit's own output. */
    static List<Method> testMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Verifies.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Method> methods = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/lianxin/conformance"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("Test.class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                for (Method m : Class.forName(name).getDeclaredMethods()) {
                    if (m.getAnnotationsByType(Verifies.class).length > 0) {
                        methods.add(m);
                    }
                }
            }
        }
        return methods;
    }

    /** target/coverage.md: every requirement of the manifest, its level, and the tests that check it. */
    private static void writeTable(Map<String, List<String>> coverage) throws IOException {
        StringBuilder table = new StringBuilder("# Coverage of the Lianxin requirements by the conformance kit\n\n")
                .append("| Requirement | Class | Level | Tests |\n| --- | --- | --- | --- |\n");
        for (Requirement r : Manifest.spec().all()) {
            String tests = coverage.containsKey(r.id()) ? String.join(", ", coverage.get(r.id()))
                    : Untested.BY_DESIGN.containsKey(r.id()) ? "untested: " + Untested.BY_DESIGN.get(r.id()) : "—";
            table.append("| ").append(r.id()).append(" | ").append(r.conformanceClass()).append(" | ").append(r.level())
                    .append(" | ").append(tests).append(" |\n");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "coverage.md"), table);
    }
}
