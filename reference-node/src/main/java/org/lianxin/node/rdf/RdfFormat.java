package org.lianxin.node.rdf;

import java.util.Locale;

import jakarta.ws.rs.core.MediaType;

import org.apache.jena.riot.Lang;
import org.lianxin.node.problems.Problem;

/**
 * The RDF formats of the API and how a request picks one (spec 3.2, 3.3): reads negotiate among
 * JSON-LD, Turtle and N-Triples by the Accept header; writes come as JSON-LD or Turtle. Anything
 * else, RDF/XML included, is refused: 406 on reads (LX-CORE-9), 415 on writes (LX-CORE-12).
 */
public enum RdfFormat {
    JSON_LD("application/ld+json", Lang.JSONLD11),
    TURTLE("text/turtle", Lang.TURTLE),
    N_TRIPLES("application/n-triples", Lang.NTRIPLES);

    private final String mediaType;
    private final Lang lang;

    RdfFormat(String mediaType, Lang lang) {
        this.mediaType = mediaType;
        this.lang = lang;
    }

    public String mediaType() {
        return mediaType;
    }

    public Lang lang() {
        return lang;
    }

    /**
     * The format of a read, by Table 3.1 (LX-CORE-8): the format with the highest quality in the
     * Accept header, where a format's quality is that of the most specific media range matching it
     * (RFC 9110, 12.5.1); on equal quality, the first in the order of this enum. No header: JSON-LD.
     * {@code application/json} counts as asking for JSON-LD, which is JSON.
     */
    public static RdfFormat forAccept(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.isBlank()) {
            return JSON_LD;
        }
        RdfFormat best = null;
        double bestQuality = 0;
        for (RdfFormat format : values()) {
            double quality = quality(format, acceptHeader);
            if (quality > bestQuality) {
                best = format;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw Problem.of(406, "This node answers in application/ld+json, text/turtle or application/n-triples.").exception();
        }
        return best;
    }

    /**
     * The format of the record a write answers with. The spec leaves that body open (3.8), so a
     * write never fails for its Accept header: JSON-LD when no format is acceptable.
     */
    public static RdfFormat forAnswerToWrite(String acceptHeader) {
        try {
            return forAccept(acceptHeader);
        } catch (RuntimeException notAcceptable) {
            return JSON_LD;
        }
    }

    /** The format of a request body, from its Content-Type (LX-CORE-11, LX-CORE-12). */
    public static RdfFormat forContentType(MediaType contentType) {
        if (contentType != null) {
            String type = (contentType.getType() + "/" + contentType.getSubtype()).toLowerCase(Locale.ROOT);
            if (type.equals(JSON_LD.mediaType)) {
                return JSON_LD;
            }
            if (type.equals(TURTLE.mediaType)) {
                return TURTLE;
            }
        }
        throw Problem.of(415, "Send the record as application/ld+json or text/turtle.").exception();
    }

    private static double quality(RdfFormat format, String acceptHeader) {
        String[] own = format.mediaType.split("/");
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : acceptHeader.split(",")) {
            String[] parts = range.trim().split(";");
            String[] type = parts[0].trim().toLowerCase(Locale.ROOT).split("/");
            if (type.length != 2) {
                continue;
            }
            int specificity = specificity(format, own, type);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = q(parts);
            }
        }
        return quality;
    }

    /** -1 when the range does not match the format; else 0 for *&#47;*, 1 for type/*, 2 for an exact match. */
    private static int specificity(RdfFormat format, String[] own, String[] range) {
        if (range[0].equals("*") && range[1].equals("*")) {
            return 0;
        }
        if (range[0].equals(own[0]) && range[1].equals("*")) {
            return 1;
        }
        boolean exact = range[0].equals(own[0]) && range[1].equals(own[1]);
        boolean plainJson = format == JSON_LD && range[0].equals("application") && range[1].equals("json");
        return exact || plainJson ? 2 : -1;
    }

    private static double q(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
