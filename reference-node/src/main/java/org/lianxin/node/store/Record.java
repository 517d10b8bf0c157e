package org.lianxin.node.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/** A record as read from the store: the resource's IRI and its graph. */
public record Record(Node iri, Graph graph) {}
