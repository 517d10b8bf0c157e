package org.lianxin.client.examples;

import java.io.PrintStream;

import org.lianxin.client.LianxinClient;
import org.lianxin.client.MemberStatistics;

/**
 * Prints the members of an organization's whole subtree by stage, and which nodes answered.
 *
 * <pre>{@code
 * java -cp lianxin-client.jar:parsson.jar:jakarta.json-api.jar org.lianxin.client.examples.ProvinceStatistics \
 *     http://localhost:9080/nodes/province province "$LIANXIN_TOKEN"
 * }</pre>
 */
public final class ProvinceStatistics {

    private ProvinceStatistics() {}

    /**
     * Runs the example.
     *
     * @param args the node's base URL, the organization, and the token (else $LIANXIN_TOKEN)
     */
    public static void main(String[] args) {
        run(args[0], args[1], args.length > 2 ? args[2] : System.getenv("LIANXIN_TOKEN"), System.out);
    }

    /** The example's ten lines: node, organization, token in; the statistic and its completeness report out. */
    public static MemberStatistics run(String node, String organization, String token, PrintStream out) {
        LianxinClient client = LianxinClient.builder(node).tokens(() -> token).build();
        MemberStatistics statistics = client.statistics().members()
                .organization(organization).groupBy("stage").subtree()
                .execute();
        statistics.groups().forEach(g -> out.println(g.key() + "\t" + g.count()));
        out.println("total\t" + statistics.total());
        out.println(statistics.completeness());
        return statistics;
    }
}
