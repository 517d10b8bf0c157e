package org.lianxin.spec;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The schema.org terms Lianxin reuses, in the {@code http://schema.org/} namespace its context
 * declares. (Jena's own {@code SchemaDO} uses {@code https://schema.org/}, which is another IRI.)
 */
public final class SchemaOrg {

    public static final String NS = "http://schema.org/";

    /** The name of a person or an organization. */
    public static final Property name = property("name");
    public static final Property description = property("description");
    /** The text of a feedback message or of a reply (chapter 14). */
    public static final Property text = property("text");
    public static final Property gender = property("gender");
    public static final Property birthDate = property("birthDate");
    public static final Property address = property("address");
    public static final Property telephone = property("telephone");
    public static final Property jobTitle = property("jobTitle");
    public static final Property foundingDate = property("foundingDate");
    public static final Property startDate = property("startDate");
    public static final Property endDate = property("endDate");
    public static final Resource Male = ResourceFactory.createResource(NS + "Male");
    public static final Resource Female = ResourceFactory.createResource(NS + "Female");

    private SchemaOrg() {}

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
