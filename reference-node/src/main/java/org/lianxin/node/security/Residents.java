package org.lianxin.node.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The persons a caller is, as the records of a thread name them (spec 14.3, 18.3): a member by
 * their member record; a resident, who has no record, by an IRI the node derives from the token's
 * {@code sub} with its keyed hash. An identity provider may use a telephone number as {@code sub}:
 * the keyed hash keeps it out of every record (LX-SERVICE-9).
 */
@ApplicationScoped
public class Residents {

    /** The prefix of a resident's IRI. */
    public static final String PREFIX = "urn:lianxin:resident:";

    @Inject
    LookupKey key;

    /** The member record and the resident IRI of {@code caller}, those it has. */
    public List<Node> persons(Caller caller) {
        List<Node> persons = new ArrayList<>();
        if (caller.has(Caller.MEMBER)) {
            caller.member().map(NodeFactory::createURI).ifPresent(persons::add);
        }
        if (caller.has(Caller.RESIDENT)) {
            persons.add(resident(caller));
        }
        return persons;
    }

    /** The IRI of the resident {@code caller} is. */
    public Node resident(Caller caller) {
        return NodeFactory.createURI(PREFIX + key.hash("resident " + caller.subject()).substring(0, 32));
    }
}
