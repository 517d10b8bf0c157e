package org.lianxin.client.microprofile;

/** What the MicroProfile Rest Client interfaces of this package share: their config key and media types. */
public final class LianxinRestClient {

    /** The MicroProfile Config key of every interface here: {@code lianxin/mp-rest/url} is the node's base URL. */
    public static final String CONFIG_KEY = "lianxin";

    /** The media type of records (spec 3.2). */
    public static final String JSON_LD = "application/ld+json";

    /** The media type of federated answers and actions: plain JSON (spec chapter 7). */
    public static final String JSON = "application/json";

    /** Turtle, which every read also negotiates. */
    public static final String TURTLE = "text/turtle";

    private LianxinRestClient() {}
}
