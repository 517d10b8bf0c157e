package org.lianxin.conformance.report;

import java.io.StringWriter;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.spec.SpecResources;

/**
 * The run as EARL 1.0 (W3C Evaluation and Report Language) in Turtle: one assertion per
 * requirement of the manifest, with its outcome, as the W3C test suites publish per implementation.
 */
public final class EarlReport {

    public static final String EARL = "http://www.w3.org/ns/earl#";
    public static final String DOAP = "http://usefulinc.com/ns/doap#";
    /** The kit, as the assertor. */
    public static final String KIT = "https://w3id.org/lianxin/conformance-kit";

    private EarlReport() {}

    public static String turtle(Summary summary) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("earl", EARL);
        m.setNsPrefix("dct", DCTerms.NS);
        m.setNsPrefix("doap", DOAP);
        m.setNsPrefix("lxr", Manifest.NS);
        m.setNsPrefix("xsd", XSDDatatype.XSD + "#");
        Resource kit = m.createResource(KIT).addProperty(RDF.type, m.createResource(EARL + "Software"))
                .addProperty(m.createProperty(DOAP, "name"), "Lianxin conformance kit")
                .addProperty(m.createProperty(DOAP, "release"), SpecResources.VERSION);
        Resource node = m.createResource(summary.node()).addProperty(RDF.type, m.createResource(EARL + "TestSubject"));
        summary.claimed().forEach(c -> node.addProperty(m.createProperty("https://w3id.org/lianxin/ns#", "conformanceClass"), c));
        String at = summary.at().toString();
        for (Verdict v : summary.verdicts()) {
            Resource result = m.createResource().addProperty(RDF.type, m.createResource(EARL + "TestResult"))
                    .addProperty(p(m, "outcome"), m.createResource(EARL + v.outcome().earl()))
                    .addProperty(DCTerms.date, m.createTypedLiteral(at, XSDDatatype.XSDdateTime));
            String description = description(v);
            if (!description.isEmpty()) {
                result.addProperty(DCTerms.description, description);
            }
            m.createResource().addProperty(RDF.type, m.createResource(EARL + "Assertion"))
                    .addProperty(p(m, "assertedBy"), kit)
                    .addProperty(p(m, "subject"), node)
                    .addProperty(p(m, "test"), m.createResource(v.requirement().iri()))
                    .addProperty(p(m, "mode"), m.createResource(EARL + "automatic"))
                    .addProperty(p(m, "result"), result);
        }
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, m, Lang.TURTLE);
        return out.toString();
    }

    /** The tests behind the outcome, and why, for a person reading the report. */
    private static String description(Verdict v) {
        StringBuilder text = new StringBuilder(v.note());
        for (TestResult t : v.tests()) {
            text.append(text.length() == 0 ? "" : "\n").append(t.test()).append(": ").append(t.outcome().earl());
            if (!t.message().isEmpty()) {
                text.append(" — ").append(t.message().lines().findFirst().orElse(""));
            }
        }
        return text.toString();
    }

    private static Property p(Model m, String name) {
        return m.createProperty(EARL, name);
    }
}
