package org.lianxin.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private static final Model VOCABULARY = SpecResources.vocabulary();
    private static final Resource ONTOLOGY = VOCABULARY.createResource(LX.NS);

    /** Every lx: term defined in the vocabulary (the subjects in the namespace, less the ontology). */
    private static Set<Resource> terms() {
        return VOCABULARY.listSubjects().toList().stream()
                .filter(s -> s.isURIResource() && s.getURI().startsWith(LX.NS) && !s.equals(ONTOLOGY))
                .collect(Collectors.toSet());
    }

    private static boolean hasLiteral(Resource term, Property p, String lang) {
        return term.listProperties(p).toList().stream()
                .anyMatch(s -> s.getObject().isLiteral() && s.getLiteral().getLanguage().equals(lang)
                        && !s.getString().isBlank());
    }

    @Test
    void ontologyHeader() {
        assertTrue(ONTOLOGY.hasProperty(RDF.type, OWL.Ontology));
        assertTrue(ONTOLOGY.hasProperty(OWL.versionInfo, "0.1.0"));
        assertTrue(hasLiteral(ONTOLOGY, VOCABULARY.createProperty("http://purl.org/dc/terms/title"), "zh"));
        assertTrue(hasLiteral(ONTOLOGY, VOCABULARY.createProperty("http://purl.org/dc/terms/title"), "en"));
    }

    @Test
    void everyTermHasLabelsCommentAndDefinedBy() {
        List<String> problems = new ArrayList<>();
        for (Resource term : terms()) {
            String name = term.getLocalName();
            if (!term.hasProperty(RDF.type))
                problems.add(name + " has no rdf:type");
            for (String lang : List.of("zh", "en"))
                if (!hasLiteral(term, RDFS.label, lang))
                    problems.add(name + " has no rdfs:label@" + lang);
            if (!hasLiteral(term, RDFS.comment, "en"))
                problems.add(name + " has no rdfs:comment@en");
            if (!term.hasProperty(RDFS.isDefinedBy, ONTOLOGY))
                problems.add(name + " is not rdfs:isDefinedBy lx:");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyLxIriInTheContextIsDefined() {
        Set<String> defined = terms().stream().map(Resource::getURI).collect(Collectors.toSet());
        Set<String> undefined = new TreeSet<>(ContextTerms.lianxin().iris().values());
        undefined.removeIf(iri -> !iri.startsWith(LX.NS) || defined.contains(iri));
        assertTrue(ContextTerms.lianxin().iris().containsValue(LX.Member.getURI()));
        assertEquals(Set.of(), undefined);
    }

    @Test
    void everyLxIriUsedInTheSpecsRdfIsDefined() {
        Set<String> defined = terms().stream().map(Resource::getURI).collect(Collectors.toSet());
        Set<String> undefined = new TreeSet<>();
        for (Graph graph : List.of(VOCABULARY.getGraph(), SpecResources.shapesGraph(),
                SpecResources.requirements().getGraph(), SpecResources.graph(SpecResources.EXAMPLES_MANIFEST)))
            graph.find().forEach(t -> Stream.of(t.getSubject(), t.getPredicate(), t.getObject())
                    .filter(n -> n.isURI() && n.getURI().startsWith(LX.NS) && !n.getURI().equals(LX.NS))
                    .forEach(n -> undefined.add(n.getURI())));
        undefined.removeAll(defined);
        assertEquals(Set.of(), undefined);
    }

    @Test
    void everyConceptInASchemeHasPrefLabelsAndIsATopConcept() {
        List<String> problems = new ArrayList<>();
        VOCABULARY.listSubjectsWithProperty(SKOS.inScheme).forEach(concept -> {
            String name = concept.getLocalName();
            if (!concept.hasProperty(RDF.type, SKOS.Concept))
                problems.add(name + " is not a skos:Concept");
            for (String lang : List.of("zh", "en"))
                if (!hasLiteral(concept, SKOS.prefLabel, lang))
                    problems.add(name + " has no skos:prefLabel@" + lang);
            Resource scheme = concept.getPropertyResourceValue(SKOS.inScheme);
            if (!scheme.hasProperty(SKOS.hasTopConcept, concept) || !concept.hasProperty(SKOS.topConceptOf, scheme))
                problems.add(name + " is not a top concept of " + scheme.getLocalName());
        });
        VOCABULARY.listSubjectsWithProperty(SKOS.hasTopConcept).forEach(scheme ->
                scheme.listProperties(SKOS.hasTopConcept).forEach(s -> {
                    if (!s.getResource().hasProperty(SKOS.inScheme, scheme))
                        problems.add(s.getResource().getLocalName() + " is not skos:inScheme " + scheme.getLocalName());
                }));
        assertEquals(List.of(), problems);
    }

    @Test
    void theFiveConceptSchemesHaveLabelsInBothLanguages() {
        for (String local : List.of("OrganizationTypeScheme", "MemberStageScheme", "PostScheme",
                "MemberStatusScheme", "EducationScheme")) {
            Resource scheme = VOCABULARY.createResource(LX.NS + local);
            assertTrue(scheme.hasProperty(RDF.type, SKOS.ConceptScheme), local);
            assertTrue(hasLiteral(scheme, SKOS.prefLabel, "zh") && hasLiteral(scheme, SKOS.prefLabel, "en"), local);
            assertTrue(scheme.hasProperty(SKOS.hasTopConcept), local);
        }
    }

    @Test
    void stagesAreNumberedOneToFive() {
        Set<Integer> orders = new TreeSet<>();
        LX.MemberStageScheme.inModel(VOCABULARY).listProperties(SKOS.hasTopConcept)
                .forEach(s -> orders.add(s.getResource().getRequiredProperty(LX.stageOrder).getInt()));
        assertEquals(Set.of(1, 2, 3, 4, 5), orders);
    }

    @Test
    void educationNotationsAreDistinctTwoDigitCodes() {
        List<String> notations = LX.EducationScheme.inModel(VOCABULARY).listProperties(SKOS.hasTopConcept).toList()
                .stream().map(s -> s.getResource().getRequiredProperty(SKOS.notation).getString()).toList();
        assertEquals(7, notations.size());
        assertEquals(7, Set.copyOf(notations).size());
        assertTrue(notations.stream().allMatch(n -> n.matches("[1-9]0")), notations::toString);
    }

    @Test
    void lxConstantsMatchTheVocabulary() throws IllegalAccessException {
        Map<String, Class<?>> constants = new HashMap<>();
        for (Field f : LX.class.getFields())
            if (Modifier.isStatic(f.getModifiers()) && RDFNode.class.isAssignableFrom(f.getType()))
                constants.put(((Resource) f.get(null)).getURI(), f.getType());
        Set<String> terms = terms().stream().map(Resource::getURI).collect(Collectors.toSet());
        assertEquals(new TreeSet<>(terms), new TreeSet<>(constants.keySet()));
        for (Resource term : terms()) {
            boolean property = term.hasProperty(RDF.type, OWL.ObjectProperty) || term.hasProperty(RDF.type, OWL.DatatypeProperty);
            assertEquals(property ? Property.class : Resource.class, constants.get(term.getURI()), term.getLocalName());
        }
    }
}
