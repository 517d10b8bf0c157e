package org.lianxin.node.rosters;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.poi.ss.usermodel.DateUtil;
import org.lianxin.node.records.References;
import org.lianxin.spec.LX;

/**
 * Reads one data row into the values of a member record (spec Table 15.2): dates in the forms a
 * spreadsheet holds them, code lists by their Chinese labels, the branch by its IRI or its name.
 * What a cell cannot say is a {@link RowError}; what the values break as a member record is left to
 * the member shapes and rules, checked on the record as a whole (chapter 5).
 */
public final class RosterCells {

    /** What a row gives: its values, by column, and the errors of its cells. */
    public record Read(int row, Map<RosterColumn, Node> values, Map<RosterColumn, String> texts, List<RowError> errors) {

        /** The row's national ID number, when its cell is well-formed enough to look it up. */
        public Optional<String> nationalId() {
            Node id = values.get(RosterColumn.NATIONAL_ID);
            return id == null ? Optional.empty() : Optional.of(id.getLiteralLexicalForm());
        }
    }

    /** Where a branch is found by its name: the organizations the caller may write on this node. */
    public interface Branches {
        /** The organizations with exactly this name. */
        List<Node> named(String name);

        /** Whether the caller may write members of this organization of the node. */
        boolean writable(Node organization);
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,5}(\\.0+)?");
    private static final String ROSTER_FORMATS = "LX-ROSTER-4";

    private final RosterLayout layout;
    private final RosterMapping mapping;
    private final Optional<Node> defaultBranch;
    private final Branches branches;
    private final Map<RosterColumn, Integer> positions;

    public RosterCells(RosterLayout layout, RosterMapping mapping, Optional<Node> defaultBranch, Branches branches) {
        this.layout = layout;
        this.mapping = mapping;
        this.defaultBranch = defaultBranch;
        this.branches = branches;
        this.positions = layout.positions();
    }

    public Read read(int row, List<String> cells) {
        Map<RosterColumn, Node> values = new EnumMap<>(RosterColumn.class);
        Map<RosterColumn, String> texts = new EnumMap<>(RosterColumn.class);
        List<RowError> errors = new ArrayList<>();
        positions.forEach((column, at) -> {
            String text = at < cells.size() ? cells.get(at).strip() : "";
            text = mapping.value(column, text);
            texts.put(column, text);
            if (!text.isEmpty() && column.property() != null) {
                value(row, column, text, errors).ifPresent(v -> values.put(column, v));
            }
        });
        branch(row, texts, errors).ifPresent(b -> values.put(RosterColumn.BRANCH, b));
        if (!values.containsKey(RosterColumn.STAGE) && texts.getOrDefault(RosterColumn.STAGE, "").isEmpty()) {
            values.put(RosterColumn.STAGE, inferredStage(values));
        }
        return new Read(row, values, texts, errors);
    }

    private Optional<Node> value(int row, RosterColumn column, String text, List<RowError> errors) {
        switch (column.value()) {
            case DATE -> {
                Optional<LocalDate> date = date(text);
                if (date.isEmpty()) {
                    errors.add(RowError.of(row, layout, column, text, "roster-date", ROSTER_FORMATS,
                            "Not a date that exists.", "Write it as yyyy-mm-dd, e.g. 1990-03-07, or as a date cell."));
                }
                return date.map(d -> NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate));
            }
            case GENDER, EDUCATION, STAGE, STATUS -> {
                Optional<Node> concept = RosterCodes.lianxin().concept(column, text);
                if (concept.isEmpty()) {
                    errors.add(RowError.of(row, layout, column, text, "roster-code", ROSTER_FORMATS,
                            "Not a value of the code list.", "Write one of: " + String.join("、", RosterCodes.lianxin().chineseLabels(column)) + "."));
                }
                return concept;
            }
            case NATIONAL_ID, TELEPHONE -> {
                String compact = text.replaceAll("[\\s\\u3000]", "");
                if (compact.contains("*")) {
                    errors.add(masked(row, column, text));
                    return Optional.empty();
                }
                if (column == RosterColumn.NATIONAL_ID && compact.endsWith("x")) {
                    compact = compact.substring(0, compact.length() - 1) + "X";
                }
                if (column == RosterColumn.NATIONAL_ID && compact.matches("\\d+(\\.\\d+)?[Ee]\\+?\\d+")) {
                    errors.add(RowError.of(row, layout, column, text, "roster-number-cell", ROSTER_FORMATS,
                            "The ID number was stored as a number and lost its last digits.", "Format the column as text and type the number again."));
                    return Optional.empty();
                }
                return Optional.of(NodeFactory.createLiteralString(compact));
            }
            case BRANCH -> {
                return Optional.empty(); // decided with the branch's name, below
            }
            default -> {
                if (column == RosterColumn.ADDRESS && text.endsWith("…")) {
                    errors.add(masked(row, column, text));
                    return Optional.empty();
                }
                return Optional.of(NodeFactory.createLiteralString(text));
            }
        }
    }

    private RowError masked(int row, RosterColumn column, String text) {
        return RowError.of(row, layout, column, text, "masked-value", ROSTER_FORMATS, "The value is masked (from an export without a stated purpose).",
                "Export with a stated purpose (Lianxin-Purpose) to get full values, or type the value in full.");
    }

    /**
     * The row's branch: its IRI when the file gives one, else the organization of the caller's
     * subtree with that name, else the import's default branch (LX-ROSTER-20: what the caller may not
     * write is answered as an organization that does not exist).
     */
    private Optional<Node> branch(int row, Map<RosterColumn, String> texts, List<RowError> errors) {
        String iri = texts.getOrDefault(RosterColumn.BRANCH, "");
        String name = texts.getOrDefault(RosterColumn.BRANCH_NAME, "");
        Optional<Node> branch;
        RosterColumn column;
        if (!iri.isEmpty()) {
            column = RosterColumn.BRANCH;
            branch = iri.matches(References.ABSOLUTE_IRI) ? Optional.of(NodeFactory.createURI(iri)) : Optional.empty();
        } else if (!name.isEmpty()) {
            column = RosterColumn.BRANCH_NAME;
            List<Node> named = branches.named(name);
            if (named.size() > 1) {
                errors.add(RowError.of(row, layout, column, name, "branch-ambiguous", "LX-ROSTER-20",
                        "Several organizations you may write have this name.", "Give the organization's IRI in 所在党支部标识."));
                return Optional.empty();
            }
            branch = named.stream().findFirst();
        } else if (defaultBranch.isPresent()) {
            return defaultBranch;
        } else {
            errors.add(new RowError(row, layout.header(RosterColumn.BRANCH_NAME), "branch", "", "branch-missing", "LX-ROSTER-20",
                    "The row names no branch.", "Fill in 所在党支部, or give the import a default branch."));
            return Optional.empty();
        }
        if (branch.isEmpty() || !branches.writable(branch.get())) {
            errors.add(RowError.of(row, layout, column, column == RosterColumn.BRANCH ? iri : name, "branch-unknown", "LX-ROSTER-20",
                    "No organization of this node that you may write has this " + (column == RosterColumn.BRANCH ? "IRI." : "name."),
                    "Check the spelling against the organization's name, or give its IRI in 所在党支部标识."));
            return Optional.empty();
        }
        return branch;
    }

    /**
     * A date as a spreadsheet holds it: yyyy-mm-dd, yyyy/m/d, yyyy.m.d, yyyy年m月d日, yyyymmdd, or
     * Excel's serial day number (in the 1900 date system) of a date cell read as text.
     */
    static Optional<LocalDate> date(String text) {
        try {
            Matcher m = DATE.matcher(text);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            m = COMPACT_DATE.matcher(text);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            if (SERIAL.matcher(text).matches()) {
                double serial = Double.parseDouble(text);
                return serial >= 1 ? Optional.of(DateUtil.getLocalDateTime(serial).toLocalDate()) : Optional.empty();
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * A roster without a stage column: the stage the latest development date gives (Table 5.3 read
     * backwards), so that a roster of full members need not say so in every row.
     */
    private static Node inferredStage(Map<RosterColumn, Node> values) {
        if (values.containsKey(RosterColumn.FULL_MEMBERSHIP_DATE)) return LX.FullMember.asNode();
        if (values.containsKey(RosterColumn.ADMISSION_DATE)) return LX.ProbationaryMember.asNode();
        if (values.containsKey(RosterColumn.CANDIDATE_DATE)) return LX.DevelopmentCandidate.asNode();
        if (values.containsKey(RosterColumn.ACTIVIST_DATE)) return LX.Activist.asNode();
        return LX.Applicant.asNode();
    }
}
