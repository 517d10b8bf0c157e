package org.lianxin.conformance.report;

/**
 * One numbered requirement of the spec, as the manifest ({@code requirements.ttl}) states it.
 *
 * @param id               e.g. LX-CORE-22
 * @param conformanceClass e.g. Core
 * @param level            MUST, MUST NOT, SHOULD, SHOULD NOT or MAY
 * @param text             the requirement's sentence
 * @param chapter          the chapter of the normative text, e.g. 03-records
 */
public record Requirement(String id, String conformanceClass, String level, String text, String chapter) {

    /** The IRI the manifest and the EARL report give it. */
    public String iri() {
        return Manifest.NS + id;
    }

    /** MUST and MUST NOT decide whether a node conforms; SHOULD and MAY failures are warnings. */
    public boolean mandatory() {
        return level.startsWith("MUST");
    }
}
