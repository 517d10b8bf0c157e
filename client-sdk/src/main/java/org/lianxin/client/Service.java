package org.lianxin.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Service to the people（便民服务, spec chapter 18, class Service). A resident, with a token of the
 * role {@code resident}, sends a request to a {@link #points() service point}; the point answers or
 * assigns it to a member or an organization of its subtree; the resident rates or closes it, as a
 * member does a feedback message. An unanswered request climbs to the organizations above, without
 * the resident's name or contact. The {@link #statistic(String) service statistic} counts, never names.
 *
 * <pre>{@code
 * ServiceRequest sent = resident.service().request("ElderlyCare", "想申请社区助餐服务", community,
 *         ServiceRequest.Contact.of("刘桂兰", "13912345678", "幸福路12号")).name("助餐").execute();
 * committee.service().assign(sent.id(), gridMember);
 * committee.service().reply(sent.id(), "网格员明天上门登记。");
 * resident.service().rate(sent.id(), 5, "很及时");
 * }</pre>
 */
public final class Service {
    private static final String CLASS = "Service";
    private final LianxinClient client;

    Service(LianxinClient client) {
        this.client = client;
    }

    /**
     * The organizations of this node that serve residents, in the order of their IRIs.
     *
     * @return the service points
     */
    public List<ServicePoint> points() {
        client.requireClass(CLASS);
        return client.get(client.base() + "/service-points").getJsonArray("items").stream().map(JsonValue::asJsonObject).map(ServicePoint::of)
                .toList();
    }

    /**
     * As a resident, a request of {@code category} to the service point {@code sentTo}, sent with {@code execute()}.
     *
     * @param category ElderlyCare, Employment, MedicalCare, Assistance, Environment, Dispute or OtherService
     * @param text     the request
     * @param sentTo   the service point's IRI
     * @param contact  how to reach the resident
     * @return the draft, to which a subject can be added
     */
    public RequestDraft request(String category, String text, String sentTo, ServiceRequest.Contact contact) {
        return new RequestDraft(category, text, sentTo, contact);
    }

    /**
     * The request {@code request} with its replies, its contact masked (spec 8.8); read by an
     * organization, audited by the node. A 404 {@link ProblemException} for whoever may not read it.
     *
     * @param request its IRI
     * @return the request as stored
     */
    public ServiceRequest read(String request) {
        client.requireClass(CLASS);
        return ServiceRequest.of(client.get(request));
    }

    /**
     * The request with its contact in full, for a stated purpose (LX-SERVICE-4); audited by the node.
     *
     * @param request its IRI
     * @param purpose why the contact is read, e.g. 上门登记
     * @return the request as stored
     */
    public ServiceRequest readFull(String request, String purpose) {
        client.requireClass(CLASS);
        return ServiceRequest.of(client.get(request, "Lianxin-Purpose", LianxinClient.enc(Objects.requireNonNull(purpose, "purpose"))));
    }

    /**
     * The requests the caller may read, filtered, page after page, oldest first.
     *
     * @return the list, to filter and stream
     */
    public ServiceRequestList list() {
        return new ServiceRequestList(client);
    }

    /**
     * Replies for the organization the caller acts for, or as the member it is assigned to (then it is
     * Answered), or, as its resident, follows up (then it is Open again). A 409 {@link ProblemException}
     * when it is Closed.
     *
     * @param request its IRI
     * @param text    the reply
     * @return the request as stored
     */
    public ServiceRequest reply(String request, String text) {
        client.requireClass(CLASS);
        return ServiceRequest.of(client.threadReply(request, text));
    }

    /**
     * For the service point it was sent to, charges a member or an organization of its subtree with the
     * request, replacing an earlier assignment. A 422 {@link ProblemException} (LX-SERVICE-7) for anyone
     * else, 409 when it is Closed.
     *
     * @param request    its IRI
     * @param assignedTo a member's or an organization's IRI
     * @return the request as stored, with its {@code assignedTo}
     */
    public ServiceRequest assign(String request, String assignedTo) {
        client.requireClass(CLASS);
        String body = Json.createObjectBuilder().add("assignedTo", Objects.requireNonNull(assignedTo, "assignedTo")).build().toString();
        return ServiceRequest.of(client.post(request + "/assignment", "application/json", body, 200));
    }

    /**
     * As its resident, rates the answer of an Answered request from 1 to 5: it is Closed.
     *
     * @param request its IRI
     * @param rating  1 to 5
     * @param comment a comment, or null
     * @return the request as stored
     */
    public ServiceRequest rate(String request, int rating, String comment) {
        client.requireClass(CLASS);
        return ServiceRequest.of(client.threadRating(request, rating, comment));
    }

    /**
     * Closes the request, as its resident or for the organization it was sent to.
     *
     * @param request its IRI
     * @return the request as stored, Closed
     */
    public ServiceRequest close(String request) {
        client.requireClass(CLASS);
        return ServiceRequest.of(client.threadClose(request));
    }

    /**
     * The service statistic of {@code organization}'s whole subtree; a {@link PartialAnswerException}
     * when a node below did not answer. {@code client.statistics().service()} takes several
     * organizations, the local scope and partial answers.
     *
     * @param organization the organization, an IRI or its id on this node
     * @return the statistic
     */
    public ServiceStatistic statistic(String organization) {
        return client.statistics().service().organization(organization).subtree().execute();
    }

    /** A request to send: the required keys, and a subject as set. */
    public final class RequestDraft {
        private final String category;
        private final String text;
        private final String sentTo;
        private final ServiceRequest.Contact contact;
        private String name;

        private RequestDraft(String category, String text, String sentTo, ServiceRequest.Contact contact) {
            this.category = Objects.requireNonNull(category, "category");
            this.text = Objects.requireNonNull(text, "text");
            this.sentTo = Objects.requireNonNull(sentTo, "sentTo");
            this.contact = Objects.requireNonNull(contact, "contact");
        }

        /**
         * Its subject.
         *
         * @param name the subject
         * @return this draft
         */
        public RequestDraft name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sends the request; never retried.
         *
         * @return the request as stored, Open, with the resident's IRI as {@code sender}; a {@link ProblemException} naming each rule it breaks
         */
        public ServiceRequest execute() {
            client.requireClass(CLASS);
            JsonObjectBuilder body = Json.createObjectBuilder().add("@context", LianxinClient.CONTEXT).add("type", "ServiceRequest")
                    .add("serviceCategory", category).add("text", text).add("sentTo", sentTo).add("contact", contact.json());
            if (name != null) {
                body.add("name", name);
            }
            return ServiceRequest.of(client.post(client.base() + "/service-requests", "application/ld+json", body.build().toString(), 201));
        }

        /**
         * {@link #execute()} on the client's executor.
         *
         * @return the request, when sent
         */
        public CompletableFuture<ServiceRequest> executeAsync() {
            return client.async(this::execute);
        }
    }

    /** {@code GET {base}/service-requests} with the filters of Table 14.8. */
    public static final class ServiceRequestList extends RecordList<ServiceRequestList, ServiceRequest> {
        private ServiceRequestList(LianxinClient client) {
            super(client, CLASS, client.base() + "/service-requests", ServiceRequest::of);
        }

        /**
         * Only requests in this state.
         *
         * @param state Open, Answered or Closed
         * @return this list
         */
        public ServiceRequestList state(String state) {
            return filter("state", state);
        }

        /**
         * Only requests sent or escalated to this organization.
         *
         * @param organization its IRI
         * @return this list
         */
        public ServiceRequestList organization(String organization) {
            return filter("organization", organization);
        }
    }
}
