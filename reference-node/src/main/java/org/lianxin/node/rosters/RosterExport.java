package org.lianxin.node.rosters;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.ORG;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.records.RecordKind;
import org.lianxin.node.store.StoreIndex;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The roster of an organization's subtree (LX-ROSTER-13): its members, those the caller may read,
 * in the columns of Table 15.1 under their Chinese headers, so that the file goes back in as it came
 * out. Without a stated purpose every record is masked as a list masks it (LX-ROSTER-14).
 */
final class RosterExport {

    /** Records read per transaction while the file is written. */
    private static final int CHUNK = 500;

    private final LogicalNode node;
    private final RecordKind members;
    private final boolean full;
    private final List<Node> selected;

    /** Selects the members now, in the request, with the caller's rights; they are written later, as the answer streams. */
    RosterExport(LogicalNode node, RecordKind members, RecordGuard guard, Node organization, boolean full) {
        this.node = node;
        this.members = members;
        this.full = full;
        String query = "SELECT ?r WHERE { GRAPH ?r { ?r a " + NodeFmtLib.strNT(LX.Member.asNode()) + " ; "
                + NodeFmtLib.strNT(LX.branch.asNode()) + " ?exported } "
                + "FILTER NOT EXISTS { GRAPH ?r { ?r a " + NodeFmtLib.strNT(LX.Tombstone.asNode()) + " } } "
                + "GRAPH <urn:x-arq:UnionGraph> { ?exported " + NodeFmtLib.strNT(ORG.subOrganizationOf.asNode()) + "* "
                + NodeFmtLib.strNT(organization) + " } "
                + guard.listFilter(node, members)
                + " GRAPH " + NodeFmtLib.strNT(StoreIndex.GRAPH) + " { ?r " + NodeFmtLib.strNT(StoreIndex.SEQUENCE) + " ?seq } "
                + "} ORDER BY ?seq";
        this.selected = node.store().read(tx -> tx.select(QueryFactory.create(query)).stream().map(b -> b.get(Var.alloc("r"))).toList());
    }

    int size() {
        return selected.size();
    }

    void write(RosterFormat format, OutputStream out) {
        Map<Node, String> branchNames = new HashMap<>();
        try (SheetWriter sheet = SheetWriter.of(format, out, "党员名册")) {
            sheet.row(RosterColumn.PROFILE.stream().map(RosterColumn::header).toList());
            for (int from = 0; from < selected.size(); from += CHUNK) {
                List<Node> chunk = selected.subList(from, Math.min(selected.size(), from + CHUNK));
                List<List<Object>> rows = node.store().read(tx -> {
                    List<List<Object>> read = new ArrayList<>();
                    for (Node iri : chunk) {
                        tx.get(iri).filter(g -> !Lifecycle.isTombstone(g, iri)).ifPresent(g -> {
                            Graph shown = full ? g : members.masked(g, iri);
                            Optional<Node> branch = Lifecycle.value(g, iri, LX.branch.asNode());
                            branch.filter(b -> !branchNames.containsKey(b)).ifPresent(b -> branchNames.put(b,
                                    tx.get(b).flatMap(o -> Lifecycle.value(o, b, SchemaOrg.name.asNode())).map(Node::getLiteralLexicalForm).orElse("")));
                            read.add(row(shown, iri, branch.map(branchNames::get).orElse("")));
                        });
                    }
                    return read;
                });
                rows.forEach(sheet::row);
            }
        }
    }

    private static List<Object> row(Graph record, Node iri, String branchName) {
        List<Object> row = new ArrayList<>();
        for (RosterColumn column : RosterColumn.PROFILE) {
            if (column == RosterColumn.BRANCH_NAME) {
                row.add(branchName);
                continue;
            }
            Optional<Node> value = Lifecycle.value(record, iri, column.property());
            row.add(value.map(v -> cell(column, v)).orElse(""));
        }
        return row;
    }

    private static Object cell(RosterColumn column, Node value) {
        return switch (column.value()) {
            case DATE -> value.isLiteral() ? LocalDate.parse(value.getLiteralLexicalForm()) : "";
            case GENDER, EDUCATION, STAGE, STATUS -> RosterCodes.lianxin().label(value).orElse("");
            case BRANCH -> value.isURI() ? value.getURI() : "";
            default -> value.isLiteral() ? value.getLiteralLexicalForm() : "";
        };
    }
}
