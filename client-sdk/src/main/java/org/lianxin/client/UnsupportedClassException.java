package org.lianxin.client;

/**
 * The node does not claim the conformance class an operation belongs to (spec 2.2), or speaks
 * another version of the spec: refused by the client before any request is sent.
 */
public class UnsupportedClassException extends LianxinException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal saying which class or version the node lacks.
     *
     * @param message what the node does not claim, and what it claims
     */
    public UnsupportedClassException(String message) {
        super(message);
    }
}
