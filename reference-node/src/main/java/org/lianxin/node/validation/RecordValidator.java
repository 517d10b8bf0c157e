package org.lianxin.node.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.vocabulary.XSD;
import org.lianxin.node.problems.Problem;
import org.lianxin.node.store.Record;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.spec.ContextTerms;
import org.lianxin.spec.LX;

/**
 * Checks a record against the spec's SHACL shapes and turns each result into an error entry of the
 * spec's Table 3.5: the JSON key path of the failing value, the constraint component, the shape's
 * own message, and the requirement broken (Table 5.12).
 */
public final class RecordValidator {

    private static final String SHAPES_NS = "https://w3id.org/lianxin/shapes#";

    /** Table 5.12: source shapes whose results break a requirement of their own. */
    public static final Map<String, String> REQUIREMENT_OF_SHAPE = Map.ofEntries(
            Map.entry(SHAPES_NS + "Organization-foundingDate-notFuture", "LX-CORE-42"),
            Map.entry(SHAPES_NS + "Member-birthDate-past", "LX-CORE-50"),
            Map.entry(SHAPES_NS + "Member-activistDate-required", "LX-CORE-55"),
            Map.entry(SHAPES_NS + "Member-candidateDate-required", "LX-CORE-55"),
            Map.entry(SHAPES_NS + "Member-admissionDate-required", "LX-CORE-55"),
            Map.entry(SHAPES_NS + "Member-fullMembershipDate-required", "LX-CORE-55"),
            Map.entry(SHAPES_NS + "Member-applicationDate-age18", "LX-CORE-57"),
            Map.entry(SHAPES_NS + "Member-duesCategory", "LX-DUES-2"),
            Map.entry(SHAPES_NS + "Member-duesBase", "LX-DUES-2"),
            Map.entry(SHAPES_NS + "Member-duesBase-required", "LX-DUES-2"),
            Map.entry(SHAPES_NS + "Transfer-transferredMember", "LX-TRANSFER-3"),
            Map.entry(SHAPES_NS + "Transfer-toOrganization", "LX-TRANSFER-4"),
            Map.entry(SHAPES_NS + "Member-developmentSteps", "LX-PIPELINE-2"),
            Map.entry(SHAPES_NS + "DevelopmentStep", "LX-PIPELINE-2"),
            Map.entry(SHAPES_NS + "DevelopmentStep-step", "LX-PIPELINE-2"),
            Map.entry(SHAPES_NS + "DevelopmentStep-date", "LX-PIPELINE-2"),
            Map.entry(SHAPES_NS + "DevelopmentStep-sponsors", "LX-PIPELINE-2"),
            Map.entry(SHAPES_NS + "DevelopmentStep-hours", "LX-PIPELINE-2"),
            Map.entry(SHAPES_NS + "DevelopmentStep-months", "LX-PIPELINE-2"));

    /** Table 5.12: the requirement of any other result, by the class of the record. */
    private static final Map<Node, String> REQUIREMENT_OF_CLASS = Map.of(
            LX.DuesPayment.asNode(), "LX-DUES-9",
            LX.Transfer.asNode(), "LX-TRANSFER-2",
            LX.Activity.asNode(), "LX-ORGLIFE-3",
            LX.ServiceRequest.asNode(), "LX-SERVICE-3");

    private static final String SH = "http://www.w3.org/ns/shacl#";

    private final Shapes shapes;
    private final SparqlConstraints sparql;
    private final ContextTerms terms;

    public RecordValidator(Graph shapesGraph, ContextTerms terms) {
        Graph core = GraphFactory.createDefaultGraph();
        shapesGraph.find().forEachRemaining(core::add);
        this.sparql = new SparqlConstraints(core); // takes its constraints out of the copy
        this.shapes = Shapes.parse(core);
        this.terms = terms;
    }

    /** The broken rules of {@code record} (rooted at {@code root}), empty when it conforms. */
    public List<FieldError> check(Graph record, Node root) {
        return checkAll(List.of(new Record(root, record))).get(0);
    }

    /**
     * The broken rules of each record, in the order given: the core constraints record by record,
     * the SHACL-SPARQL ones once for them all (they cost most when asked per focus node).
     */
    public List<List<FieldError>> checkAll(List<Record> records) {
        Map<Node, List<SparqlConstraints.Violation>> violations = sparql.violations(records.stream().map(Record::graph).toList());
        List<List<FieldError>> all = new ArrayList<>();
        for (Record r : records) {
            Graph record = r.graph();
            Node root = r.iri();
            ValidationReport report = ShaclValidator.get().validate(shapes, record);
            boolean member = record.contains(root, org.apache.jena.vocabulary.RDF.type.asNode(), LX.Member.asNode());
            // Table 5.12: the results of a class's own shapes name that class's requirement.
            String ofClass = REQUIREMENT_OF_CLASS.entrySet().stream()
                    .filter(e -> record.contains(root, org.apache.jena.vocabulary.RDF.type.asNode(), e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(member ? "LX-CORE-48" : "LX-CORE-41");
            List<FieldError> errors = new ArrayList<>();
            for (ReportEntry entry : report.getEntries()) {
                errors.add(new FieldError(field(record, root, entry), rule(entry), message(entry), requirement(entry, member, ofClass)));
            }
            for (SparqlConstraints.Violation v : violations.getOrDefault(root, List.of())) {
                String field = v.path() != null && v.path().isURI() ? terms.key(v.path().getURI()) : "";
                String requirement = v.shape().isURI() && REQUIREMENT_OF_SHAPE.containsKey(v.shape().getURI())
                        ? REQUIREMENT_OF_SHAPE.get(v.shape().getURI()) : ofClass;
                errors.add(new FieldError(field, "sh:SPARQLConstraintComponent", message(v.messages(), "sh:SPARQLConstraintComponent"), requirement));
            }
            all.add(errors);
        }
        return all;
    }

    /** Throws a 422 problem naming every broken rule, if there is one. */
    public static void reject(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw Problem.of(422, errors.size() + " rule(s) broken; nothing was written.").withErrors(errors).exception();
        }
    }

    private static String requirement(ReportEntry entry, boolean member, String ofClass) {
        Node shape = entry.source();
        if (shape != null && shape.isURI() && REQUIREMENT_OF_SHAPE.containsKey(shape.getURI())) {
            return REQUIREMENT_OF_SHAPE.get(shape.getURI());
        }
        if (!member) {
            return ofClass;
        }
        String component = entry.sourceConstraintComponent() == null ? "" : entry.sourceConstraintComponent().getURI();
        if (component.equals(SH + "DatatypeConstraintComponent") && XSD.date.asNode().equals(constraintValue(entry))) {
            return "LX-CORE-49";
        }
        if (component.equals(SH + "LessThanOrEqualsConstraintComponent")) {
            return "LX-CORE-56";
        }
        return "LX-CORE-48";
    }

    /** The datatype a sh:datatype constraint asks for, read from the constraint's text form. */
    private static Node constraintValue(ReportEntry entry) {
        String text = entry.constraint() == null ? "" : entry.constraint().toString();
        return text.contains(XSD.date.getURI()) || text.contains("xsd:date") ? XSD.date.asNode() : null;
    }

    /**
     * The JSON keys from the record to the failing value (Table 3.5): the key of the result path,
     * after the keys that lead from the root to the focus node (memberships.memberDuring...).
     */
    private String field(Graph record, Node root, ReportEntry entry) {
        String key = entry.resultPath() instanceof P_Link link ? terms.key(link.getNode().getURI())
                : entry.resultPath() == null ? "" : entry.resultPath().toString();
        Optional<String> prefix = pathTo(record, root, entry.focusNode(), 0);
        String path = prefix.orElse("");
        return path.isEmpty() ? key : key.isEmpty() ? path : path + "." + key;
    }

    private Optional<String> pathTo(Graph record, Node from, Node to, int depth) {
        if (from.equals(to)) {
            return Optional.of("");
        }
        if (depth > 4) {
            return Optional.empty();
        }
        for (Triple t : record.find(from, Node.ANY, Node.ANY).toList()) {
            if (t.getObject().isBlank()) {
                Optional<String> rest = pathTo(record, t.getObject(), to, depth + 1);
                if (rest.isPresent()) {
                    return Optional.of(join(terms.key(t.getPredicate().getURI()), rest.get()));
                }
            }
        }
        for (Triple t : record.find(Node.ANY, Node.ANY, from).toList()) {
            Optional<ContextTerms.Term> reverse = terms.reverse(t.getPredicate().getURI());
            if (t.getSubject().isBlank() && reverse.isPresent()) {
                Optional<String> rest = pathTo(record, t.getSubject(), to, depth + 1);
                if (rest.isPresent()) {
                    return Optional.of(join(reverse.get().name(), rest.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static String join(String a, String b) {
        return b.isEmpty() ? a : a + "." + b;
    }

    /**
     * The shape's own sh:message, in English when it has one. Never the validator's default text:
     * that quotes the offending value, and a value may be personal data.
     */
    private static String message(ReportEntry entry) {
        return message(entry.messages(), rule(entry));
    }

    /** The English message of a shape, else its first, else one naming the rule. */
    private static String message(java.util.Collection<Node> messages, String rule) {
        Node chosen = null;
        for (Node m : messages) {
            if (chosen == null || "en".equals(m.getLiteralLanguage())) {
                chosen = m;
            }
        }
        return chosen != null ? chosen.getLiteralLexicalForm() : "The value breaks the rule " + rule + ".";
    }

    private static String rule(ReportEntry entry) {
        Node component = entry.sourceConstraintComponent();
        return component == null ? "sh:ConstraintComponent" : "sh:" + component.getLocalName();
    }
}
