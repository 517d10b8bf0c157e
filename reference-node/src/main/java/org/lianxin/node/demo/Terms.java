package org.lianxin.node.demo;

import java.time.LocalDate;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The terms the demo records use, as graph nodes, taken from the vocabulary classes (LX, SchemaOrg,
 * Jena's ORG) so there is one source for each IRI; plus literal helpers.
 */
final class Terms {

    static {
        JenaSystem.init(); // before the first vocabulary class: Jena's initialization is order-sensitive
    }

    static final Node TYPE = RDF.type.asNode();
    static final Node NAME = SchemaOrg.name.asNode();
    static final Node ADDRESS = SchemaOrg.address.asNode();

    // Organizations
    static final Node ORGANIZATION = ORG.Organization.asNode();
    static final Node PARTY_ORGANIZATION = LX.PartyOrganization.asNode();
    static final Node SUB_ORGANIZATION_OF = ORG.subOrganizationOf.asNode();
    static final Node ORGANIZATION_TYPE = LX.organizationType.asNode();
    static final Node SERVICE_AREA = LX.serviceArea.asNode();
    static final Node FOUNDING_DATE = SchemaOrg.foundingDate.asNode();
    static final Node UNIT_CODE = LX.unitCode.asNode();
    static final Node PROVINCIAL_COMMITTEE = LX.ProvincialCommittee.asNode();
    static final Node MUNICIPAL_COMMITTEE = LX.MunicipalCommittee.asNode();
    static final Node COUNTY_COMMITTEE = LX.CountyCommittee.asNode();
    static final Node PRIMARY_COMMITTEE = LX.PrimaryCommittee.asNode();
    static final Node GENERAL_BRANCH = LX.GeneralBranch.asNode();
    static final Node BRANCH = LX.Branch.asNode();
    static final Node JOINT_BRANCH = LX.JointBranch.asNode();

    // Members
    static final Node MEMBER = LX.Member.asNode();
    static final Node GENDER = SchemaOrg.gender.asNode();
    static final Node MALE = SchemaOrg.Male.asNode();
    static final Node FEMALE = SchemaOrg.Female.asNode();
    static final Node ETHNICITY = LX.ethnicity.asNode();
    static final Node BIRTH_DATE = SchemaOrg.birthDate.asNode();
    static final Node NATIONAL_ID = LX.nationalIdNumber.asNode();
    static final Node NATIVE_PLACE = LX.nativePlace.asNode();
    static final Node EDUCATION = LX.education.asNode();
    static final Node DEGREE = LX.degree.asNode();
    static final Node OCCUPATION = LX.occupation.asNode();
    static final Node WORK_UNIT = LX.workUnit.asNode();
    static final Node JOB_TITLE = SchemaOrg.jobTitle.asNode();
    static final Node TELEPHONE = SchemaOrg.telephone.asNode();
    static final Node STAGE = LX.stage.asNode();
    static final Node MEMBER_STATUS = LX.memberStatus.asNode();
    static final Node BRANCH_OF_MEMBER = LX.branch.asNode();
    static final Node APPLICATION_DATE = LX.applicationDate.asNode();
    static final Node ACTIVIST_DATE = LX.activistDate.asNode();
    static final Node CANDIDATE_DATE = LX.candidateDate.asNode();
    static final Node ADMISSION_DATE = LX.admissionDate.asNode();
    static final Node FULL_MEMBERSHIP_DATE = LX.fullMembershipDate.asNode();
    static final Node NORMAL = LX.Normal.asNode();
    static final Node MOBILE_MEMBER = LX.MobileMember.asNode();
    static final Node OUT_OF_CONTACT = LX.OutOfContact.asNode();

    // Memberships (posts)
    static final Node MEMBERSHIP = ORG.Membership.asNode();
    static final Node ORG_MEMBER = ORG.member.asNode();
    static final Node ORG_ORGANIZATION = ORG.organization.asNode();
    static final Node ROLE = ORG.role.asNode();
    static final Node MEMBER_DURING = ORG.memberDuring.asNode();
    /** OWL-Time has no vocabulary class in Jena. */
    static final Node INTERVAL = NodeFactory.createURI("http://www.w3.org/2006/time#Interval");
    static final Node START_DATE = SchemaOrg.startDate.asNode();
    static final Node END_DATE = SchemaOrg.endDate.asNode();
    static final Node SECRETARY = LX.Secretary.asNode();
    static final Node DEPUTY_SECRETARY = LX.DeputySecretary.asNode();
    static final Node COMMITTEE_MEMBER = LX.CommitteeMember.asNode();

    private Terms() {}

    static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** An lx: concept by local name, e.g. {@code lx("FullMember")}. */
    static Node lx(String localName) {
        return NodeFactory.createURI(LX.NS + localName);
    }

    /** An xsd:string literal. */
    static Node string(String value) {
        return NodeFactory.createLiteralString(value);
    }

    /** An xsd:date literal. */
    static Node date(LocalDate value) {
        return NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDdate);
    }
}
