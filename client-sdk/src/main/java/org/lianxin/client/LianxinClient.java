package org.lianxin.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

        /** The client; it reads nothing until the first operation. */
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

    /** Dues payments (spec chapter 9, class Dues). */
    public Dues dues() {
        return new Dues();
    }

    /** Activities of organizational life (spec chapter 12, class OrgLife). */
    public Activities activities() {
        return new Activities();
    }

    /** Any resource as Turtle, and, with Apache Jena on the classpath, as a Jena {@code Model}. */
    public Rdf rdf() {
        return new Rdf();
    }

    /** Dues payments (spec 9.5). */
    public final class Dues {
        private Dues() {}

        /**
         * Records a payment under its payment ID, chosen by the caller. The same payment sent again
         * changes nothing (LX-DUES-11), so this write is retried after a 429, a 503 or a lost answer.
         */
        public DuesPayment pay(String paymentId, String payer, String month, java.math.BigDecimal amount, String channel,
                               java.time.OffsetDateTime paidAt) {
            requireClass("Dues");
            String iri = base + "/dues/payments/" + paymentId;
            JsonObject body = Json.createObjectBuilder().add("@context", "https://w3id.org/lianxin/context.jsonld").add("id", iri)
                    .add("type", "DuesPayment").add("payer", payer).add("month", month).add("amount", amount.toPlainString())
                    .add("channel", channel).add("paidAt", paidAt.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)).build(); // with seconds, as xsd:dateTime needs
            return DuesPayment.of(put(iri, "application/ld+json", body.toString(), true));
        }

        /** The dues account of {@code member} (an IRI of this node) for the twelve months up to {@code to} (yyyy-mm), LX-DUES-14. */
        public DuesAccount account(String member, String to) {
            requireClass("Dues");
            String id = member.substring(member.lastIndexOf('/') + 1);
            return DuesAccount.of(get(base + "/dues/accounts/" + enc(id) + "?to=" + enc(to)));
        }

        /** The members under {@code organization} flagged for arrears at {@code to} (yyyy-mm), LX-DUES-17. */
        public Arrears arrears(String organization, String to) {
            requireClass("Dues");
            return Arrears.of(get(base + "/dues/arrears?organization=" + enc(organization) + "&to=" + enc(to)));
        }
    }

    /** Activities (spec 12.3). */
    public final class Activities {
        private Activities() {}

        /** Records an activity held by {@code heldBy} on {@code day}. */
        public Activity record(String heldBy, String activityType, java.time.LocalDate day, String topic) {
            requireClass("OrgLife");
            JsonObject body = Json.createObjectBuilder().add("@context", "https://w3id.org/lianxin/context.jsonld").add("type", "Activity")
                    .add("activityType", activityType).add("heldBy", heldBy).add("startDate", day.toString()).add("topic", topic).build();
            return Activity.of(post(base + "/activities", "application/ld+json", body.toString(), 201));
        }

        /** The activities {@code heldBy} held in {@code year}, page after page. */
        public Stream<Activity> of(String heldBy, int year) {
            requireClass("OrgLife");
            return pages(base + "/activities?heldBy=" + enc(heldBy) + "&year=" + year).map(Activity::of);
        }
    }

    /** RDF views of any resource of the node (spec 3.2). */
    public final class Rdf {
        private Rdf() {}

        /** The resource {@code iri} as Turtle. */
        public String turtle(String iri) {
            return text(iri, "text/turtle");
        }

        /**
         * The resource as a Jena {@code Model}; needs Apache Jena (jena-arq) on the classpath, which
         * the SDK does not bring itself.
         */
        public org.apache.jena.rdf.model.Model model(String iri) {
            org.apache.jena.rdf.model.Model model = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
            org.apache.jena.riot.RDFParser.fromString(turtle(iri), org.apache.jena.riot.Lang.TURTLE).base(iri).parse(model);
            return model;
        }
    }

    /** GET of a text representation, with the same retries and renewed token as {@link #get}. */
    String text(String url, String accept) {
        return bodyText(fetch(url, accept));
    }

    /**
     * PUT of a record, answered 200 or 201. {@code idempotent}: the same request changes nothing a
     * second time (a payment under its payment ID), so it is retried after 429/503 and a lost answer.
     */
    JsonObject put(String url, String contentType, String body, boolean idempotent) {
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                        .header("Accept", "application/ld+json").PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
            } catch (LianxinException lost) {
                if (!idempotent || attempt >= MAX_ATTEMPTS) {
                    throw lost;
                }
                sleep(retryAfter(null, attempt));
                continue;
            }
            int status = response.statusCode();
            if (status == 401 && !renewed) {
                token = null;
                renewed = true;
                continue;
            }
            if (idempotent && (status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
                sleep(retryAfter(response, attempt));
                continue;
            }
            if (status != 200 && status != 201) {
                throw problem(response);
            }
            return json(response.body());
        }
    }

    /** Organizational-relationship transfers (spec chapter 10, class Transfer). */
    public Transfers transfers() {
        return new Transfers();
    }

    /** The development pipeline (spec chapter 11, class Pipeline). */
    public Development development() {
        return new Development();
    }

    /** The statistics of spec 7.9, 9.7 and 12.5. */
    public final class Statistics {
        private Statistics() {}

        /** Meeting compliance over a year (spec 12.5, class OrgLife). */
        public ComplianceQuery compliance() {
            return new ComplianceQuery();
        }

        /** Member counts (spec 7.9, class Federation). */
        public MemberStatisticsQuery members() {
            return new MemberStatisticsQuery();
        }

        /** Dues collection of a month (spec 9.7, class Dues). */
        public DuesQuery dues() {
            return new DuesQuery();
        }

        /** The burden report of tasks over a period (spec 13.11, class Tasks). */
        public BurdenQuery burden() {
            return new BurdenQuery();
        }

        /** The completion of a course, or of the courses due in a period (spec 16.8, class Learning). */
        public LearningQuery learning() {
            return new LearningQuery();
        }

        /** The reach of a notice over subtrees: members it is for, and how many read it (spec 17.8, class Notices). */
        public NoticeReachQuery noticeReach() {
            return new NoticeReachQuery();
        }

        /** How the requests of residents were served (spec 18.8, class Service). */
        public ServiceQuery service() {
            return new ServiceQuery();
        }
    }

    /** The completion statistic (spec 16.8): assignments of members to courses, completed, started, not started, overdue. */
    public final class LearningQuery extends StatisticQuery<LearningQuery, LearningCompletion> {
        private String course;
        private String period;

        private LearningQuery() {}

        /** The course counted, its IRI on any node; not with {@link #period(String)}. */
        public LearningQuery course(String course) {
            this.course = Objects.requireNonNull(course);
            return this;
        }

        /** The period, {@code yyyy} or {@code yyyy-mm}: the courses due in it; not with {@link #course(String)}. */
        public LearningQuery period(String period) {
            this.period = Objects.requireNonNull(period);
            return this;
        }

        @Override
        String conformanceClass() {
            return "Learning";
        }

        @Override
        String path() {
            return "/statistics/learning";
        }

        @Override
        List<String> parameters() {
            if ((course == null) == (period == null)) { // LX-LEARN-16: one of the two
                throw new IllegalStateException("Name either the course or the period.");
            }
            return List.of(course != null ? "course=" + enc(course) : "period=" + enc(period));
        }

        @Override
        LearningCompletion read(JsonObject answer) {
            return LearningCompletion.of(answer);
        }
    }

    /** The reach of a notice over the subtrees of organizations (spec 17.8, {@code /statistics/notice-reach}). */
    public final class NoticeReachQuery extends StatisticQuery<NoticeReachQuery, NoticeReach> {
        private String notice;

        private NoticeReachQuery() {}

        /** The notice, its IRI on this node or a node above. */
        public NoticeReachQuery notice(String notice) {
            this.notice = Objects.requireNonNull(notice);
            return this;
        }

        @Override
        String conformanceClass() {
            return "Notices";
        }

        @Override
        String path() {
            return "/statistics/notice-reach";
        }

        @Override
        List<String> parameters() {
            if (notice == null) {
                throw new IllegalStateException("Name the notice.");
            }
            return List.of("notice=" + enc(notice));
        }

        @Override
        NoticeReach read(JsonObject answer) {
            return NoticeReach.of(answer);
        }
    }

    /** The service statistic (spec 18.8): requests received, answered in time, open and closed, and their ratings. */
    public final class ServiceQuery extends StatisticQuery<ServiceQuery, ServiceStatistic> {
        private ServiceQuery() {}

        @Override
        String conformanceClass() {
            return "Service";
        }

        @Override
        String path() {
            return "/statistics/service";
        }

        @Override
        List<String> parameters() {
            return List.of();
        }

        @Override
        ServiceStatistic read(JsonObject answer) {
            return ServiceStatistic.of(answer);
        }
    }

    /** The burden report (spec 13.11): what was asked of the branches in a period, and what was left to people. */
    public final class BurdenQuery extends StatisticQuery<BurdenQuery, BurdenReport> {
        private String period;

        private BurdenQuery() {}

        /** The period, {@code yyyy} or {@code yyyy-mm}: the requests due in it. */
        public BurdenQuery period(String period) {
            this.period = Objects.requireNonNull(period);
            return this;
        }

        @Override
        String conformanceClass() {
            return "Tasks";
        }

        @Override
        String path() {
            return "/statistics/tasks";
        }

        @Override
        List<String> parameters() {
            if (period == null) {
                throw new IllegalStateException("Name the period.");
            }
            return List.of("period=" + enc(period));
        }

        @Override
        BurdenReport read(JsonObject answer) {
            return BurdenReport.of(answer);
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

        /** Sends the query and reads its answer; {@link PartialAnswerException} when incomplete and not allowed. */
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
            return read(getComplete(base + path() + "?" + String.join("&", query)));
        }

        /** {@link #execute()} on the client's executor. */
        public CompletableFuture<T> executeAsync() {
            return async(this::execute);
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

    /** Which organizations held the organizational life they owe (spec 12.5). */
    public final class ComplianceQuery extends StatisticQuery<ComplianceQuery, ComplianceStatistic> {
        private int year;
        private String through;

        private ComplianceQuery() {}

        /** The year, e.g. 2026. */
        public ComplianceQuery year(int year) {
            this.year = year;
            return this;
        }

        /** The last month counted, e.g. 2026-06; the last month that has ended unless set. */
        public ComplianceQuery through(String month) {
            this.through = Objects.requireNonNull(month);
            return this;
        }

        @Override
        String conformanceClass() {
            return "OrgLife";
        }

        @Override
        String path() {
            return "/statistics/compliance";
        }

        @Override
        List<String> parameters() {
            if (year == 0) {
                throw new IllegalStateException("Name the year.");
            }
            return through == null ? List.of("year=" + year) : List.of("year=" + year, "through=" + enc(through));
        }

        @Override
        ComplianceStatistic read(JsonObject answer) {
            return ComplianceStatistic.of(answer);
        }
    }

    /**
     * Transfers (spec 10.2). The sending branch requests and approves on the member's node; the
     * receiving organization accepts or rejects on its own node, with a client of that node.
     */
    public final class Transfers {
        private Transfers() {}

        /** Requests the transfer of {@code member} of this node to {@code toOrganization}, on any node. */
        public Transfer request(String member, String toOrganization, String reason) {
            requireClass("Transfer");
            var body = Json.createObjectBuilder().add("@context", "https://w3id.org/lianxin/context.jsonld").add("type", "Transfer")
                    .add("transferredMember", member).add("toOrganization", toOrganization);
            if (reason != null) {
                body.add("reason", reason);
            }
            return Transfer.of(post(base + "/transfers", "application/ld+json", body.build().toString(), 201));
        }

        /** The transfer record {@code transfer} of this node. */
        public Transfer read(String transfer) {
            requireClass("Transfer");
            return Transfer.of(get(transfer));
        }

        /** The sending organization approves and issues the introduction letter. */
        public Transfer approve(String transfer) {
            return act(transfer, "approve", null);
        }

        /** The sending organization withdraws the transfer. */
        public Transfer cancel(String transfer, String reason) {
            return act(transfer, "cancel", reason);
        }

        /** The receiving organization accepts (on its node). */
        public Transfer accept(String transfer) {
            return act(transfer, "accept", null);
        }

        /** The receiving organization rejects, with its reason (on its node). */
        public Transfer reject(String transfer, String reason) {
            return act(transfer, "reject", Objects.requireNonNull(reason, "reason"));
        }

        /** This node's transfers of {@code member} (under either of its IRIs), page after page. */
        public Stream<Transfer> of(String member) {
            requireClass("Transfer");
            return pages(base + "/transfers?member=" + enc(member)).map(Transfer::of);
        }

        private Transfer act(String transfer, String action, String reason) {
            requireClass("Transfer");
            String body = reason == null ? "{}" : Json.createObjectBuilder().add("reason", reason).build().toString();
            return Transfer.of(post(transfer + "/" + action, "application/json", body, 200));
        }
    }

    /** The development pipeline (spec 11.5, 11.6). */
    public final class Development {
        private Development() {}

        /** A step of {@code member}: its kind (Talk, ActivistDesignation, ...) and day; add sponsors, hours or months as the step needs. */
        public StepRequest step(String member, String step, java.time.LocalDate date) {
            return new StepRequest(member, step, date);
        }

        /** The members under {@code organization} due for their next step on {@code on} (today in China when null). */
        public List<DueItem> due(String organization, java.time.LocalDate on) {
            requireClass("Pipeline");
            JsonObject answer = get(base + "/development/due?organization=" + enc(organization) + (on == null ? "" : "&on=" + on));
            return answer.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(DueItem::of).toList();
        }
    }

    /** One step, sent with {@link #execute()}: the member record as stored, or a problem citing the rule it breaks. */
    public final class StepRequest {
        private final jakarta.json.JsonObjectBuilder body = Json.createObjectBuilder();
        private final String member;

        private StepRequest(String member, String step, java.time.LocalDate date) {
            this.member = Objects.requireNonNull(member, "member");
            body.add("step", step).add("date", date.toString());
        }

        /** The two sponsors of a Sponsors step, member IRIs. */
        public StepRequest sponsors(String first, String second) {
            body.add("sponsors", Json.createArrayBuilder().add(first).add(second));
            return this;
        }

        /** The class hours of a Training step. */
        public StepRequest hours(java.math.BigDecimal hours) {
            body.add("hours", hours);
            return this;
        }

        /** The months of a ProbationExtension step, 6 to 12. */
        public StepRequest months(int months) {
            body.add("months", months);
            return this;
        }

        /** Sends the step; the member record as stored, or a {@link ProblemException} naming the rule it breaks. */
        public Member execute() {
            requireClass("Pipeline");
            return Member.of(post(member + "/development", "application/json", body.build().toString(), 200));
        }
    }

    /** Member records (spec chapter 5). */
    public final class Members {
        private Members() {}

        /** The member {@code iri}, masked as any read without a stated purpose is (spec 8.8). */
        public Member read(String iri) {
            return Member.of(get(iri));
        }

        /** {@link #read(String)} on the client's executor. */
        public CompletableFuture<Member> readAsync(String iri) {
            return async(() -> read(iri));
        }

        /**
         * The live member of this node with the national ID number {@code nationalId}, among those the
         * caller may read (LX-SEC-38); empty when there is none (404, LX-SEC-39). The number is sent in the
         * body, never in a URL, and the node keeps only its keyed hash.
         */
        public Optional<String> lookup(String nationalId) {
            try {
                JsonObject answer = post(base + "/members/lookup", "application/json",
                        Json.createObjectBuilder().add("nationalId", nationalId).build().toString(), 200);
                return Optional.of(answer.getString("member"));
            } catch (ProblemException e) {
                if (e.status() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        }

        /** The member in full, for a stated purpose (spec 8.8): the read is audited by the node. */
        public Member readFull(String iri, String purpose) {
            return Member.of(get(iri, "Lianxin-Purpose", enc(Objects.requireNonNull(purpose, "purpose"))));
        }

        /** Creates a member record (JSON-LD, without id); the node's IRI for it is the answer's {@code id()}. */
        public Member create(JsonObject record) {
            return Member.of(post(base + "/members", "application/ld+json", record.toString(), 201));
        }

        /** Replaces the member record {@code iri} with {@code record} (its {@code id} is {@code iri}). */
        public Member replace(String iri, JsonObject record) {
            return Member.of(put(iri, "application/ld+json", record.toString(), false));
        }

        /** Deletes the member record; a tombstone remains (spec 3.9). */
        public void delete(String iri) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(iri)).DELETE());
            if (response.statusCode() != 204) {
                throw problem(response);
            }
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

        /** Only the members of this branch (its IRI). */
        public MemberSearch branch(String branch) {
            query.add("branch=" + enc(branch));
            return this;
        }

        /** Only the members in this stage, e.g. FullMember. */
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
            return pages(base + "/members" + (query.isEmpty() ? "" : "?" + String.join("&", query))).map(Member::of);
        }
    }

    /**
     * Party organizations (spec chapter 4): read, create, replace, delete, their children and subtree
     * on this node, and their ancestors across nodes.
     *
     * @return the organizations of this node
     */
    public Organizations organizations() {
        return new Organizations();
    }

    /**
     * The node's audit log (spec 8.9, class Security): what was done under an organization, for its
     * administrators.
     *
     * @return the audit log of this node
     */
    public Audit audit() {
        return new Audit();
    }

    /**
     * The node's place in the federation (spec chapter 7): its parent and its registered children;
     * registering and removing a child is the node operator's.
     *
     * @return the federation administration of this node
     */
    public Federation federation() {
        return new Federation();
    }

    /** Organization records (spec chapter 4, class Core; ancestors, class Federation). */
    public final class Organizations {
        private Organizations() {}

        /**
         * The organization {@code organization}: its IRI, or its id on this node.
         *
         * @param organization an IRI or an id
         * @return the record; a {@link ProblemException} 404 when there is none the caller may read, 410 when it was deleted
         */
        public Organization read(String organization) {
            requireClass("Core");
            return Organization.of(get(iri(organization)));
        }

        /**
         * {@link #read(String)} on the client's executor.
         *
         * @param organization an IRI or an id
         * @return the record, when read
         */
        public CompletableFuture<Organization> readAsync(String organization) {
            return async(() -> read(organization));
        }

        /**
         * Creates an organization; the node chooses its IRI, the answer's {@code id()}. Never retried.
         *
         * @param draft the record, e.g. {@code Organization.draft("第一党支部", "Branch", county)}
         * @return the record as stored; a {@link ProblemException} 422 naming each rule it breaks
         */
        public Organization create(Organization.Draft draft) {
            requireClass("Core");
            return Organization.of(post(base + "/organizations", "application/ld+json", draft.json(null).toString(), 201));
        }

        /**
         * Creates the organization {@code organization} (an IRI or an id on this node), or replaces it
         * whole: a key absent from {@code draft} is removed. Retried after 429 and 503, as the same PUT
         * twice gives the same record.
         *
         * @param organization an IRI or an id
         * @param draft        the record
         * @return the record as stored
         */
        public Organization put(String organization, Organization.Draft draft) {
            requireClass("Core");
            String iri = iri(organization);
            return Organization.of(LianxinClient.this.put(iri, "application/ld+json", draft.json(iri).toString(), true));
        }

        /**
         * Deletes the organization; a tombstone remains (spec 3.9). A {@link ProblemException} 409 while
         * an organization or a member of this node is below it.
         *
         * @param organization an IRI or an id
         */
        public void delete(String organization) {
            requireClass("Core");
            LianxinClient.this.delete(iri(organization));
        }

        /**
         * Every organization of this node the caller may read, page after page.
         *
         * @return the list, to filter and stream
         */
        public OrganizationList list() {
            return new OrganizationList("");
        }

        /**
         * Every organization of this node the caller may read, page after page, read lazily.
         *
         * @return the organizations; a failing page ends the stream with the failure
         */
        public Stream<Organization> stream() {
            return list().stream();
        }

        /**
         * The live organizations of this node directly below {@code organization}.
         *
         * @param organization an IRI or an id
         * @return the list, to stream
         */
        public OrganizationList children(String organization) {
            return new OrganizationList(iri(organization) + "/children");
        }

        /**
         * {@code organization} and every live organization of this node below it.
         *
         * @param organization an IRI or an id
         * @return the list, to stream
         */
        public OrganizationList subtree(String organization) {
            return new OrganizationList(iri(organization) + "/subtree");
        }

        /**
         * The superiors of {@code organization}, nearest first, up to the root, across nodes: a
         * federated query. A {@link PartialAnswerException} naming the missing node when a node above
         * did not answer.
         *
         * @param organization an IRI or an id
         * @return the chain, with its completeness report
         */
        public Ancestors ancestors(String organization) {
            return ancestors(organization, false);
        }

        /**
         * {@link #ancestors(String)}, taking an incomplete chain when {@code allowPartial}: its
         * completeness report says which node did not answer.
         *
         * @param organization an IRI or an id
         * @param allowPartial whether an incomplete chain is taken
         * @return the chain, with its completeness report
         */
        public Ancestors ancestors(String organization, boolean allowPartial) {
            requireClass("Federation");
            return Ancestors.of(getComplete(iri(organization) + "/ancestors" + (allowPartial ? "?partial=true" : "")));
        }

        private String iri(String organization) {
            Objects.requireNonNull(organization, "organization");
            return organization.contains("://") ? organization : base + "/organizations/" + organization;
        }
    }

    /** A list of organizations ({@code {base}/organizations}, or the children or subtree of one) that follows its pages. */
    public final class OrganizationList {
        private final String url;
        private final List<String> query = new ArrayList<>();

        private OrganizationList(String url) {
            this.url = url;
        }

        /**
         * How many a page holds; the node's default unless set.
         *
         * @param limit at least 1
         * @return this list
         */
        public OrganizationList pageSize(int limit) {
            query.add("limit=" + limit);
            return this;
        }

        /**
         * Only the records modified at or after {@code instant}, and tombstones of those deleted since.
         *
         * @param instant the instant
         * @return this list
         */
        public OrganizationList modifiedSince(java.time.OffsetDateTime instant) {
            query.add("modifiedSince=" + enc(instant.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
            return this;
        }

        /**
         * Every organization the list selects, page after page, read lazily. A page that fails ends
         * the stream with the failure, never silently.
         *
         * @return the organizations
         */
        public Stream<Organization> stream() {
            requireClass("Core");
            String first = url.isEmpty() ? base + "/organizations" : url;
            return pages(first + (query.isEmpty() ? "" : "?" + String.join("&", query))).map(Organization::of);
        }
    }

    /** The audit log (spec 8.9): append-only, read by the administrators of an organization. */
    public final class Audit {
        private Audit() {}

        /**
         * The entries listed under {@code organization} (its IRI or id) and the organizations below it.
         *
         * @param organization an IRI or an id of an organization of this node
         * @return the query, to narrow and stream
         */
        public AuditQuery of(String organization) {
            return new AuditQuery(Objects.requireNonNull(organization, "organization"));
        }
    }

    /** {@code GET {base}/audit} with its filters, following its pages. */
    public final class AuditQuery {
        private final List<String> query = new ArrayList<>();

        private AuditQuery(String organization) {
            query.add("organization=" + enc(organization));
        }

        /**
         * Only entries at or after {@code from}.
         *
         * @param from the first instant
         * @return this query
         */
        public AuditQuery from(java.time.OffsetDateTime from) {
            query.add("from=" + enc(from.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
            return this;
        }

        /**
         * Only entries before {@code to}.
         *
         * @param to the instant after the last
         * @return this query
         */
        public AuditQuery to(java.time.OffsetDateTime to) {
            query.add("to=" + enc(to.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
            return this;
        }

        /**
         * How many a page holds; 50 unless set, at most 1,000.
         *
         * @param limit at least 1
         * @return this query
         */
        public AuditQuery pageSize(int limit) {
            query.add("limit=" + limit);
            return this;
        }

        /**
         * Every entry selected, in the order they were appended, page after page, read lazily. A
         * {@link ProblemException} 403 for a caller who is not an organization-admin, 404 outside
         * the caller's subtree.
         *
         * @return the entries; a failing page ends the stream with the failure
         */
        public Stream<AuditEntry> stream() {
            requireClass("Security");
            return pages(base + "/audit?" + String.join("&", query)).map(AuditEntry::of);
        }
    }

    /** Federation administration (spec 7.2 to 7.4): plain JSON, not records. */
    public final class Federation {
        private Federation() {}

        /**
         * The node's parent and registered children.
         *
         * @return the federation state
         */
        public FederationState state() {
            requireClass("Federation");
            return FederationState.of(get(base + "/federation"));
        }

        /**
         * Registers the node at {@code childBase} as a child of this one (a node operator's action):
         * the node checks its allowlist, the child's description and its roots, then tells the child.
         * A {@link ProblemException} 409 when it is registered already, 422 naming the check that failed.
         *
         * @param childBase the child's base URL
         * @return the registration, with whether the child took this node as parent
         */
        public ChildRegistration register(String childBase) {
            requireClass("Federation");
            String body = Json.createObjectBuilder().add("base", Objects.requireNonNull(childBase, "childBase")).build().toString();
            return ChildRegistration.of(post(base + "/federation/children", "application/json", body, 201));
        }

        /**
         * Removes the registration of the child at {@code childBase} (a node operator's action); a
         * {@link ProblemException} 404 when there is none.
         *
         * @param childBase the child's base URL
         */
        public void remove(String childBase) {
            requireClass("Federation");
            LianxinClient.this.delete(base + "/federation/children?base=" + enc(Objects.requireNonNull(childBase, "childBase")));
        }
    }

    /** DELETE, expecting 204; a 401 is answered once with a new token. Not retried otherwise. */
    void delete(String url) {
        for (boolean renewed = false; ; renewed = true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).DELETE());
            if (response.statusCode() == 401 && !renewed) {
                token = null;
                continue;
            }
            if (response.statusCode() != 204) {
                throw problem(response);
            }
            return;
        }
    }

    /** Tasks: data and action requests, the inbox, completions, progress and the burden report (spec chapter 13, class Tasks). */
    public Tasks tasks() {
        return new Tasks();
    }

    /** Members' messages to their organizations, with replies and ratings (spec chapter 14, class Feedback). */
    public Feedback feedback() {
        return new Feedback();
    }

    /** The caller's live server-sent events: new messages, replies, states and tasks (spec 14.8, class Feedback). */
    public Events events() {
        return new Events();
    }

    /** Remote education: courses, study records, a member's courses and the completion statistic (spec chapter 16, class Learning). */
    public Learning learning() {
        return new Learning(this);
    }

    /** Notices of organizations to their subtrees: a member's feed, read receipts and reach (spec chapter 17, class Notices). */
    public Notices notices() {
        return new Notices(this);
    }

    /** Service to the people: service points, residents' requests and their threads, the service statistic (spec chapter 18, class Service). */
    public Service service() {
        return new Service(this);
    }

    /**
     * Member rosters as spreadsheets (spec chapter 15, class Rosters): imports of CSV and XLSX files
     * with their progress and reports, and exports of a subtree's roster.
     *
     * @return the rosters of this node
     */
    public Rosters rosters() {
        return new Rosters(this);
    }

    static final String CONTEXT = "https://w3id.org/lianxin/context.jsonld";

    /**
     * Tasks (spec chapter 13). An issuer asks its subtree once: a request equal to one already open
     * for its targets comes back {@code Merged} with {@code mergedInto}, and a data request the data
     * can answer comes back {@code Answered}, sent to nobody. A branch reads what is asked of it in
     * its {@link #inbox(String) inbox}, each thing once, and completes it.
     */
    public final class Tasks {
        private Tasks() {}

        /**
         * A data request of {@code issuedBy}, an organization of this node, for the figures of a
         * statistic and for fields people fill in; send it with {@code execute()}.
         */
        public DataRequest dataRequest(String issuedBy, String name, java.time.LocalDate dueDate) {
            return new DataRequest(issuedBy, name, dueDate);
        }

        /**
         * An action request of {@code issuedBy}: an activity of {@code activityType} (e.g.
         * ThemedPartyDay) on {@code topic}, held by every branch reached by {@code dueDate}; its
         * {@code name} is the topic unless set; send it with {@code execute()}.
         */
        public ActionRequest actionRequest(String issuedBy, String activityType, String topic, java.time.LocalDate dueDate) {
            return new ActionRequest(issuedBy, activityType, topic, dueDate);
        }

        /** The task {@code task} (its IRI), readable by the secretaries and administrators of its issuer's subtree. */
        public Task read(String task) {
            requireClass("Tasks");
            return Task.of(get(task));
        }

        /** The tasks issued on this node that the caller may read, filtered, page after page. */
        public TaskList list() {
            return new TaskList(LianxinClient.this);
        }

        /** Withdraws the task (its issuer): it leaves every inbox at once; a 409 {@link ProblemException} when it is Cancelled already. */
        public Task cancel(String task) {
            requireClass("Tasks");
            return Task.of(post(task + "/cancel", "application/json", "", 200));
        }

        /**
         * The statistic of a data request, computed now with the caller's token (spec 13.7): an
         * answer that was incomplete at the issue is complete once the missing node is back. A 409
         * {@link ProblemException} for an action request or a data request without statistic.
         */
        public TaskAnswer answer(String task) {
            requireClass("Tasks");
            return TaskAnswer.of(null, get(task + "/answer"));
        }

        /**
         * Which branches the task reaches have completed it and which have not, counted live over
         * the federation; a {@link PartialAnswerException} naming the missing nodes when a node
         * below did not answer.
         */
        public TaskProgress progress(String task) {
            return progress(task, false);
        }

        /** {@link #progress(String)}, taking an incomplete answer when {@code allowPartial}: its completeness report says what is missing. */
        public TaskProgress progress(String task, boolean allowPartial) {
            requireClass("Tasks");
            return TaskProgress.of(getComplete(task + "/progress" + (allowPartial ? "?partial=true" : "")));
        }

        /**
         * What is asked of {@code organization} (its IRI on this node, or its id), each thing once,
         * from this node and the nodes above. Never refused for being incomplete: see
         * {@link Inbox#complete()}.
         */
        public Inbox inbox(String organization) {
            requireClass("Tasks");
            String iri = organization.contains("://") ? organization : base + "/organizations/" + organization;
            return Inbox.of(get(iri + "/inbox"));
        }

        /**
         * The branch {@code branch} of this node completes the request {@code task} (an IRI of any
         * node, from its inbox): once for every request of that key. An action request needs
         * {@code evidence}, activities of the branch of the type asked; a data request with asked
         * fields needs the figures in {@code note}. A 409 {@link ProblemException} (LX-TASK-16) when
         * the branch completed the key already.
         */
        public TaskCompletion complete(String task, String branch, List<String> evidence, String note) {
            requireClass("Tasks");
            var body = Json.createObjectBuilder().add("@context", CONTEXT).add("type", "TaskCompletion")
                    .add("completes", Objects.requireNonNull(task, "task")).add("completedBy", Objects.requireNonNull(branch, "branch"));
            if (evidence != null && !evidence.isEmpty()) {
                body.add("evidence", Json.createArrayBuilder(evidence));
            }
            if (note != null) {
                body.add("note", note);
            }
            return TaskCompletion.of(post(base + "/task-completions", "application/ld+json", body.build().toString(), 201));
        }

        /** The completion {@code completion} (its IRI). */
        public TaskCompletion completion(String completion) {
            requireClass("Tasks");
            return TaskCompletion.of(get(completion));
        }

        /**
         * The burden report of {@code organization}'s whole subtree for {@code period} ({@code yyyy}
         * or {@code yyyy-mm}); a {@link PartialAnswerException} when a node below did not answer.
         * {@code client.statistics().burden()} takes several organizations, the local scope and
         * partial answers.
         */
        public BurdenReport burden(String organization, String period) {
            return statistics().burden().organization(organization).period(period).subtree().execute();
        }
    }

    /** What data and action requests share: targets, description, and sending. */
    public abstract class TaskRequest<R extends TaskRequest<R>> {
        final jakarta.json.JsonObjectBuilder body = Json.createObjectBuilder();
        private final List<String> targets = new ArrayList<>();

        TaskRequest(String kind, String issuedBy, String name, java.time.LocalDate dueDate) {
            body.add("@context", CONTEXT).add("type", "Task").add("taskKind", kind).add("issuedBy", Objects.requireNonNull(issuedBy, "issuedBy"))
                    .add("dueDate", Objects.requireNonNull(dueDate, "dueDate").toString());
            if (name != null) {
                body.add("name", name);
            }
        }

        @SuppressWarnings("unchecked")
        private R self() {
            return (R) this;
        }

        /** The organizations whose subtrees the task is for, at or below the issuer; the issuer's subtree when none. */
        public R targets(String... organizations) {
            targets.addAll(List.of(organizations));
            return self();
        }

        /** What the task is about, at most 2,000 characters. */
        public R description(String description) {
            body.add("description", description);
            return self();
        }

        /**
         * Issues the task: the task as stored, with its state — Open, Answered (by the data) or Merged
         * (into the task of {@code mergedInto()}) — its key and, for a statistic, its answer. A
         * {@link ProblemException} names each rule it breaks (LX-TASK-3 to LX-TASK-6).
         */
        public Task execute() {
            requireClass("Tasks");
            if (!targets.isEmpty()) {
                body.add("targets", Json.createArrayBuilder(targets));
            }
            return Task.of(post(base + "/tasks", "application/ld+json", body.build().toString(), 201));
        }

        /** {@link #execute()} on the client's executor. */
        public CompletableFuture<Task> executeAsync() {
            return async(this::execute);
        }
    }

    /** A data request（数据需求）: a statistic of Table 13.5, fields left to people, or both. */
    public final class DataRequest extends TaskRequest<DataRequest> {
        private final List<String> fields = new ArrayList<>();

        private DataRequest(String issuedBy, String name, java.time.LocalDate dueDate) {
            super("DataRequest", issuedBy, Objects.requireNonNull(name, "name"), dueDate);
        }

        /** MemberCountsByStage, DuesCollection (needs a month) or MeetingCompliance (needs a year or a month): answered by the data. */
        public DataRequest statistic(String statistic) {
            body.add("statistic", statistic);
            return this;
        }

        /** The period, {@code yyyy} or {@code yyyy-mm}. */
        public DataRequest period(String period) {
            body.add("period", period);
            return this;
        }

        /** Figures the standard does not cover, each filled in by the branches in their completion's note. */
        public DataRequest askedFields(String... fields) {
            this.fields.addAll(List.of(fields));
            body.add("askedFields", Json.createArrayBuilder(this.fields));
            return this;
        }
    }

    /** An action request（工作要求）: an activity of organizational life on a topic, by a day. */
    public final class ActionRequest extends TaskRequest<ActionRequest> {
        private boolean named;
        private final String topic;

        private ActionRequest(String issuedBy, String activityType, String topic, java.time.LocalDate dueDate) {
            super("ActionRequest", issuedBy, null, dueDate);
            this.topic = Objects.requireNonNull(topic, "topic");
            body.add("activityType", Objects.requireNonNull(activityType, "activityType")).add("topic", topic);
        }

        /** The task's title; the topic unless set. */
        public ActionRequest name(String name) {
            body.add("name", name);
            named = true;
            return this;
        }

        @Override
        public Task execute() {
            if (!named) {
                name(topic);
            }
            return super.execute();
        }
    }

    /** {@code GET {base}/tasks} with the filters of Table 13.9, following its pages. */
    public static final class TaskList extends RecordList<TaskList, Task> {
        private TaskList(LianxinClient client) {
            super(client, "Tasks", client.base() + "/tasks", Task::of);
        }

        /** Only tasks in this state: Open, Answered, Merged or Cancelled. */
        public TaskList state(String state) {
            return filter("state", state);
        }

        /** Only tasks issued by this organization (its IRI). */
        public TaskList issuedBy(String organization) {
            return filter("issuedBy", organization);
        }
    }

    /**
     * Feedback (spec chapter 14): a member sends a message to their branch (or an organization above
     * it on the node); the organization replies; the member follows up, rates the answer or closes it.
     * An unanswered message climbs to the superior organization by itself. Only the sender and the
     * organizations it is addressed to read it; for anyone else it does not exist (404).
     */
    public final class Feedback {
        private Feedback() {}

        /** As a member, sends a message of {@code kind} (Question, Suggestion, HelpRequest or Report) to their branch. */
        public FeedbackMessage send(String kind, String text) {
            return send(kind, text, null, null);
        }

        /**
         * As a member, sends a message with a subject {@code name} (or null) to {@code sentTo}, the
         * member's branch or an organization above it on this node (null: the branch).
         */
        public FeedbackMessage send(String kind, String text, String name, String sentTo) {
            requireClass("Feedback");
            var body = Json.createObjectBuilder().add("@context", CONTEXT).add("type", "Feedback")
                    .add("feedbackKind", Objects.requireNonNull(kind, "kind")).add("text", Objects.requireNonNull(text, "text"));
            if (name != null) {
                body.add("name", name);
            }
            if (sentTo != null) {
                body.add("sentTo", sentTo);
            }
            return FeedbackMessage.of(post(base + "/feedback", "application/ld+json", body.build().toString(), 201));
        }

        /** The message {@code message} (its IRI) with its replies; reading it for an organization is audited by the node. */
        public FeedbackMessage read(String message) {
            requireClass("Feedback");
            return FeedbackMessage.of(get(message));
        }

        /** The messages the caller may read, filtered, page after page, oldest first. */
        public FeedbackList list() {
            return new FeedbackList(LianxinClient.this);
        }

        /**
         * Replies for the organization the caller acts for (then the message is Answered), or, as its
         * sender, follows up (then it is Open again). A 409 {@link ProblemException} when it is Closed.
         */
        public FeedbackMessage reply(String message, String text) {
            requireClass("Feedback");
            return FeedbackMessage.of(threadReply(message, text));
        }

        /** As its sender, rates the answer of an Answered message from 1 to 5, with a comment (or null): it is Closed. */
        public FeedbackMessage rate(String message, int rating, String comment) {
            requireClass("Feedback");
            return FeedbackMessage.of(threadRating(message, rating, comment));
        }

        /** Closes the message, as its sender or for the organization it was sent to. */
        public FeedbackMessage close(String message) {
            requireClass("Feedback");
            return FeedbackMessage.of(threadClose(message));
        }
    }

    /** A reply or follow-up on a thread, a feedback message or a service request (spec 14.4, 18.4): the thread as stored. */
    JsonObject threadReply(String thread, String text) {
        String body = Json.createObjectBuilder().add("text", Objects.requireNonNull(text, "text")).build().toString();
        return post(thread + "/replies", "application/json", body, 200);
    }

    /** The sender's rating of a thread, 1 to 5, with a comment or null (spec 14.4, 18.4). */
    JsonObject threadRating(String thread, int rating, String comment) {
        var body = Json.createObjectBuilder().add("rating", rating);
        if (comment != null) {
            body.add("comment", comment);
        }
        return post(thread + "/rating", "application/json", body.build().toString(), 200);
    }

    /** Closes a thread (spec 14.4, 18.4). */
    JsonObject threadClose(String thread) {
        return post(thread + "/close", "application/json", "", 200);
    }

    /** {@code GET {base}/feedback} with the filters of Table 14.8, following its pages. */
    public static final class FeedbackList extends RecordList<FeedbackList, FeedbackMessage> {
        private FeedbackList(LianxinClient client) {
            super(client, "Feedback", client.base() + "/feedback", FeedbackMessage::of);
        }

        /** Only messages in this state: Open, Answered or Closed. */
        public FeedbackList state(String state) {
            return filter("state", state);
        }

        /** Only messages sent or escalated to this organization (its IRI). */
        public FeedbackList organization(String organization) {
            return filter("organization", organization);
        }
    }

    /**
     * The caller's server-sent events, {@code GET {base}/events} (spec 14.8): what the caller may
     * see of new messages, replies, states and tasks, within a second. The subscription reconnects
     * by itself, with a new token and {@code Last-Event-ID}, so that nothing is missed or repeated.
     *
     * <pre>{@code
     * try (Subscription s = client.events().subscribe(e -> System.out.println(e.type() + " " + e.get("message")))) {
     *     ...
     * }
     * }</pre>
     */
    public final class Events {
        private String after;
        private Duration retry = Duration.ofSeconds(3);
        private java.util.function.Consumer<? super LianxinException> failures =
                e -> System.getLogger(LianxinClient.class.getName()).log(System.Logger.Level.WARNING, e.getMessage(), e);

        private Events() {}

        /** Starts after the event {@code lastEventId}: the node first sends the retained events after it (LX-FEEDBACK-17). */
        public Events after(String lastEventId) {
            this.after = lastEventId;
            return this;
        }

        /** The wait before a reconnection until the node says another with {@code retry:}; 3 s unless set. */
        public Events retry(Duration wait) {
            this.retry = Objects.requireNonNull(wait, "wait");
            return this;
        }

        /**
         * Where failures the subscription lives through go: an event that is not JSON, a listener that
         * threw, a reconnection refused. Logged (System.Logger, WARNING) unless set.
         */
        public Events onFailure(java.util.function.Consumer<? super LianxinException> handler) {
            this.failures = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Subscribes: connects now (a refusal is thrown here, e.g. a {@link ProblemException} 401 or
         * 406) and hands every event to {@code listener}, in order, on the subscription's own daemon
         * thread, until the subscription is closed.
         */
        public Subscription subscribe(java.util.function.Consumer<LianxinEvent> listener) {
            requireClass("Feedback");
            String url = base + "/events";
            return Subscription.start(url, (lastEventId, renew) -> {
                if (renew) {
                    token = null; // a stream lives as long as its token: ask the supplier again (spec 14.8)
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET().timeout(timeout)
                        .version(HttpClient.Version.HTTP_1_1) // a long-lived stream on a connection of its own
                        .header("Accept", "text/event-stream").header("Cache-Control", "no-cache");
                String bearer = token();
                if (bearer != null) {
                    request.header("Authorization", "Bearer " + bearer);
                }
                if (lastEventId != null) {
                    request.header("Last-Event-ID", lastEventId);
                }
                return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            }, after, retry, Objects.requireNonNull(listener, "listener"), failures);
        }
    }

    /** The items of a list, page after page, read lazily as the stream is consumed (spec 3.10). */
    Stream<JsonObject> pages(String first) {
        Iterator<JsonObject> items = new Iterator<>() {
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
            public JsonObject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next().asJsonObject();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * GET of JSON (JSON-LD for records), retried on 429 and 503 after Retry-After, with one new token
     * after a 401; {@code headers} are extra name-value pairs.
     */
    JsonObject get(String url, String... headers) {
        return json(bodyText(fetch(url, "application/ld+json, application/json;q=0.9", headers)));
    }

    /**
     * GET of a file (a roster, a report spreadsheet) into {@code out}, with the retries and renewed
     * token of {@link #get}; the bytes written. Nothing is written unless the node answers 200.
     */
    long download(String url, String accept, OutputStream out, String... headers) {
        try (InputStream body = fetch(url, accept, headers).body()) {
            return body.transferTo(out);
        } catch (IOException e) {
            throw new LianxinException("The answer of " + url + " broke off: " + e.getMessage(), e);
        }
    }

    /**
     * The one way a GET is sent: answered 200, its body still to read; retried on 429 and 503 after
     * Retry-After, with one new token after a 401 (spec 8.4: expired or refused; the supplier is asked
     * again, once); any other answer thrown as its problem report.
     */
    private HttpResponse<InputStream> fetch(String url, String accept, String... headers) {
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", accept);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status == 200) {
                return response;
            }
            String text = bodyText(response);
            if (status == 401 && !renewed) {
                token = null;
                renewed = true;
                continue;
            }
            if ((status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
                sleep(retryAfter(response, attempt));
                continue;
            }
            throw problem(status, text);
        }
    }

    /** The whole body of {@code response} as UTF-8 text, the stream closed. */
    private static String bodyText(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LianxinException("The answer of " + response.uri() + " broke off: " + e.getMessage(), e);
        }
    }

    /**
     * POST of a body, expecting {@code status}: never retried, since the node cannot tell a repeated
     * request from a new one (a new transfer, a second step); a 401 is answered once with a new token,
     * as the node refused it before doing anything.
     */
    JsonObject post(String url, String contentType, String body, int... statuses) {
        return post(url, contentType, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), statuses);
    }

    /**
     * {@link #post(String, String, String, int...)} of any body; it is sent a second time after a 401,
     * so it must be one that can be read twice (a string, bytes, a file).
     */
    JsonObject post(String url, String contentType, HttpRequest.BodyPublisher body, int... statuses) {
        for (boolean renewed = false; ; renewed = true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", contentType).header("Accept", "application/ld+json").POST(body));
            if (response.statusCode() == 401 && !renewed) {
                token = null;
                continue;
            }
            if (java.util.Arrays.stream(statuses).noneMatch(expected -> expected == response.statusCode())) {
                throw problem(response);
            }
            return json(response.body());
        }
    }

    /**
     * GET of a federated answer (spec 7.6): a 424, the node's refusal of an incomplete answer the
     * caller did not allow, becomes a {@link PartialAnswerException} naming the missing nodes.
     */
    JsonObject getComplete(String url) {
        try {
            return get(url);
        } catch (ProblemException e) {
            if (e.status() == 424) {
                throw new PartialAnswerException(e, completenessOf(e));
            }
            throw e;
        }
    }

    /** {@code operation} on the client's executor: what every {@code executeAsync()} and {@code ...Async} does. */
    <T> CompletableFuture<T> async(Supplier<T> operation) {
        return CompletableFuture.supplyAsync(operation, executor);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        String bearer = token();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.timeout(timeout).build(), body);
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
    private static Duration retryAfter(HttpResponse<?> response, int attempt) {
        Optional<String> header = response == null ? Optional.empty() : response.headers().firstValue("Retry-After");
        if (header.isPresent() && header.get().trim().matches("\\d+")) {
            Duration asked = Duration.ofSeconds(Long.parseLong(header.get().trim()));
            return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        return Duration.ofSeconds(1L << (attempt - 1));
    }

    static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LianxinException("Interrupted", e);
        }
    }

    /** The problem report of a refused request (spec 3.6), as a typed exception. */
    private static ProblemException problem(HttpResponse<String> response) {
        return problem(response.statusCode(), response.body());
    }

    /** The problem report {@code text} of a request refused with {@code status}, as a typed exception. */
    static ProblemException problem(int status, String text) {
        JsonObject body;
        try {
            body = json(text);
        } catch (RuntimeException e) {
            return new ProblemException(status, "about:blank", "HTTP " + status, text, List.of());
        }
        List<ProblemException.FieldError> errors = body.getJsonArray("errors") == null ? List.of()
                : body.getJsonArray("errors").stream().map(JsonValue::asJsonObject).map(e -> new ProblemException.FieldError(
                        e.getString("field", ""), e.getString("rule", ""), e.getString("message", ""), e.getString("requirement", ""))).toList();
        return new ProblemException(status, body.getString("type", "about:blank"),
                body.getString("title", ""), body.getString("detail", ""), errors, text);
    }

    /** The completeness report a 424 problem carries (spec 7.6). */
    private static Completeness completenessOf(ProblemException problem) {
        JsonObject report = json(problem.report());
        return report.containsKey("completeness") ? Completeness.of(report.getJsonObject("completeness")) : new Completeness(null, false, List.of());
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
