package org.lianxin.node.tasks;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.jena.graph.Node;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.organizations.OrganizationKind;
import org.lianxin.node.organizations.OrganizationLine;
import org.lianxin.node.publications.FromAbove;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.store.RecordTransaction;
import org.lianxin.spec.LX;

/**
 * One list of what concerns an organization (spec 13.7, LX-TASK-13): the tasks of every level that
 * reach it, one item per task key however many organizations asked, with what it has to do.
 */
@ApplicationScoped
public class Inbox {

    /** Table 13.8: what an inbox item means for the organization. */
    public enum Status {
        /** A data request the nodes' data answers: nothing to do. */
        AnsweredByData,
        /** The organization completed it (once, for every request of the key). */
        Done,
        /** A branch that has it to do. */
        ToDo,
        /** Not a branch: its branches act. */
        ForBranches
    }

    /** One item: the requests with one key, as the organization sees them. */
    public record Item(String taskKey, List<TaskSummary> requests, Status status, Optional<Node> completion) {

        LocalDate dueDate() {
            return requests.stream().map(TaskSummary::dueDate).min(Comparator.naturalOrder()).orElseThrow();
        }
    }

    /** The inbox and the completeness of the view it comes from. */
    public record Listing(List<Item> items, FromAbove.Seen<TaskSummary> seen) {}

    @Inject
    ReachingTasks reaching;

    /** The tasks reaching {@code organization} not Cancelled and due in the last 366 days or later, by key. */
    public Listing of(LogicalNode node, Node organization) {
        LocalDate today = LocalDate.now(Lifecycle.CHINA);
        FromAbove.Seen<TaskSummary> seen = reaching.of(node, today.minusDays(366), LocalDate.of(9999, 12, 31));
        return new Listing(items(node, organization, seen.items()), seen);
    }

    /** The items of {@code organization} among {@code tasks}, sorted by due date, then key. */
    static List<Item> items(LogicalNode node, Node organization, List<TaskSummary> tasks) {
        return node.store().read(tx -> {
            List<Node> line = OrganizationLine.of(node, tx, organization);
            boolean branch = isBranch(tx, organization);
            Map<String, List<TaskSummary>> groups = new LinkedHashMap<>();
            tasks.stream().filter(t -> t.reaches(line)).sorted(Comparator.comparing(TaskSummary::issuedAt))
                    .forEach(t -> groups.computeIfAbsent(t.taskKey(), k -> new ArrayList<>()).add(t));
            Map<String, Node> completed = Completions.ofOrganization(tx, organization);
            List<Item> items = new ArrayList<>();
            groups.forEach((key, requests) -> {
                Optional<Node> completion = Optional.ofNullable(completed.get(key));
                Status status = requests.get(0).answeredByData() ? Status.AnsweredByData
                        : completion.isPresent() ? Status.Done : branch ? Status.ToDo : Status.ForBranches;
                items.add(new Item(key, List.copyOf(requests), status, completion));
            });
            items.sort(Comparator.comparing(Item::dueDate).thenComparing(Item::taskKey));
            return items;
        });
    }

    static boolean isBranch(RecordTransaction tx, Node organization) {
        return tx.find(organization, organization, LX.organizationType.asNode(), Node.ANY).stream()
                .anyMatch(q -> OrganizationKind.BRANCH_TYPES.contains(q.getObject()));
    }

    /** The answer of Table 13.8. */
    public static JsonObject toJson(Node organization, Listing listing, String queryId) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        long toDo = 0;
        for (Item item : listing.items()) {
            TaskSummary first = item.requests().get(0);
            JsonObjectBuilder json = JSON.createObjectBuilder().add("taskKey", item.taskKey()).add("taskKind", first.taskKind())
                    .add("name", first.name());
            first.statistic().ifPresent(s -> json.add("statistic", s));
            first.period().ifPresent(p -> json.add("period", p));
            json.add("askedFields", JSON.createArrayBuilder(first.askedFields()));
            first.activityType().ifPresent(a -> json.add("activityType", a));
            first.topic().ifPresent(t -> json.add("topic", t));
            json.add("dueDate", item.dueDate().toString());
            JsonArrayBuilder requests = JSON.createArrayBuilder();
            for (TaskSummary r : item.requests()) {
                JsonObjectBuilder request = JSON.createObjectBuilder().add("id", r.id().getURI()).add("issuedBy", r.issuedBy().getURI())
                        .add("issuerName", r.issuerName()).add("node", r.node()).add("dueDate", r.dueDate().toString())
                        .add("taskState", r.taskState());
                r.mergedInto().ifPresent(m -> request.add("mergedInto", m.getURI()));
                requests.add(request);
            }
            json.add("requests", requests).add("status", item.status().name());
            item.completion().ifPresent(c -> json.add("completion", c.getURI()));
            items.add(json);
            if (item.status() == Status.ToDo) {
                toDo++;
            }
        }
        return JSON.createObjectBuilder().add("organization", organization.getURI()).add("items", items).add("toDo", toDo)
                .add("completeness", listing.seen().completeness(queryId).toJson()).build();
    }
}
