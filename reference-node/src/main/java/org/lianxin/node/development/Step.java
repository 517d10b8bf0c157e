package org.lianxin.node.development;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lianxin.spec.LX;

/**
 * One dated step of a member's development (spec 11.3, lx:DevelopmentStepScheme).
 *
 * @param type     the step
 * @param date     the day it was taken
 * @param sponsors the sponsors of a Sponsors step
 * @param hours    the class hours of a Training step
 * @param months   the months of a ProbationExtension step
 */
public record Step(Type type, LocalDate date, List<Node> sponsors, Optional<java.math.BigDecimal> hours, Optional<Integer> months) {

    /** The steps, in the order of 《中国共产党发展党员工作细则》(2014). */
    public enum Type {
        APPLICATION("Application"),
        TALK("Talk"),
        ACTIVIST_DESIGNATION("ActivistDesignation"),
        CANDIDATE_DESIGNATION("CandidateDesignation"),
        SPONSORS("Sponsors"),
        TRAINING("Training"),
        ADMISSION_VOTE("AdmissionVote"),
        ADMISSION_APPROVAL("AdmissionApproval"),
        CONFIRMATION_VOTE("ConfirmationVote"),
        CONFIRMATION_APPROVAL("ConfirmationApproval"),
        PROBATION_EXTENSION("ProbationExtension");

        private final String json;

        Type(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public Node iri() {
            return NodeFactory.createURI(LX.NS + json);
        }

        public static Optional<Type> of(Node iri) {
            return Arrays.stream(values()).filter(t -> t.iri().equals(iri)).findFirst();
        }

        public static Optional<Type> ofJson(String json) {
            return Arrays.stream(values()).filter(t -> t.json.equals(json)).findFirst();
        }
    }
}
