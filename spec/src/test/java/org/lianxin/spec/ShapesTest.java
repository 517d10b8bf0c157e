package org.lianxin.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Boundary cases of the shapes, and checks that keep the shapes, context and vocabulary in step. */
class ShapesTest {

    private static final Model SHAPES = ModelFactory.createModelForGraph(SpecResources.shapesGraph());

    /** The development dates in stage order: a member at stage n has the first n of them. */
    private static final List<Property> STAGE_DATES = List.of(LX.applicationDate, LX.activistDate,
            LX.candidateDate, LX.admissionDate, LX.fullMembershipDate);

    private static Model example(String path) {
        return ModelFactory.createModelForGraph(SpecResources.graph(path));
    }

    private static Resource subject(Model m, Resource type) {
        return m.listSubjectsWithProperty(RDF.type, type).next();
    }

    private static void set(Resource r, Property p, RDFNode value) {
        r.removeAll(p);
        if (value != null)
            r.addProperty(p, value);
    }

    private static RDFNode date(Model m, LocalDate d) {
        return m.createTypedLiteral(d.toString(), XSDDatatype.XSDdate);
    }

    /** The source shapes of the report's results, as lxsh: local names. */
    private static Set<String> failingShapes(Model data) {
        ValidationReport report = SpecShapes.validate(data.getGraph());
        return report.getEntries().stream().map(ReportEntry::source)
                .map(n -> n.getURI().substring(LX.SHAPES_NS.length())).collect(Collectors.toSet());
    }

    private static Set<String> failingShapesOfApplicant(LocalDate birth, LocalDate application) {
        Model m = example("examples/members/applicant.ttl");
        Resource member = subject(m, LX.Member);
        set(member, SchemaOrg.birthDate, date(m, birth));
        set(member, LX.applicationDate, date(m, application));
        return failingShapes(m);
    }

    @ParameterizedTest
    @CsvSource({"50, true", "51, false", "1, true", "0, false"})
    void memberNameLength(int length, boolean conforms) {
        Model m = example("examples/members/applicant.ttl");
        set(subject(m, LX.Member), SchemaOrg.name, m.createTypedLiteral("名".repeat(length)));
        assertEquals(conforms ? Set.of() : Set.of("Member-name"), failingShapes(m));
    }

    @ParameterizedTest
    @CsvSource({"100, true", "101, false"})
    void organizationNameLength(int length, boolean conforms) {
        Model m = example("examples/organizations/internal-medicine-branch.ttl");
        set(subject(m, LX.PartyOrganization), SchemaOrg.name, m.createTypedLiteral("党".repeat(length)));
        assertEquals(conforms ? Set.of() : Set.of("Organization-name"), failingShapes(m));
    }

    // 《中国共产党发展党员工作细则》(2014) 第五条: 18 or older on the application date.
    @ParameterizedTest
    @CsvSource({
        "2000-05-10, 2018-05-10, true",
        "2000-05-10, 2018-05-09, false",
        "2000-12-31, 2019-01-01, true",
        "2001-01-01, 2018-12-31, false",
        // Born on 29 February: 18 on 1 March, as 28 February is still a day short.
        "2004-02-29, 2022-03-01, true",
        "2004-02-29, 2022-02-28, false",
    })
    void applicantIsEighteenOnTheApplicationDate(String birth, String application, boolean conforms) {
        Set<String> failing = failingShapesOfApplicant(LocalDate.parse(birth), LocalDate.parse(application));
        assertEquals(conforms ? Set.of() : Set.of("Member-applicationDate-age18"), failing);
    }

    @Test
    void birthDateMustBeBeforeToday() {
        LocalDate today = LocalDate.now();
        assertEquals(Set.of(), failingShapesOfApplicant(today.minusYears(20).minusDays(1), today.minusDays(1)));
        Set<String> bornToday = failingShapesOfApplicant(today, today.plusYears(18));
        assertEquals(Set.of("Member-birthDate-past"), bornToday);
    }

    @Test
    void foundingDateMayBeTodayButNotTomorrow() {
        for (int days : new int[] {0, 1}) {
            Model m = example("examples/organizations/internal-medicine-branch.ttl");
            set(subject(m, LX.PartyOrganization), SchemaOrg.foundingDate, date(m, LocalDate.now().plusDays(days)));
            assertEquals(days == 0 ? Set.of() : Set.of("Organization-foundingDate-notFuture"), failingShapes(m));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Applicant", "Activist", "DevelopmentCandidate", "ProbationaryMember", "FullMember"})
    void eachStageNeedsTheDatesUpToIt(String stageName) {
        Resource stage = SpecResources.vocabulary().createResource(LX.NS + stageName);
        int order = stage.getRequiredProperty(LX.stageOrder).getInt();
        for (int missing = 0; missing < order; missing++) {
            Model m = memberAtStage(stage, order);
            Property date = STAGE_DATES.get(missing);
            set(subject(m, LX.Member), date, null);
            String expected = missing == 0 ? "Member-applicationDate" : "Member-" + date.getLocalName() + "-required";
            assertEquals(Set.of(expected), failingShapes(m), stageName + " without " + date.getLocalName());
        }
        assertEquals(Set.of(), failingShapes(memberAtStage(stage, order)), stageName);
    }

    /** The full member example moved back to a stage: the dates after it removed. */
    private static Model memberAtStage(Resource stage, int order) {
        Model m = example("examples/members/full-member-with-posts.ttl");
        Resource member = subject(m, LX.Member);
        set(member, LX.stage, stage);
        STAGE_DATES.subList(order, STAGE_DATES.size()).forEach(member::removeAll);
        return m;
    }

    @Test
    void datesOfTheSameDayAreInOrder() {
        Model m = example("examples/members/full-member-with-posts.ttl");
        Resource member = subject(m, LX.Member);
        STAGE_DATES.forEach(p -> set(member, p, date(m, LocalDate.of(2020, 7, 1))));
        assertEquals(Set.of(), failingShapes(m));
        set(member, LX.admissionDate, date(m, LocalDate.of(2020, 7, 2)));
        assertEquals(Set.of("Member-admissionDate-order"), failingShapes(m));
    }

    @ParameterizedTest
    @CsvSource({
        "420624200409150310, true",
        "42062420040915031X, true",
        "42062420040915031x, false",
        "420624200413150310, false",
        "420624200409320310, false",
        "420624170409150310, false",
        "020624200409150310, false",
    })
    void nationalIdFormat(String id, boolean conforms) {
        Model m = example("examples/members/applicant.ttl");
        set(subject(m, LX.Member), LX.nationalIdNumber, m.createTypedLiteral(id));
        assertEquals(conforms ? Set.of() : Set.of("Member-nationalId"), failingShapes(m));
    }

    @ParameterizedTest
    @CsvSource({"13907101234, true", "12907101234, false", "1390710123, false",
            "0710-3456789, true", "07103456789, true", "010-12345678, true", "0710-345678, false"})
    void telephoneFormat(String telephone, boolean conforms) {
        Model m = example("examples/members/applicant.ttl");
        set(subject(m, LX.Member), SchemaOrg.telephone, m.createTypedLiteral(telephone));
        assertEquals(conforms ? Set.of() : Set.of("Member-telephone"), failingShapes(m));
    }

    @Test
    void everyShapeHasAnIriAndMessagesInBothLanguages() {
        List<String> problems = new ArrayList<>();
        Set<Resource> shapes = SHAPES.listSubjectsWithProperty(RDF.type, prop(SHACL.NodeShape)).toSet();
        shapes.addAll(SHAPES.listSubjectsWithProperty(RDF.type, prop(SHACL.PropertyShape)).toSet());
        for (Resource shape : shapes) {
            if (!shape.isURIResource() || !shape.getURI().startsWith(LX.SHAPES_NS)) {
                problems.add("shape without an lxsh: IRI: " + shape);
                continue;
            }
            Set<String> langs = shape.listProperties(prop(SHACL.message)).mapWith(s -> s.getLanguage()).toSet();
            if (!langs.equals(Set.of("en", "zh")))
                problems.add(shape.getLocalName() + " has messages in " + langs);
        }
        SHAPES.listObjectsOfProperty(prop(SHACL.property)).forEach(ps -> {
            if (!ps.asResource().hasProperty(RDF.type, prop(SHACL.PropertyShape)))
                problems.add("not typed sh:PropertyShape: " + ps);
        });
        assertTrue(shapes.size() > 40, "shapes found: " + shapes.size());
        assertEquals(List.of(), problems);
    }

    // lxsh:{NodeShape}-{JSON key} must constrain the property that key stands for.
    @Test
    void propertyShapesAreNamedAfterTheirContextKey() {
        Map<String, String> context = ContextTerms.lianxin().iris();
        List<String> problems = new ArrayList<>();
        SHAPES.listSubjectsWithProperty(RDF.type, prop(SHACL.PropertyShape)).forEach(shape -> {
            String key = shape.getLocalName().split("-")[1];
            Resource path = shape.getPropertyResourceValue(prop(SHACL.path));
            Resource inverse = path.getPropertyResourceValue(prop(SHACL.inversePath));
            String iri = inverse != null ? inverse.getURI() : path.getURI();
            String expected = "type".equals(key) ? RDF.type.getURI() : context.get(key); // "type" aliases @type
            if (!iri.equals(expected))
                problems.add(shape.getLocalName() + " constrains " + iri + " but " + key + " is " + expected);
        });
        assertEquals(List.of(), problems);
    }

    // Every code list in the shapes is exactly the concepts of one scheme of the vocabulary.
    @Test
    void codeListsAreConceptSchemes() {
        Model vocabulary = SpecResources.vocabulary();
        Map<Set<String>, Resource> schemes = vocabulary.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).toList()
                .stream().collect(Collectors.toMap(
                        s -> s.listProperties(SKOS.hasTopConcept).mapWith(t -> t.getResource().getURI()).toSet(),
                        s -> s));
        int codeLists = 0;
        for (RDFNode list : SHAPES.listObjectsOfProperty(prop(SHACL.in)).toList()) {
            Set<String> values = list.as(org.apache.jena.rdf.model.RDFList.class).asJavaList().stream()
                    .filter(RDFNode::isURIResource).map(n -> n.asResource().getURI()).collect(Collectors.toSet());
            if (values.isEmpty() || !values.iterator().next().startsWith(LX.NS))
                continue;
            codeLists++;
            assertNotNull(schemes.get(values), "no concept scheme has exactly " + values);
        }
        // members 5 and the development step, dues 2, transfers 2 (state, and the stage of the member summary),
        // activities 1, tasks 4 (kind, statistic, activity type, state), feedback 2 (kind, state), learning 2 (audience, course state), service 1 (category)
        assertEquals(20, codeLists);
        assertFalse(schemes.isEmpty());
    }

    private static Property prop(org.apache.jena.graph.Node node) {
        return SHAPES.createProperty(node.getURI());
    }
}
