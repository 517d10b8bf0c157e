package org.lianxin.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.node.nodes.NodeDescriptions;
import org.lianxin.spec.LX;
import org.lianxin.spec.SpecResources;

/**
 * Every MUST of the conformance classes the node claims is named by at least one of this module's
 * tests, in a string
 * of the test source (a {@code @DisplayName} or a test case's requirement): the node proves each
 * rule it claims. The conformance kit does the same for any node.
 */
class RequirementCoverageTest {

    private static final Pattern ID_IN_STRING = Pattern.compile("\"[^\"\\n]*?(LX-[A-Z]+-\\d+)[^\"\\n]*\"");
    private static final Pattern ID = Pattern.compile("LX-[A-Z]+-\\d+");

    @Test
    @DisplayName("every MUST of every class the node claims is named by a test of the reference node")
    void everyMustHasATest() throws IOException {
        Set<String> musts = new TreeSet<>();
        Model manifest = SpecResources.requirements();
        manifest.listSubjectsWithProperty(LX.level).forEach(r -> {
            String level = r.getProperty(LX.level).getString();
            boolean claimed = NodeDescriptions.CLASSES.contains(r.getProperty(LX.conformanceClass).getString());
            if (level.startsWith("MUST") && claimed) {
                musts.add(r.getProperty(RDFS.label).getString());
            }
        });
        Set<String> named = namedByTests(Path.of("src/test/java"));
        Set<String> missing = new TreeSet<>(musts);
        missing.removeAll(named);
        assertEquals(Set.of(), missing, "MUSTs that no test names");
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(manifest.listSubjectsWithProperty(LX.level).mapWith(r -> r.getProperty(RDFS.label).getString()).toSet());
        assertEquals(Set.of(), unknown, "tests naming requirements the manifest does not have");
    }

    private static Set<String> namedByTests(Path root) throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher strings = ID_IN_STRING.matcher(Files.readString(file));
                while (strings.find()) {
                    Matcher ids = ID.matcher(strings.group());
                    while (ids.find()) {
                        named.add(ids.group());
                    }
                }
            }
        }
        return named;
    }
}
