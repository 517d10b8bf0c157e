package org.lianxin.node.service;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Node;

/**
 * The service statistic of a subtree (spec 18.8, Table 18.8): numbers only — how many requests
 * were received, answered, answered in time, are open or closed, and how they were rated. Each
 * request counts once, at the node of the organization it was sent to: copies are not counted.
 *
 * @param ratings the number of requests rated 1, 2, 3, 4 and 5
 */
public record ServiceStatistics(long received, long answered, long answeredInTime, long open, long closed, long[] ratings) {

    static final ServiceStatistics NONE = new ServiceStatistics(0, 0, 0, 0, 0, new long[5]);

    ServiceStatistics plus(ServiceStatistics o) {
        long[] sum = new long[5];
        for (int i = 0; i < 5; i++) {
            sum[i] = ratings[i] + o.ratings[i];
        }
        return new ServiceStatistics(received + o.received, answered + o.answered, answeredInTime + o.answeredInTime, open + o.open,
                closed + o.closed, sum);
    }

    long rated() {
        long n = 0;
        for (long r : ratings) {
            n += r;
        }
        return n;
    }

    /** The mean rating, two decimals, half up; none when nothing was rated. */
    JsonValue satisfaction() {
        long rated = rated();
        if (rated == 0) {
            return JsonValue.NULL;
        }
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (i + 1) * ratings[i];
        }
        return JSON.createValue(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(rated), 2, RoundingMode.HALF_UP));
    }

    JsonObjectBuilder toJson(List<Node> organizations, List<Node> roots, String answerWithin, boolean subtree) {
        JsonArrayBuilder byRating = JSON.createArrayBuilder();
        for (long r : ratings) {
            byRating.add(r);
        }
        return JSON.createObjectBuilder()
                .add("organizations", JSON.createArrayBuilder(organizations.stream().map(Node::getURI).toList()))
                .add("roots", JSON.createArrayBuilder(roots.stream().map(Node::getURI).toList()))
                .add("scope", subtree ? "subtree" : "local")
                .add("answerWithin", answerWithin)
                .add("received", received).add("answered", answered).add("answeredInTime", answeredInTime)
                .add("open", open).add("closed", closed)
                .add("rated", rated()).add("ratings", byRating).add("meanRating", satisfaction());
    }

    /** A child's answer, or null when it is not a service statistic. */
    static ServiceStatistics fromJson(JsonObject answer) {
        try {
            long[] ratings = new long[5];
            List<JsonNumber> given = answer.getJsonArray("ratings").getValuesAs(JsonNumber.class);
            if (given.size() != 5) {
                return null;
            }
            for (int i = 0; i < 5; i++) {
                ratings[i] = given.get(i).longValueExact();
            }
            return new ServiceStatistics(number(answer, "received"), number(answer, "answered"), number(answer, "answeredInTime"),
                    number(answer, "open"), number(answer, "closed"), ratings);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long number(JsonObject o, String key) {
        return o.getJsonNumber(key).longValueExact();
    }
}
