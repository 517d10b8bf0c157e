package org.lianxin.node.rosters;

/** A file that cannot be read as a roster at all: answered with a problem, never a 5xx (LX-ROSTER-14). */
public class RosterFileException extends RuntimeException {

    public RosterFileException(String message) {
        super(message, null, false, false);
    }
}
