package org.lianxin.node.demo;

import java.time.LocalDate;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * One organization of the demo tree before it becomes RDF.
 *
 * @param slug       the id in {base}/organizations/{slug}
 * @param type       the lx: organization type concept
 * @param parentSlug null for the root
 * @param address    null when the demo leaves this optional field out
 * @param workplace  for branch-type organizations, where their members work; null otherwise
 */
record PlannedOrganization(String slug, String name, Node type, String parentSlug, LocalDate founded,
        String address, String unitCode, County county, Workplace workplace) {

    /** The organization record: its one named graph, without the server-managed created/modified. */
    Graph record(String base) {
        Node iri = Terms.iri(DemoTree.organizationIri(base, slug));
        Graph g = GraphFactory.createDefaultGraph();
        g.add(iri, Terms.TYPE, Terms.ORGANIZATION);
        g.add(iri, Terms.TYPE, Terms.PARTY_ORGANIZATION);
        g.add(iri, Terms.NAME, Terms.string(name));
        g.add(iri, Terms.ORGANIZATION_TYPE, type);
        if (parentSlug != null) {
            g.add(iri, Terms.SUB_ORGANIZATION_OF, Terms.iri(DemoTree.organizationIri(base, parentSlug)));
        }
        g.add(iri, Terms.FOUNDING_DATE, Terms.date(founded));
        if (address != null) {
            g.add(iri, Terms.ADDRESS, Terms.string(address));
        }
        g.add(iri, Terms.UNIT_CODE, Terms.string(unitCode));
        serviceArea().ifPresent(area -> g.add(iri, Terms.SERVICE_AREA, Terms.string(area)));
        return g;
    }

    /**
     * The village or community a branch of one serves: its residents send it their requests (spec
     * chapter 18). Branches elsewhere — offices, schools, hospitals — serve no area of their own.
     */
    java.util.Optional<String> serviceArea() {
        boolean residents = workplace != null && (workplace.kind() == WorkplaceKind.VILLAGE || workplace.kind() == WorkplaceKind.COMMUNITY);
        return residents && holdsMembers() ? java.util.Optional.of(name.replaceFirst("(第[一二三四五六七八九十]+)?党支部$", "")) : java.util.Optional.empty();
    }

    /** True for the organizations that hold members' organizational relationships in the demo. */
    boolean holdsMembers() {
        return type.equals(Terms.BRANCH) || type.equals(Terms.JOINT_BRANCH);
    }

    /**
     * A county-level unit (县 or 区).
     *
     * @param locality   province + city + county, e.g. 江南省临川市青山县
     * @param regionCode the GB/T 2260-style code used in members' ID numbers
     */
    record County(String province, String city, String name, String locality, String regionCode) {}

    /** What kind of place a branch's members work in; it decides occupations and posts. */
    enum WorkplaceKind { VILLAGE, COMMUNITY, TOWN_OFFICE, GOVERNMENT_OFFICE, SCHOOL, HOSPITAL, ENTERPRISE, NON_PUBLIC }

    /**
     * @param employer the work unit (工作单位) of the members, or null when it varies per member
     * @param town     the township the branch is in, or null
     */
    record Workplace(WorkplaceKind kind, String employer, String town) {}
}
