package org.lianxin.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The normative text (text/*.md) and the requirement manifest (requirements.ttl) agree: the checks of
 * tools/reqs.py. The text is the source; a requirement is a bullet or paragraph that starts with
 * {@code **[LX-CLASS-n]**} and runs to the next blank line, bullet, table row, heading or bold start.
 */
class RequirementsTest {

    static final Pattern KEYWORD = Pattern.compile("\\b(NOT RECOMMENDED|MUST NOT|SHALL NOT|SHOULD NOT|MUST|SHALL"
            + "|SHOULD|MAY|REQUIRED|RECOMMENDED|OPTIONAL)\\b");
    static final Set<String> ALLOWED = Set.of("MUST", "MUST NOT", "SHOULD", "SHOULD NOT", "MAY");
    static final Pattern START = Pattern.compile("^(?:- )?\\*\\*\\[(LX-([A-Z]+)-(\\d+))\\]\\*\\* (.*)$");
    static final Pattern ID = Pattern.compile("LX-[A-Z]+-\\d+");
    static final Pattern SENTENCE_BREAK = Pattern.compile("\\.\\s+[A-Z]");

    record Req(String id, String cls, int n, String chapter, int line, String markdown) {
        String where() { return id + " (" + chapter + ":" + line + ")"; }
        List<String> keywords() { return KEYWORD.matcher(stripMentions(markdown)).results().map(m -> m.group(1)).toList(); }
    }

    static final List<Req> reqs = new ArrayList<>();
    static final List<String> refs = new ArrayList<>();     // "chapter:line id", outside code blocks
    static final List<String> stray = new ArrayList<>();    // keywords or IDs outside a requirement's start
    static Model manifest;
    static Map<String, Resource> entries;                   // lxr: subjects of the manifest by local name

    @BeforeAll
    static void read() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(SpecResources.url("text").toURI()))) {
            for (String file : files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".md")).sorted().toList())
                readChapter(file.substring(0, file.length() - 3), SpecResources.text("text/" + file).split("\n", -1));
        }
        manifest = SpecResources.requirements();
        entries = manifest.listSubjects().toList().stream().filter(s -> s.isURIResource() && s.getURI().startsWith(LX.REQ_NS))
                .collect(Collectors.toMap(s -> s.getURI().substring(LX.REQ_NS.length()), s -> s, (a, b) -> a, TreeMap::new));
    }

    static void readChapter(String chapter, String[] lines) {
        boolean code = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("```")) code = !code;
            if (code || line.startsWith("```")) continue;
            addRefs(chapter, i + 1, line);
            Matcher m = START.matcher(line);
            if (m.matches()) {
                StringBuilder body = new StringBuilder(m.group(4));
                int start = i;
                while (i + 1 < lines.length && !lines[i + 1].isBlank()
                        && Stream.of("- ", "**", "|", "#").noneMatch(lines[i + 1]::startsWith)) {
                    body.append(' ').append(lines[++i].strip());
                    addRefs(chapter, i + 1, lines[i]);
                }
                reqs.add(new Req(m.group(1), m.group(2), Integer.parseInt(m.group(3)), chapter, start + 1, body.toString()));
            } else if (stripMentions(line).contains("**[LX-") || KEYWORD.matcher(stripMentions(line)).find()) {
                stray.add(chapter + ":" + (i + 1) + ": " + line.strip());
            }
        }
    }

    static void addRefs(String chapter, int line, String text) {
        ID.matcher(text).results().forEach(m -> refs.add(chapter + ":" + line + " " + m.group()));
    }

    /** Removes inline code and double-quoted strings, where keywords are mentioned rather than used. */
    static String stripMentions(String s) {
        return s.replaceAll("`[^`]*`", "").replaceAll("\"[^\"]*\"", "");
    }

    /** The sentence as the manifest has it: link text for links, no backticks or bold, single spaces. */
    static String plain(String markdown) {
        return markdown.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("**", "")
                .replaceAll("\\s+", " ").strip();
    }

    static String value(Resource entry, Property p) {
        List<RDFNode> values = entry.listProperties(p).mapWith(s -> s.getObject()).toList();
        return values.size() == 1 && values.get(0).isLiteral() ? values.get(0).asLiteral().getLexicalForm() : null;
    }

    static List<String> duplicates(List<String> ids) {
        return ids.stream().filter(id -> ids.indexOf(id) != ids.lastIndexOf(id)).distinct().sorted().toList();
    }

    /** Problems for the requirements in both text and manifest, from a check of one against the other. */
    static List<String> compare(Property p, Function<Req, String> expected) {
        List<String> problems = new ArrayList<>();
        for (Req r : reqs) {
            Resource e = entries.get(r.id());
            String want = expected.apply(r), got = e == null ? null : value(e, p);
            if (e != null && want != null && !want.equals(got))
                problems.add(r.where() + ": manifest " + p.getLocalName() + " \"" + got + "\", text \"" + want + "\"");
        }
        return problems;
    }

    @Test
    void textIsRead() {
        assertFalse(reqs.isEmpty(), "no requirements found in text/");
        assertFalse(entries.isEmpty(), "no requirements found in requirements.ttl");
    }

    @Test
    void idsAreUniqueInText() {
        assertEquals(List.of(), duplicates(reqs.stream().map(Req::id).toList()), "IDs defined more than once in the text");
    }

    @Test
    void idsAreUniqueInManifest() {
        List<String> subjects = Pattern.compile("(?m)^lxr:(LX-[A-Z]+-\\d+)\\s").matcher(SpecResources.text(SpecResources.REQUIREMENTS))
                .results().map(m -> m.group(1)).toList();
        List<String> labels = entries.values().stream().map(e -> value(e, RDFS.label)).toList();
        assertEquals(List.of(), duplicates(subjects), "IDs described more than once in requirements.ttl");
        assertEquals(List.of(), duplicates(labels), "rdfs:label shared by several requirements");
    }

    @Test
    void manifestEntriesAreComplete() {
        List<String> problems = new ArrayList<>();
        entries.forEach((id, e) -> {
            if (!e.hasProperty(RDF.type, LX.Requirement)) problems.add(id + ": not a lx:Requirement");
            if (!id.equals(value(e, RDFS.label))) problems.add(id + ": rdfs:label is not its ID");
            for (Property p : List.of(LX.conformanceClass, LX.level, LX.chapter, RDFS.comment))
                if (value(e, p) == null) problems.add(id + ": not exactly one literal " + p.getLocalName());
            if (e.hasProperty(RDFS.comment) && !"en".equals(e.getProperty(RDFS.comment).getLanguage()))
                problems.add(id + ": rdfs:comment is not @en");
        });
        manifest.listSubjectsWithProperty(RDF.type, LX.Requirement).forEach(s -> {
            if (!s.isURIResource() || !ID.matcher(s.getURI().substring(LX.REQ_NS.length())).matches())
                problems.add(s + ": a lx:Requirement whose IRI is not lxr:LX-CLASS-n");
        });
        assertEquals(List.of(), problems, "incomplete manifest entries");
    }

    @Test
    void textAndManifestHaveTheSameIds() {
        Set<String> inText = reqs.stream().map(Req::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), inText.stream().filter(id -> !entries.containsKey(id)).collect(Collectors.toSet()),
                "requirements of the text missing in the manifest");
        assertEquals(Set.of(), entries.keySet().stream().filter(id -> !inText.contains(id)).collect(Collectors.toSet()),
                "requirements in the manifest but not in the text");
    }

    @Test
    void eachRequirementHasExactlyOneAllowedKeyword() {
        List<String> problems = reqs.stream().filter(r -> r.keywords().size() != 1 || !ALLOWED.contains(r.keywords().get(0)))
                .map(r -> r.where() + ": keywords " + r.keywords()).toList();
        assertEquals(List.of(), problems, "a requirement has exactly one of " + ALLOWED);
    }

    @Test
    void eachRequirementIsOneSentence() {
        List<String> problems = reqs.stream().map(r -> Map.entry(r, plain(r.markdown())))
                .filter(e -> !e.getValue().endsWith(".") || SENTENCE_BREAK.matcher(e.getValue().replace("e.g.", "eg")).find())
                .map(e -> e.getKey().where() + ": " + e.getValue()).toList();
        assertEquals(List.of(), problems, "not one sentence ending with a period");
    }

    @Test
    void noKeywordOrIdOutsideARequirement() {
        assertEquals(List.of(), stray, "keyword, or requirement ID not at the start of a bullet or paragraph");
    }

    @Test
    void levelIsTheKeyword() {
        assertEquals(List.of(), compare(LX.level, r -> r.keywords().size() == 1 ? r.keywords().get(0) : null),
                "lx:level is the keyword of the sentence");
    }

    @Test
    void chapterIsTheFile() {
        assertEquals(List.of(), compare(LX.chapter, Req::chapter), "lx:chapter is the file name");
    }

    /**
     * The ID's class part is the class in capitals (CORE for Core) or an abbreviation of it (FED for
     * Federation, 01-conventions 1.4): the start of exactly one class named in the manifest.
     */
    @Test
    void conformanceClassMatchesTheId() {
        Set<String> classes = entries.values().stream().map(e -> value(e, LX.conformanceClass)).filter(c -> c != null)
                .map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        entries.forEach((id, e) -> {
            String cls = value(e, LX.conformanceClass), part = id.replaceAll("^LX-([A-Z]+)-.*$", "$1");
            if (cls == null || !cls.toUpperCase(Locale.ROOT).startsWith(part)
                    || classes.stream().filter(c -> c.startsWith(part)).count() != 1)
                problems.add(id + ": conformance class \"" + cls + "\", ID says " + part);
        });
        assertEquals(List.of(), problems, "lx:conformanceClass is the ID's class part or its abbreviation, e.g. Core for CORE");
    }

    @Test
    void commentIsTheSentence() {
        assertEquals(List.of(), compare(RDFS.comment, r -> plain(r.markdown())),
                "rdfs:comment is the sentence without links, backticks or bold");
    }

    @Test
    void crossReferencesResolve() {
        Set<String> defined = reqs.stream().map(Req::id).collect(Collectors.toSet());
        assertEquals(List.of(), refs.stream().filter(ref -> !defined.contains(ref.substring(ref.indexOf(' ') + 1))).toList(),
                "references to undefined requirements");
    }

    @Test
    void idsOfAClassAreNumberedFromOneWithoutGaps() {
        Map<String, TreeSet<Integer>> numbers = new TreeMap<>();
        reqs.forEach(r -> numbers.computeIfAbsent(r.cls(), c -> new TreeSet<>()).add(r.n()));
        List<String> problems = new ArrayList<>();
        numbers.forEach((cls, ns) -> {
            if (ns.contains(0)) problems.add("LX-" + cls + "-0 defined");
            for (int n = 1; n < ns.last(); n++)
                if (!ns.contains(n)) problems.add("LX-" + cls + "-" + n + " missing");
        });
        assertEquals(List.of(), problems, "IDs of a class are 1..n");
    }
}
