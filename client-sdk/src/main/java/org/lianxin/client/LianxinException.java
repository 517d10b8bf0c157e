package org.lianxin.client;

/** Any failure of a call to a Lianxin node; the subclasses say which. */
public class LianxinException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LianxinException(String message, Throwable cause) {
        super(message, cause);
    }

    public LianxinException(String message) {
        super(message);
    }
}
