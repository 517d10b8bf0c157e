package org.lianxin.node.transfers;

import java.util.Arrays;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lianxin.spec.LX;

/** The states of lx:TransferStateScheme (spec 10.4), with their JSON values. */
public enum TransferState {
    REQUESTED("Requested", true),
    APPROVED("Approved", true),
    ACCEPTED("Accepted", true),
    REJECTED("Rejected", false),
    COMPLETED("Completed", false),
    CANCELLED("Cancelled", false);

    private final String json;
    private final boolean open;

    TransferState(String json, boolean open) {
        this.json = json;
        this.open = open;
    }

    /** The JSON value, e.g. {@code Approved}. */
    public String json() {
        return json;
    }

    /** Whether the transfer is not finished: a member has at most one such (LX-TRANSFER-5). */
    public boolean open() {
        return open;
    }

    public Node iri() {
        return NodeFactory.createURI(LX.NS + json);
    }

    public static Optional<TransferState> of(Node iri) {
        return Arrays.stream(values()).filter(s -> s.iri().equals(iri)).findFirst();
    }

    public static Optional<TransferState> ofJson(String json) {
        return Arrays.stream(values()).filter(s -> s.json.equals(json)).findFirst();
    }
}
