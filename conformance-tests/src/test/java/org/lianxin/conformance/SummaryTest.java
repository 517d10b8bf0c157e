package org.lianxin.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lianxin.conformance.report.EarlReport;
import org.lianxin.conformance.report.HtmlReport;
import org.lianxin.conformance.report.Manifest;
import org.lianxin.conformance.report.Outcome;
import org.lianxin.conformance.report.Summary;
import org.lianxin.conformance.report.TestResult;
import org.lianxin.conformance.report.Verdict;

/** How test results become verdicts per requirement and per class, and what the reports say of them. */
class SummaryTest {

    private static TestResult result(String id, Outcome outcome) {
        return new TestResult("T." + id + outcome, "", List.of(id), outcome, outcome == Outcome.PASSED ? "" : "because", List.of());
    }

    private static Verdict verdict(Summary summary, String id) {
        return summary.verdicts().stream().filter(v -> v.requirement().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("one failing test fails its requirement; a MUST failure fails the class, a SHOULD failure is a warning")
    void failuresAndWarnings() {
        List<TestResult> results = List.of(result("LX-CORE-1", Outcome.PASSED), result("LX-CORE-1", Outcome.FAILED),
                result("LX-CORE-6", Outcome.FAILED), result("LX-CORE-2", Outcome.CANT_TELL));
        Summary summary = Summary.of("http://n/nodes/x", Manifest.spec(), List.of("Core", "Federation"), List.of("Core"), results, Map.of());
        assertEquals(Outcome.FAILED, verdict(summary, "LX-CORE-1").outcome());
        assertEquals(Outcome.CANT_TELL, verdict(summary, "LX-CORE-2").outcome());
        assertEquals(Outcome.UNTESTED, verdict(summary, "LX-CORE-3").outcome());
        assertTrue(verdict(summary, "LX-CORE-6").warning(), "LX-CORE-6 is a SHOULD");
        assertEquals(Outcome.INAPPLICABLE, verdict(summary, "LX-FED-1").outcome(), "Federation was not tested");
        assertEquals("class not selected for this run", verdict(summary, "LX-FED-1").note());
        assertEquals(Outcome.INAPPLICABLE, verdict(summary, "LX-SEC-1").outcome());
        assertEquals("class not claimed by the node", verdict(summary, "LX-SEC-1").note());
        Summary.ClassVerdict core = summary.classes(Set.of()).get(0);
        assertEquals("Core", core.conformanceClass());
        assertEquals(Summary.Conformance.DOES_NOT_CONFORM, core.conformance());
        assertEquals(1, core.warnings());
    }

    @Test
    @DisplayName("a class conforms when every MUST passed or is untested by design; a SHOULD failure does not change that")
    void conformance() {
        List<TestResult> results = Manifest.spec().of("Core").stream().filter(r -> r.mandatory())
                .filter(r -> !r.id().equals("LX-CORE-5")).map(r -> result(r.id(), Outcome.PASSED)).toList();
        List<TestResult> all = new java.util.ArrayList<>(results);
        all.add(result("LX-CORE-6", Outcome.FAILED));
        Summary summary = Summary.of("http://n/nodes/x", Manifest.spec(), List.of("Core"), List.of("Core"), all, Map.of("LX-CORE-5", "reason"));
        assertEquals(Summary.Conformance.CANNOT_TELL, summary.classes(Set.of()).get(0).conformance(), "LX-CORE-5 is untested");
        assertEquals(Summary.Conformance.CONFORMS, summary.classes(Set.of("LX-CORE-5")).get(0).conformance());
        assertEquals("reason", verdict(summary, "LX-CORE-5").note());
    }

    @Test
    @DisplayName("the EARL report has one assertion per requirement with its outcome; the HTML escapes what nodes send")
    void reports() {
        Summary summary = Summary.of("http://n/nodes/x", Manifest.spec(), List.of("Core"), List.of("Core"),
                List.of(new TestResult("T.x", "", List.of("LX-CORE-1"), Outcome.FAILED, "<script>alert(1)</script>", List.of())), Map.of());
        Model earl = ModelFactory.createDefaultModel().read(new StringReader(EarlReport.turtle(summary)), null, "TURTLE");
        assertEquals(Manifest.spec().all().size(),
                earl.listSubjectsWithProperty(earl.createProperty(EarlReport.EARL, "test")).toList().size());
        Resource failed = earl.listSubjectsWithProperty(earl.createProperty(EarlReport.EARL, "test"), earl.createResource(Manifest.NS + "LX-CORE-1"))
                .next().getPropertyResourceValue(earl.createProperty(EarlReport.EARL, "result"));
        assertEquals(EarlReport.EARL + "failed", failed.getPropertyResourceValue(earl.createProperty(EarlReport.EARL, "outcome")).getURI());
        String html = HtmlReport.html(summary, List.of());
        assertTrue(html.contains("&lt;script&gt;") && !html.contains("<script>"));
    }
}
