package org.lianxin.conformance.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDFS;
import org.lianxin.spec.LX;
import org.lianxin.spec.SpecResources;

/** The spec's requirement manifest: every numbered requirement, in the order of its class and number. */
public final class Manifest {

    /** The namespace of requirement IRIs ({@code lxr:} in the manifest). */
    public static final String NS = "https://w3id.org/lianxin/req#";

    private static final Manifest SPEC = new Manifest(SpecResources.requirements());

    private final Map<String, Requirement> requirements = new LinkedHashMap<>();

    public Manifest(Model model) {
        model.listSubjectsWithProperty(LX.level).toList().stream()
                .map(Manifest::requirement)
                .sorted(Comparator.comparing(Requirement::conformanceClass).thenComparingInt(r -> number(r.id())))
                .forEach(r -> requirements.put(r.id(), r));
    }

    /** The manifest of the spec this kit was built with. */
    public static Manifest spec() {
        return SPEC;
    }

    public List<Requirement> all() {
        return List.copyOf(requirements.values());
    }

    public List<Requirement> of(String conformanceClass) {
        return requirements.values().stream().filter(r -> r.conformanceClass().equals(conformanceClass)).toList();
    }

    public Optional<Requirement> get(String id) {
        return Optional.ofNullable(requirements.get(id));
    }

    /** The conformance classes, in the order the spec introduces them. */
    public List<String> classes() {
        return requirements.values().stream().map(Requirement::conformanceClass).distinct().toList();
    }

    private static Requirement requirement(Resource r) {
        return new Requirement(r.getProperty(RDFS.label).getString(), r.getProperty(LX.conformanceClass).getString(),
                r.getProperty(LX.level).getString(), r.getProperty(RDFS.comment).getString(),
                r.hasProperty(LX.chapter) ? r.getProperty(LX.chapter).getString() : "");
    }

    private static int number(String id) {
        return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    }
}
