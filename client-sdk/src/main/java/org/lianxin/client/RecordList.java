package org.lianxin.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

/**
 * A list of records of the node, {@code GET {base}/{records}} with its filters, that follows its
 * {@code next} pages (spec 3.10). A page that fails ends the stream with the failure, never
 * silently: a partial list is not passed off as complete.
 *
 * @param <L> the list's own type, for chaining its filters
 * @param <T> the type of its records
 */
public abstract class RecordList<L extends RecordList<L, T>, T> {
    private final LianxinClient client;
    private final String conformanceClass;
    private final String url;
    private final Function<JsonObject, T> reader;
    private final List<String> query = new ArrayList<>();

    RecordList(LianxinClient client, String conformanceClass, String url, Function<JsonObject, T> reader) {
        this.client = client;
        this.conformanceClass = conformanceClass;
        this.url = url;
        this.reader = reader;
    }

    @SuppressWarnings("unchecked")
    private L self() {
        return (L) this;
    }

    /** Adds the filter {@code parameter=value}. */
    L filter(String parameter, String value) {
        query.add(parameter + "=" + LianxinClient.enc(Objects.requireNonNull(value, parameter)));
        return self();
    }

    /**
     * How many a page holds; the node's default unless set.
     *
     * @param limit at least 1
     * @return this list
     */
    public L pageSize(int limit) {
        query.add("limit=" + limit);
        return self();
    }

    /**
     * Every record the list selects, page after page, read lazily as the stream is consumed.
     *
     * @return the records; a failing page ends the stream with the failure
     */
    public Stream<T> stream() {
        client.requireClass(conformanceClass);
        return client.pages(url + (query.isEmpty() ? "" : "?" + String.join("&", query))).map(reader);
    }
}
