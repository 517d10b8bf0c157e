package org.lianxin.node.demo;

import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.node.nodes.LogicalNode;
import org.lianxin.node.notices.Notices;
import org.lianxin.node.records.RecordCollection;
import org.lianxin.node.records.RecordGuard;
import org.lianxin.node.store.Record;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The demo's notices (spec chapter 17): the province publishes to the whole province, the first
 * county to its own subtree, so that a member two nodes below the province sees both in one feed.
 */
final class DemoNotices {

    private DemoNotices() {}

    /** Publishes the two notices on the province node and the first county node of {@code nodes}, as the nodes themselves. */
    static void publish(Notices notices, Map<String, LogicalNode> nodes) {
        publish(notices, nodes.get("province"), "province", "关于认真学习贯彻党的二十届四中全会精神的通知",
                "各级党组织：要把学习贯彻全会精神作为当前和今后一个时期的重要政治任务，组织党员原原本本学习全会公报，"
                        + "并结合主题党日开展专题学习。");
        LogicalNode county = nodes.get("city-01-county-01");
        if (county != null) {
            publish(notices, county, "city-01-county-01", "关于开展十月主题党日活动的通知",
                    "各党支部：请于本月底前以“学习贯彻全会精神”为主题开展主题党日活动，并在平台记录活动情况。");
        }
    }

    private static void publish(Notices notices, LogicalNode node, String organization, String name, String text) {
        Node iri = NodeFactory.createURI(node.base() + "/notices/" + RecordCollection.newId());
        Graph notice = GraphFactory.createDefaultGraph();
        notice.add(iri, RDF.type.asNode(), LX.Notice.asNode());
        notice.add(iri, LX.publishedBy.asNode(), NodeFactory.createURI(node.organizationsUrl() + "/" + organization));
        notice.add(iri, SchemaOrg.name.asNode(), NodeFactory.createLiteralString(name));
        notice.add(iri, SchemaOrg.text.asNode(), NodeFactory.createLiteralString(text));
        notices.publish(node, new Record(iri, notice), RecordGuard.TRUSTED); // the node seeding its own demo data
    }
}
