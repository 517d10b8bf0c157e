package org.lianxin.node.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Amounts of yuan: exact decimals, to the fen, never floating point (spec 9.2). */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {}

    /** The amount of an xsd:decimal literal; the store may give it back in another lexical form ("30.0"). */
    public static BigDecimal of(Node literal) {
        return new BigDecimal(literal.getLiteralLexicalForm().strip());
    }

    /** Two digits after the point, as every amount is written: "30.00". */
    public static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public static Node literal(BigDecimal amount) {
        return NodeFactory.createLiteralDT(text(amount), XSDDatatype.XSDdecimal);
    }
}
