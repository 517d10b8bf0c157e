package org.lianxin.spec;

import org.apache.jena.graph.Graph;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;

/** The spec's shapes, parsed once, and validation against them. */
final class SpecShapes {

    static final Shapes SHAPES = Shapes.parse(SpecResources.shapesGraph());

    private SpecShapes() {}

    static ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(SHAPES, data);
    }
}
