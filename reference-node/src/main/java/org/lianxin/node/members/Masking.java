package org.lianxin.node.members;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The masked form of a member record (spec Table 8.9), what a list, a search, or a read without a
 * stated purpose shows: minimum necessary. The birth date is left out, since it is characters 7–14
 * of the ID number and would give the masked characters back.
 */
public final class Masking {

    private Masking() {}

    public static Graph masked(Graph record, Node member) {
        Graph masked = GraphFactory.createDefaultGraph();
        for (Triple t : record.find().toList()) {
            Node p = t.getPredicate();
            if (!t.getSubject().equals(member) || !t.getObject().isLiteral()) {
                masked.add(t);
            } else if (p.equals(SchemaOrg.birthDate.asNode()) || p.equals(LX.duesBase.asNode())) {
                continue; // the dues base is income: only in a full read (LX-DUES-3)
            } else if (p.equals(LX.nationalIdNumber.asNode())) {
                masked.add(member, p, literal(nationalId(t.getObject().getLiteralLexicalForm())));
            } else if (p.equals(SchemaOrg.telephone.asNode())) {
                masked.add(member, p, literal(telephone(t.getObject().getLiteralLexicalForm())));
            } else if (p.equals(SchemaOrg.address.asNode())) {
                masked.add(member, p, literal(address(t.getObject().getLiteralLexicalForm())));
            } else {
                masked.add(t);
            }
        }
        return masked;
    }

    /** 110105********002X */
    public static String nationalId(String id) {
        return id.length() < 10 ? "*".repeat(id.length()) : id.substring(0, 6) + "********" + id.substring(id.length() - 4);
    }

    /** 138****1234 for a mobile; 010-****78 or 0571****21 for a landline. */
    public static String telephone(String phone) {
        if (phone.startsWith("1") && phone.length() >= 7) {
            return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
        }
        if (phone.startsWith("0") && phone.length() >= 6) {
            int area = phone.startsWith("010") || phone.startsWith("02") ? 3 : 4;
            String hyphen = phone.length() > area && phone.charAt(area) == '-' ? "-" : "";
            return phone.substring(0, area) + hyphen + "****" + phone.substring(phone.length() - 2);
        }
        return "****";
    }

    /** The first 6 characters and an ellipsis. */
    public static String address(String address) {
        int length = address.codePointCount(0, address.length());
        return length <= 6 ? "…" : address.substring(0, address.offsetByCodePoints(0, 6)) + "…";
    }

    private static Node literal(String text) {
        return NodeFactory.createLiteralString(text);
    }
}
