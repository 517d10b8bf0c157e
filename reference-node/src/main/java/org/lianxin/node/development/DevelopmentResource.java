package org.lianxin.node.development;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.HostedNodes;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.problems.Problem.FieldError;
import org.lianxin.node.problems.ProblemException;
import org.lianxin.node.rdf.JsonP;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.Records;
import org.lianxin.node.records.References;
import org.lianxin.node.security.Access;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;

/**
 * The development pipeline of a node (spec chapter 11): a step added to a member's record with one
 * request, which moves the stage when the rules allow it, and the list of who is due or overdue.
 */
@Path("/nodes/{node}/members/{id: [A-Za-z0-9_-]{1,64}}/development")
@RequestScoped
public class DevelopmentResource {

    /** Table 11.4: the stage a step is taken in, and the stage it leads to (null: the same). */
    private record Move(Node from, Node to) {}

    private static final Map<Step.Type, Move> MOVES = Map.of(
            Step.Type.TALK, new Move(LX.Applicant.asNode(), null),
            Step.Type.ACTIVIST_DESIGNATION, new Move(LX.Applicant.asNode(), LX.Activist.asNode()),
            Step.Type.CANDIDATE_DESIGNATION, new Move(LX.Activist.asNode(), LX.DevelopmentCandidate.asNode()),
            Step.Type.SPONSORS, new Move(LX.DevelopmentCandidate.asNode(), null),
            Step.Type.TRAINING, new Move(LX.DevelopmentCandidate.asNode(), null),
            Step.Type.ADMISSION_VOTE, new Move(LX.DevelopmentCandidate.asNode(), null),
            Step.Type.ADMISSION_APPROVAL, new Move(LX.DevelopmentCandidate.asNode(), LX.ProbationaryMember.asNode()),
            Step.Type.CONFIRMATION_VOTE, new Move(LX.ProbationaryMember.asNode(), null),
            Step.Type.CONFIRMATION_APPROVAL, new Move(LX.ProbationaryMember.asNode(), LX.FullMember.asNode()),
            Step.Type.PROBATION_EXTENSION, new Move(LX.ProbationaryMember.asNode(), null));

    @Inject
    HostedNodes nodes;

    @Inject
    Records records;

    @Inject
    Access access;

    @PathParam("node")
    String nodeId;

    @Context
    HttpHeaders headers;

    /**
     * LX-PIPELINE-11: adds a step to the member {@code id}, with the stage and date it leads to; the
     * record is then written like any other, so the rules of 11.4 decide (422), and nothing is written
     * unless all hold.
     */
    @POST
    @Consumes("*/*")
    public Response addStep(@PathParam("id") String id, String body) {
        LogicalNode node = nodes.node(nodeId);
        JsonObject json = parse(body);
        Step.Type type = Optional.ofNullable(json.get("step")).filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString())
                .flatMap(Step.Type::ofJson).orElseThrow(() -> ProblemException.badRequest("step is a value of lx:DevelopmentStepScheme, e.g. Talk."));
        LocalDate date = date(json);
        List<Node> sponsors = sponsors(json);
        Optional<String> hours = optionalNumber(json, "hours");
        Optional<String> months = optionalNumber(json, "months");
        Record member = records.members().live(node, id, access);
        Node iri = member.iri();
        Development now = Development.of(member.graph(), iri);
        Move move = MOVES.get(type);
        boolean needsVote = type == Step.Type.ADMISSION_APPROVAL && now.steps(Step.Type.ADMISSION_VOTE).isEmpty()
                || type == Step.Type.CONFIRMATION_APPROVAL && now.steps(Step.Type.CONFIRMATION_VOTE).isEmpty();
        if (move == null || !now.in(move.from()) || needsVote) {
            throw ProblemException.conflict("A " + type.json() + " step does not follow from the member's stage and steps.",
                    List.of(new FieldError("step", "step-order", "Table 11.4 does not allow this step now.", "LX-PIPELINE-11")));
        }
        Graph after = Lifecycle.withoutDates(member.graph(), iri);
        Node step = NodeFactory.createBlankNode();
        after.add(iri, LX.developmentStep.asNode(), step);
        after.add(step, RDF.type.asNode(), LX.DevelopmentStep.asNode());
        after.add(step, LX.stepType.asNode(), type.iri());
        after.add(step, LX.stepDate.asNode(), day(date));
        sponsors.forEach(sponsor -> after.add(step, LX.sponsor.asNode(), sponsor));
        hours.ifPresent(h -> after.add(step, LX.trainingHours.asNode(), NodeFactory.createLiteralDT(h, XSDDatatype.XSDdecimal)));
        months.ifPresent(m -> after.add(step, LX.extensionMonths.asNode(), NodeFactory.createLiteralDT(m, XSDDatatype.XSDinteger)));
        if (move.to() != null) {
            Lifecycle.set(after, iri, LX.stage.asNode(), move.to());
            Development added = Development.of(after, iri);
            switch (type) {
                case ACTIVIST_DESIGNATION -> Lifecycle.set(after, iri, LX.activistDate.asNode(), day(date));
                case CANDIDATE_DESIGNATION -> Lifecycle.set(after, iri, LX.candidateDate.asNode(), day(date));
                case ADMISSION_APPROVAL -> Lifecycle.set(after, iri, LX.admissionDate.asNode(), day(added.last(Step.Type.ADMISSION_VOTE).orElseThrow().date()));
                case CONFIRMATION_APPROVAL -> added.probationEnd().ifPresent(end -> Lifecycle.set(after, iri, LX.fullMembershipDate.asNode(), day(end)));
                default -> { }
            }
        }
        Record stored = records.members().put(node, new Record(iri, after), access).record();
        return records.memberEndpoints().written(node, stored, headers);
    }

    private static Node day(LocalDate date) {
        return NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate);
    }

    /** The sponsors of the body: absent, or an array of member IRIs; else 400. */
    private static List<Node> sponsors(JsonObject json) {
        if (!json.containsKey("sponsors")) {
            return List.of();
        }
        if (!(json.get("sponsors") instanceof jakarta.json.JsonArray sponsors)
                || !sponsors.stream().allMatch(v -> v instanceof JsonString s && s.getString().matches(References.ABSOLUTE_IRI))) {
            throw ProblemException.badRequest("sponsors is an array of member IRIs.");
        }
        return sponsors.stream().map(v -> NodeFactory.createURI(((JsonString) v).getString())).toList();
    }

    private static Optional<String> optionalNumber(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value == null || value == JsonValue.NULL ? Optional.empty() : Optional.of(number(value));
    }

    private static String number(JsonValue value) {
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue().toPlainString();
        }
        if (value instanceof JsonString s && s.getString().matches("-?\\d+(\\.\\d+)?")) {
            return s.getString();
        }
        throw ProblemException.badRequest("hours and months are numbers.");
    }

    private static LocalDate date(JsonObject json) {
        if (!(json.get("date") instanceof JsonString s)) {
            throw ProblemException.badRequest("date is the day of the step, yyyy-mm-dd.");
        }
        return parseDay(s.getString(), "date");
    }

    static LocalDate parseDay(String text, String name) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " is a day, yyyy-mm-dd.");
        }
    }

    private static JsonObject parse(String body) {
        return JsonP.object(body).orElseThrow(() -> ProblemException.badRequest("The body is a JSON object: {\"step\": ..., \"date\": ...}."));
    }
}
