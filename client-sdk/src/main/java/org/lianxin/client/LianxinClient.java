package org.lianxin.client;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * A client of one Lianxin node, in plain Java 17: {@code java.net.http} and JSON-P, nothing else.
 * Operations are fluent verbs that end in {@code execute()} (or {@code executeAsync()}), in the
 * manner of HAPI FHIR's client:
 *
 * <pre>{@code
 * LianxinClient client = LianxinClient.builder("http://localhost:9080/nodes/province").tokens(() -> token).build();
 * MemberStatistics s = client.statistics().members().organization("province").groupBy("stage").subtree().execute();
 * s.groups().forEach(g -> System.out.println(g.key() + " " + g.count()));
 * System.out.println(s.completeness());
 * }</pre>
 *
 * <p>The client reads the node description once and refuses, before sending anything, an operation
 * of a conformance class the node does not claim. A federated answer that is not complete is never
 * handed back as if it were ({@link PartialAnswerException}) unless the caller allows it. Reads are
 * retried on 429 and 503, after the {@code Retry-After} the node gives; writes are not retried.
 */
public final class LianxinClient {

    /** The spec version this client speaks. */
    public static final String SPEC_VERSION = "0.1.0";

    private static final int MAX_ATTEMPTS = 4;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final String base;
    private final Supplier<String> tokens;
    private final Duration timeout;
    private final Executor executor;
    private final HttpClient http;
    private volatile String token;
    private volatile NodeDescription node;

    private LianxinClient(Builder builder) {
        this.base = builder.base.replaceAll("/+$", "");
        this.tokens = builder.tokens;
        this.timeout = builder.timeout;
        this.executor = builder.executor;
        this.http = HttpClient.newBuilder().connectTimeout(builder.timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A builder for the node at {@code base}, e.g. {@code http://localhost:9080/nodes/province}. */
    public static Builder builder(String base) {
        return new Builder(base);
    }

    /** How the client is set up. */
    public static final class Builder {
        private final String base;
        private Supplier<String> tokens = () -> null;
        private Duration timeout = Duration.ofSeconds(30);
        private Executor executor = ForkJoinPool.commonPool();

        private Builder(String base) {
            this.base = Objects.requireNonNull(base, "base");
        }

        /** Where bearer tokens come from; called again when the node refuses the one it has (401). */
        public Builder tokens(Supplier<String> tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        /** The connect and request timeout; 30 s unless set. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Where {@code executeAsync()} runs; the common pool unless set. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public LianxinClient build() {
            return new LianxinClient(this);
        }
    }

    /** The node's base URL. */
    public String base() {
        return base;
    }

    /** The node description, read once (spec 2.2). */
    public NodeDescription node() {
        NodeDescription known = node;
        if (known == null) {
            known = NodeDescription.of(get(base + "/.well-known/lianxin"));
            node = known;
        }
        return known;
    }

    /** Fails before any request when the node does not claim {@code conformanceClass} or speaks another version of the spec. */
    void requireClass(String conformanceClass) {
        NodeDescription description = node();
        if (!SPEC_VERSION.equals(description.specVersion())) {
            throw new UnsupportedClassException("The node speaks Lianxin " + description.specVersion() + ", this client " + SPEC_VERSION + ".");
        }
        if (!description.claims(conformanceClass)) {
            throw new UnsupportedClassException("The node " + base + " does not claim the conformance class " + conformanceClass
                    + "; it claims " + description.conformanceClasses() + ".");
        }
    }

    /** Statistics over organizations and their subtrees. */
    public Statistics statistics() {
        return new Statistics();
    }

    /** Member records: one by IRI, or lists that follow their pages. */
    public Members members() {
        return new Members();
    }

    /** The statistics of spec 7.9 and 9.7. */
    public final class Statistics {
        private Statistics() {}

        /** Member counts (spec 7.9, class Federation). */
        public MemberStatisticsQuery members() {
            return new MemberStatisticsQuery();
        }

        /** Dues collection of a month (spec 9.7, class Dues). */
        public DuesQuery dues() {
            return new DuesQuery();
        }
    }

    /** What the statistic queries share: organizations, scope, and whether a partial answer is taken. */
    public abstract class StatisticQuery<Q extends StatisticQuery<Q, T>, T> {
        final List<String> organizations = new ArrayList<>();
        boolean subtree;
        boolean allowPartial;

        @SuppressWarnings("unchecked")
        private Q self() {
            return (Q) this;
        }

        /** An organization to count, by IRI or by its id on the node. */
        public Q organization(String organization) {
            organizations.add(organization);
            return self();
        }

        /** Count every node below too, through the federation (scope=subtree). */
        public Q subtree() {
            subtree = true;
            return self();
        }

        /** Take an answer some node below did not contribute to; its completeness report says which. */
        public Q allowPartial() {
            allowPartial = true;
            return self();
        }

        abstract String conformanceClass();

        abstract String path();

        abstract List<String> parameters();

        abstract T read(JsonObject answer);

        public T execute() {
            requireClass(conformanceClass());
            if (organizations.isEmpty()) {
                throw new IllegalStateException("Name at least one organization.");
            }
            List<String> query = new ArrayList<>();
            organizations.forEach(o -> query.add("organization=" + enc(o)));
            query.addAll(parameters());
            query.add("scope=" + (subtree ? "subtree" : "local"));
            if (allowPartial) {
                query.add("partial=true");
            }
            try {
                return read(get(base + path() + "?" + String.join("&", query)));
            } catch (ProblemException e) {
                if (e.status() == 424) { // spec 7.6: incomplete, and the caller did not allow it
                    throw new PartialAnswerException(e, completenessOf(e));
                }
                throw e;
            }
        }

        public CompletableFuture<T> executeAsync() {
            return CompletableFuture.supplyAsync(this::execute, executor);
        }
    }

    /** Member counts, grouped or not (spec 7.9). */
    public final class MemberStatisticsQuery extends StatisticQuery<MemberStatisticsQuery, MemberStatistics> {
        private String groupBy = "none";

        private MemberStatisticsQuery() {}

        /** none, stage, gender, ethnicity, education, ageBand, orgType or childOrganization. */
        public MemberStatisticsQuery groupBy(String grouping) {
            this.groupBy = Objects.requireNonNull(grouping);
            return this;
        }

        @Override
        String conformanceClass() {
            return "Federation";
        }

        @Override
        String path() {
            return "/statistics/members";
        }

        @Override
        List<String> parameters() {
            return List.of("groupBy=" + enc(groupBy));
        }

        @Override
        MemberStatistics read(JsonObject answer) {
            return MemberStatistics.of(answer);
        }
    }

    /** The dues collection of a month (spec 9.7). */
    public final class DuesQuery extends StatisticQuery<DuesQuery, DuesCollection> {
        private String month;

        private DuesQuery() {}

        /** The month, e.g. 2026-10. */
        public DuesQuery month(String month) {
            this.month = Objects.requireNonNull(month);
            return this;
        }

        @Override
        String conformanceClass() {
            return "Dues";
        }

        @Override
        String path() {
            return "/statistics/dues";
        }

        @Override
        List<String> parameters() {
            if (month == null) {
                throw new IllegalStateException("Name the month.");
            }
            return List.of("month=" + enc(month));
        }

        @Override
        DuesCollection read(JsonObject answer) {
            return DuesCollection.of(answer);
        }
    }

    /** Member records (spec chapter 5). */
    public final class Members {
        private Members() {}

        /** The member {@code iri}, masked as any read without a stated purpose is (spec 8.8). */
        public Member read(String iri) {
            return Member.of(get(iri));
        }

        /** A list of members, filtered, that follows its pages. */
        public MemberSearch search() {
            return new MemberSearch();
        }
    }

    /** {@code GET {base}/members} with its filters; its results follow the {@code next} links (spec 3.10). */
    public final class MemberSearch {
        private final List<String> query = new ArrayList<>();

        private MemberSearch() {}

        public MemberSearch branch(String branch) {
            query.add("branch=" + enc(branch));
            return this;
        }

        public MemberSearch stage(String stage) {
            query.add("stage=" + enc(stage));
            return this;
        }

        /** How many a page holds; the node's default unless set. */
        public MemberSearch pageSize(int limit) {
            query.add("limit=" + limit);
            return this;
        }

        /**
         * Every member the list selects, page after page, read lazily. A page that fails ends the
         * stream with the failure, never silently: a partial list is not passed off as complete.
         */
        public Stream<Member> stream() {
            String first = base + "/members" + (query.isEmpty() ? "" : "?" + String.join("&", query));
            Iterator<Member> members = new Iterator<>() {
                private Iterator<JsonValue> page = List.<JsonValue>of().iterator();
                private String next = first;

                @Override
                public boolean hasNext() {
                    while (!page.hasNext() && next != null) {
                        JsonObject json = get(next);
                        page = json.getJsonArray("items").iterator();
                        next = json.getString("next", null);
                    }
                    return page.hasNext();
                }

                @Override
                public Member next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return Member.of(page.next().asJsonObject());
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(members, Spliterator.ORDERED | Spliterator.NONNULL), false);
        }
    }

    /** GET of JSON, retried on 429 and 503 after Retry-After, with one new token after a 401. */
    JsonObject get(String url) {
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "application/json"));
            int status = response.statusCode();
            if (status == 401 && !renewed) {
                token = null; // spec 8.4: expired or refused; ask the supplier again, once
                renewed = true;
                continue;
            }
            if ((status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
                sleep(retryAfter(response, attempt));
                continue;
            }
            if (status != 200) {
                throw problem(response);
            }
            return json(response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        String bearer = token();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LianxinException("No answer from " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LianxinException("Interrupted", e);
        }
    }

    private String token() {
        String known = token;
        if (known == null) {
            known = tokens.get();
            token = known;
        }
        return known;
    }

    /** The wait a 429 or 503 asks for (seconds or an HTTP date are both read as seconds here), else 1 s, 2 s, 4 s. */
    private static Duration retryAfter(HttpResponse<String> response, int attempt) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isPresent() && header.get().trim().matches("\\d+")) {
            Duration asked = Duration.ofSeconds(Long.parseLong(header.get().trim()));
            return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        return Duration.ofSeconds(1L << (attempt - 1));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LianxinException("Interrupted", e);
        }
    }

    /** The problem report of a refused request (spec 3.6), as a typed exception. */
    private static ProblemException problem(HttpResponse<String> response) {
        JsonObject body;
        try {
            body = json(response.body());
        } catch (RuntimeException e) {
            return new ProblemException(response.statusCode(), "about:blank", "HTTP " + response.statusCode(), response.body(), List.of());
        }
        List<ProblemException.FieldError> errors = body.getJsonArray("errors") == null ? List.of()
                : body.getJsonArray("errors").stream().map(JsonValue::asJsonObject).map(e -> new ProblemException.FieldError(
                        e.getString("field", ""), e.getString("rule", ""), e.getString("message", ""), e.getString("requirement", ""))).toList();
        ProblemException problem = new ProblemException(response.statusCode(), body.getString("type", "about:blank"),
                body.getString("title", ""), body.getString("detail", ""), errors);
        problem.addSuppressed(new LianxinException(body.toString())); // the whole report, for logs
        return problem;
    }

    private static Completeness completenessOf(ProblemException problem) {
        for (Throwable t : problem.getSuppressed()) {
            JsonObject body = json(t.getMessage());
            if (body.containsKey("completeness")) {
                return Completeness.of(body.getJsonObject("completeness"));
            }
        }
        return new Completeness(null, false, List.of());
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
