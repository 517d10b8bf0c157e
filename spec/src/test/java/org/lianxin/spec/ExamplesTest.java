package org.lianxin.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.path.P_Inverse;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs examples/manifest.ttl: valid examples conform, counter-examples fail exactly as stated. */
class ExamplesTest {

    private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static final String SHT = "http://www.w3.org/ns/shacl-test#";
    private static final String LXT = "https://w3id.org/lianxin/tests#";

    private static final Model MANIFEST =
            ModelFactory.createModelForGraph(SpecResources.graph(SpecResources.EXAMPLES_MANIFEST));
    private static final Property ENTRIES = MANIFEST.createProperty(MF, "entries");
    // Files in the manifest are relative IRIs, resolved against the manifest's own URL (its <>).
    private static final String EXAMPLES_BASE =
            MANIFEST.listSubjectsWithProperty(ENTRIES).next().getURI().replaceFirst("manifest\\.ttl$", "");
    private static final Property NAME = MANIFEST.createProperty(MF, "name");
    private static final Property ACTION = MANIFEST.createProperty(MF, "action");
    private static final Property RESULT = MANIFEST.createProperty(MF, "result");
    private static final Property DATA_GRAPH = MANIFEST.createProperty(SHT, "dataGraph");
    private static final Resource VALIDATE = MANIFEST.createResource(SHT + "Validate");
    private static final Property TURTLE_TWIN = MANIFEST.createProperty(LXT, "turtleTwin");
    private static final Resource NODE_RULE_TEST = MANIFEST.createResource(LXT + "NodeRuleTest");
    private static final Property NODE_RULE = MANIFEST.createProperty(LXT, "nodeRule");
    private static final Property SKIP_REASON = MANIFEST.createProperty(LXT, "skipReason");
    private static final Resource NATIONAL_ID_CHECK = MANIFEST.createResource(LXT + "NationalIdCheckCharacter");
    private static final Node SCHEMA_BIRTH_DATE = NodeFactory.createURI("http://schema.org/birthDate");

    @TestFactory
    Stream<DynamicNode> manifestEntries() {
        List<RDFNode> entries = MANIFEST.listSubjectsWithProperty(ENTRIES).next()
                .getPropertyResourceValue(ENTRIES).as(RDFList.class).asJavaList();
        assertFalse(entries.isEmpty());
        return entries.stream().map(RDFNode::asResource).map(ExamplesTest::entryTests);
    }

    private static DynamicNode entryTests(Resource entry) {
        String name = entry.getRequiredProperty(NAME).getString();
        String data = examplePath(entry.getRequiredProperty(ACTION).getResource().getRequiredProperty(DATA_GRAPH).getResource());
        List<DynamicNode> tests = new ArrayList<>();
        if (entry.hasProperty(RDF.type, VALIDATE)) {
            tests.add(dynamicTest("SHACL report as expected", () -> checkReport(entry, SpecResources.graph(data))));
            Resource twin = entry.getPropertyResourceValue(TURTLE_TWIN);
            if (twin != null)
                tests.add(dynamicTest("Turtle twin is the same graph", () -> assertTrue(
                        SpecResources.graph(data).isIsomorphicWith(SpecResources.graph(examplePath(twin))),
                        data + " and its Turtle twin differ")));
            if (expectedConforms(entry))
                tests.add(dynamicTest("national ID numbers are valid", () -> checkNationalIds(SpecResources.graph(data))));
        } else if (entry.hasProperty(RDF.type, NODE_RULE_TEST)) {
            String reason = entry.getRequiredProperty(SKIP_REASON).getString();
            tests.add(dynamicTest("SHACL report as expected", () -> Assumptions.abort("node rule: " + reason)));
            tests.add(dynamicTest("node rule is broken", () -> checkNodeRule(entry, SpecResources.graph(data))));
        } else {
            tests.add(dynamicTest("known entry type", () -> fail("Unknown manifest entry type: " + entry)));
        }
        return dynamicContainer(name, tests);
    }

    private static boolean expectedConforms(Resource entry) {
        return entry.getRequiredProperty(RESULT).getResource().getRequiredProperty(prop(SHACL.conforms)).getBoolean();
    }

    private static void checkReport(Resource entry, Graph data) {
        ValidationReport report = SpecShapes.validate(data);
        assertEquals(expectedConforms(entry), report.conforms(), () -> describe(report));
        Resource expected = entry.getRequiredProperty(RESULT).getResource();
        List<String> expectedResults = expected.listProperties(prop(SHACL.result)).toList()
                .stream().map(s -> expectedResult(s.getResource())).sorted().toList();
        List<String> actualResults = report.getEntries().stream().map(ExamplesTest::actualResult).sorted().toList();
        assertEquals(expectedResults, actualResults, () -> describe(report));
        for (ReportEntry result : report.getEntries())
            assertEquals(Set.of("en", "zh"), languages(result.messages()), () -> "messages of " + result);
    }

    /** focus node (or _ for a blank node), path, constraint component, shape, severity. */
    private static String expectedResult(Resource r) {
        Resource focus = r.getPropertyResourceValue(prop(SHACL.focusNode));
        Resource path = r.getPropertyResourceValue(prop(SHACL.resultPath));
        Resource inverse = path.getPropertyResourceValue(prop(SHACL.inversePath));
        return String.join(" ",
                focus == null ? "_" : focus.getURI(),
                inverse != null ? "^" + inverse.getURI() : path.getURI(),
                r.getPropertyResourceValue(prop(SHACL.sourceConstraintComponent)).getURI(),
                r.getPropertyResourceValue(prop(SHACL.sourceShape)).getURI(),
                r.getPropertyResourceValue(prop(SHACL.resultSeverity)).getURI());
    }

    private static String actualResult(ReportEntry e) {
        String path = String.valueOf(e.resultPath());
        if (e.resultPath() instanceof P_Link link)
            path = link.getNode().getURI();
        else if (e.resultPath() instanceof P_Inverse inverse && inverse.getSubPath() instanceof P_Link link)
            path = "^" + link.getNode().getURI();
        return String.join(" ",
                e.focusNode().isURI() ? e.focusNode().getURI() : "_",
                path,
                e.sourceConstraintComponent().getURI(),
                e.source().isURI() ? e.source().getURI() : "(blank shape)",
                e.severity().level().getURI());
    }

    private static Set<String> languages(Collection<Node> messages) {
        return messages.stream().map(Node::getLiteralLanguage).collect(Collectors.toSet());
    }

    private static void checkNationalIds(Graph data) {
        List<Triple> ids = data.find(Node.ANY, LX.nationalIdNumber.asNode(), Node.ANY).toList();
        for (Triple t : ids) {
            String id = t.getObject().getLiteralLexicalForm();
            assertTrue(NationalIdNumber.isValid(id), id);
            Node birthDate = data.find(t.getSubject(), SCHEMA_BIRTH_DATE, Node.ANY).next().getObject();
            assertEquals(NationalIdNumber.birthDate(id).toString(), birthDate.getLiteralLexicalForm(), id);
        }
    }

    private static void checkNodeRule(Resource entry, Graph data) {
        Resource rule = entry.getPropertyResourceValue(NODE_RULE);
        if (!NATIONAL_ID_CHECK.equals(rule))
            fail("No check for node rule " + rule);
        List<Triple> ids = data.find(Node.ANY, LX.nationalIdNumber.asNode(), Node.ANY).toList();
        assertFalse(ids.isEmpty());
        for (Triple t : ids) {
            String id = t.getObject().getLiteralLexicalForm();
            assertTrue(NationalIdNumber.FORMAT.matcher(id).matches(), "only the check character may be wrong: " + id);
            assertFalse(NationalIdNumber.isValid(id), id);
        }
    }

    @Test
    void everyExampleFileIsInTheManifestAndUsesTheCanonicalContext() throws IOException, URISyntaxException {
        Set<String> listed = new TreeSet<>();
        for (Property p : List.of(DATA_GRAPH, TURTLE_TWIN))
            MANIFEST.listObjectsOfProperty(p).forEach(file -> listed.add(examplePath(file.asResource())));
        Set<String> files;
        Path examples = Path.of(new URI(EXAMPLES_BASE));
        try (Stream<Path> walk = Files.walk(examples)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> "examples/" + examples.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(SpecResources.EXAMPLES_MANIFEST))
                    .filter(p -> !p.startsWith("examples/rosters/")) // files of chapter 15, not records: checked by the node's RosterExamplesTest
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, listed);
        for (String file : files)
            if (file.endsWith(".jsonld"))
                assertEquals(JsonLdContexts.CONTEXT_IRI,
                        JSON.parse(SpecResources.text(file)).get("@context").getAsString().value(), file);
    }

    @Test
    void manifestNamesMatchTheirFiles() {
        for (Statement s : MANIFEST.listStatements(null, NAME, (RDFNode) null).toList()) {
            Resource entry = s.getSubject();
            String data = examplePath(entry.getRequiredProperty(ACTION).getResource().getRequiredProperty(DATA_GRAPH).getResource());
            assertEquals("examples/" + s.getString(), data.replaceFirst("\\.(jsonld|ttl)$", ""));
            assertTrue(entry.hasProperty(RDFS.comment), s.getString());
        }
    }

    @Test
    void counterExamplesNameTheRequirementTheyBreak() {
        Model requirements = SpecResources.requirements();
        Property requirement = MANIFEST.createProperty(LXT, "requirement");
        for (Statement s : MANIFEST.listStatements(null, NAME, (RDFNode) null).toList()) {
            boolean broken = s.getString().startsWith("broken/");
            List<Statement> named = s.getSubject().listProperties(requirement).toList();
            assertEquals(broken ? 1 : 0, named.size(), s.getString());
            for (Statement r : named)
                assertTrue(requirements.contains(r.getResource(), RDF.type, LX.Requirement), r.getResource().getURI());
        }
    }

    private static String examplePath(Resource file) {
        assertTrue(file.getURI().startsWith(EXAMPLES_BASE), file.getURI());
        return "examples/" + file.getURI().substring(EXAMPLES_BASE.length());
    }

    private static String describe(ValidationReport report) {
        return report.getEntries().stream().map(ReportEntry::toString).collect(Collectors.joining("\n"));
    }

    private static Property prop(Node node) {
        return MANIFEST.createProperty(node.getURI());
    }
}
