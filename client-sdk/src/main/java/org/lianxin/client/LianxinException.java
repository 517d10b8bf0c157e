package org.lianxin.client;

/** Any failure of a call to a Lianxin node; the subclasses say which. */
public class LianxinException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with its cause, e.g. the I/O error of a request that got no answer.
     *
     * @param message what failed
     * @param cause   why
     */
    public LianxinException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A failure without a cause.
     *
     * @param message what failed
     */
    public LianxinException(String message) {
        super(message);
    }
}
