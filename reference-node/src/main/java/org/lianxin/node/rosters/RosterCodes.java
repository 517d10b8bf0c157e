package org.lianxin.node.rosters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.SKOS;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;
import org.lianxin.spec.SpecResources;

/**
 * The code lists of the roster profile as a spreadsheet writes them: a concept by its Chinese label
 * in the vocabulary (大学本科, 正式党员, 正常), also by its English name (Table 15.2). Read from the
 * spec's vocabulary, not copied.
 */
public final class RosterCodes {

    private static final RosterCodes INSTANCE = new RosterCodes(SpecResources.vocabulary());

    private final Map<RosterColumn, Map<String, Node>> byLabel = new LinkedHashMap<>();
    private final Map<Node, String> labels = new java.util.HashMap<>();

    private RosterCodes(Model vocabulary) {
        scheme(vocabulary, RosterColumn.EDUCATION, LX.EducationScheme);
        scheme(vocabulary, RosterColumn.STAGE, LX.MemberStageScheme);
        scheme(vocabulary, RosterColumn.STATUS, LX.MemberStatusScheme);
        Map<String, Node> genders = new LinkedHashMap<>();
        genders.put("男", SchemaOrg.Male.asNode());
        genders.put("女", SchemaOrg.Female.asNode());
        genders.put("Male", SchemaOrg.Male.asNode());
        genders.put("Female", SchemaOrg.Female.asNode());
        byLabel.put(RosterColumn.GENDER, genders);
        labels.put(SchemaOrg.Male.asNode(), "男");
        labels.put(SchemaOrg.Female.asNode(), "女");
    }

    public static RosterCodes lianxin() {
        return INSTANCE;
    }

    private void scheme(Model vocabulary, RosterColumn column, Resource scheme) {
        Map<String, Node> codes = new LinkedHashMap<>();
        List<Resource> concepts = vocabulary.listSubjectsWithProperty(SKOS.inScheme, scheme).toList();
        concepts.sort(java.util.Comparator.comparing(c -> c.hasProperty(SKOS.notation) ? c.getProperty(SKOS.notation).getString() : c.getURI()));
        for (Resource concept : concepts) {
            concept.listProperties(SKOS.prefLabel).forEach(s -> {
                if ("zh".equals(s.getLanguage())) {
                    codes.put(s.getString(), concept.asNode());
                    labels.put(concept.asNode(), s.getString());
                }
            });
            codes.put(concept.getLocalName(), concept.asNode());
        }
        byLabel.put(column, codes);
    }

    /** The concept a cell's text names in a column's code list. */
    public Optional<Node> concept(RosterColumn column, String text) {
        return Optional.ofNullable(byLabel.getOrDefault(column, Map.of()).get(text));
    }

    /** The Chinese label an export writes for a concept. */
    public Optional<String> label(Node concept) {
        return Optional.ofNullable(labels.get(concept));
    }

    /** The Chinese labels of a column's code list, for a report's suggestion. */
    public List<String> chineseLabels(RosterColumn column) {
        return byLabel.getOrDefault(column, Map.of()).keySet().stream().filter(l -> !l.matches("[A-Za-z]+")).toList();
    }
}
