package org.lianxin.node.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.records.Lifecycle;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The organizational life of demo branches and party groups over the months before the reference
 * date (spec chapter 12), drawn from each organization's own random stream: most hold what they owe
 * (Table 12.4), some miss a month or a quarter, so that the compliance statistic has something to
 * show. Activity ids are {organization slug}-{kind}-{yyyyMM}: loading again writes nothing twice.
 */
public final class DemoActivities {

    private static final List<String> TOPICS = List.of("学习贯彻党的二十届三中全会精神", "学习《中国共产党章程》", "开展“三会一课”专题学习",
            "学习《中国共产党支部工作条例（试行）》", "为群众办实事专题研讨", "党史学习教育");

    private final YearMonth last;
    private final int months;
    private final long seed;

    public DemoActivities(LocalDate reference, int months, long seed) {
        this.last = YearMonth.from(reference).minusMonths(1);
        this.months = months;
        this.seed = seed;
    }

    /** The activities of the organization {@code record} of the node at {@code nodeBase}. */
    public List<Record> of(String nodeBase, Record record) {
        List<Record> activities = new ArrayList<>();
        Node type = Lifecycle.value(record.graph(), record.iri(), LX.organizationType.asNode()).orElse(null);
        boolean branch = LX.Branch.asNode().equals(type) || LX.JointBranch.asNode().equals(type);
        boolean group = LX.PartyGroup.asNode().equals(type);
        if (months <= 0 || !branch && !group) {
            return activities;
        }
        String slug = record.iri().getURI().substring(record.iri().getURI().lastIndexOf('/') + 1);
        SplittableRandom random = new SplittableRandom(seed ^ (slug.hashCode() * 0x9E3779B97F4A7C15L));
        int diligence = 80 + random.nextInt(21); // how often this organization holds what it owes, in percent
        for (int back = months - 1; back >= 0; back--) {
            YearMonth month = last.minusMonths(back);
            boolean quarterEnd = month.getMonthValue() % 3 == 0;
            if (group) {
                add(activities, nodeBase, record.iri(), slug, "pgm", LX.PartyGroupMeeting, month, random, diligence);
                continue;
            }
            add(activities, nodeBase, record.iri(), slug, "tpd", LX.ThemedPartyDay, month, random, diligence);
            add(activities, nodeBase, record.iri(), slug, "bcm", LX.BranchCommitteeMeeting, month, random, diligence);
            if (quarterEnd) {
                add(activities, nodeBase, record.iri(), slug, "bgm", LX.BranchGeneralMeeting, month, random, diligence);
                add(activities, nodeBase, record.iri(), slug, "lec", LX.PartyLecture, month, random, diligence);
            }
            if (month.getMonthValue() == 12) {
                add(activities, nodeBase, record.iri(), slug, "olm", LX.OrganizationalLifeMeeting, month, random, diligence);
                add(activities, nodeBase, record.iri(), slug, "apr", LX.DemocraticAppraisal, month, random, diligence);
            }
        }
        return activities;
    }

    private static void add(List<Record> activities, String nodeBase, Node organization, String slug, String kind,
                            org.apache.jena.rdf.model.Resource type, YearMonth month, SplittableRandom random, int diligence) {
        if (random.nextInt(100) >= diligence) {
            return;
        }
        String id = slug + "-" + kind + "-" + month.toString().replace("-", "");
        Node iri = NodeFactory.createURI(nodeBase + "/activities/" + (id.length() <= 64 ? id : id.substring(id.length() - 64)));
        Graph g = GraphFactory.createDefaultGraph();
        g.add(iri, RDF.type.asNode(), LX.Activity.asNode());
        g.add(iri, LX.activityType.asNode(), type.asNode());
        g.add(iri, LX.heldBy.asNode(), organization);
        LocalDate day = month.atDay(1 + random.nextInt(Math.min(28, month.lengthOfMonth())));
        g.add(iri, SchemaOrg.startDate.asNode(), NodeFactory.createLiteralDT(day.toString(), XSDDatatype.XSDdate));
        g.add(iri, LX.topic.asNode(), NodeFactory.createLiteralString(TOPICS.get(random.nextInt(TOPICS.size()))));
        activities.add(new Record(iri, g));
    }
}
