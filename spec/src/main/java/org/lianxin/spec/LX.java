package org.lianxin.spec;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The Lianxin vocabulary ({@code vocabulary/lianxin.ttl}) as Jena constants. Each constant's Javadoc
 * is the term's English rdfs:comment; VocabularyTest keeps this class and the vocabulary in step.
 */
public final class LX {

    /** The vocabulary namespace, prefix {@code lx:}. */
    public static final String NS = "https://w3id.org/lianxin/ns#";

    /** The namespace of requirement IRIs such as {@code lxr:LX-CORE-1}, prefix {@code lxr:}. */
    public static final String REQ_NS = "https://w3id.org/lianxin/req#";

    /** The namespace of the SHACL shapes, prefix {@code lxsh:}; validation results name these shapes. */
    public static final String SHAPES_NS = "https://w3id.org/lianxin/shapes#";

    private LX() {}

    /** The namespace of the vocabulary. */
    public static String getURI() {
        return NS;
    }

    /** The IRI of a numbered requirement, for example {@code requirement("LX-CORE-1")}. */
    public static Resource requirement(String id) {
        return ResourceFactory.createResource(REQ_NS + id);
    }

    // Classes

    /**
     * An organization of the Communist Party of China at any level, from the Central Committee
     * down to a party group. Its level and form are given by lx:organizationType. A record is
     * typed both org:Organization and lx:PartyOrganization.
     */
    public static final Resource PartyOrganization = resource("PartyOrganization");

    /**
     * A person on the register of a party organization in one of the five stages from applicant to
     * full member (lx:stage). Before admission the person is not yet a party member; the record is
     * the same so that nothing is entered twice.
     */
    public static final Resource Member = resource("Member");

    /**
     * What remains of a deleted record: its IRI, its original types, the time of deletion
     * (lx:deleted) and, where known, the record that replaces it (dcterms:isReplacedBy). Lets
     * other nodes learn about deletions.
     */
    public static final Resource Tombstone = resource("Tombstone");

    /**
     * The self-description of a Lianxin node, served at {base}/.well-known/lianxin: supported
     * specification version, conformance classes, the organizations it is authoritative for, its
     * parent and child nodes, and endpoints.
     */
    public static final Resource NodeDescription = resource("NodeDescription");

    /**
     * A meeting or activity of organizational life held by a party organization: branch general
     * meeting, branch committee meeting, party-group meeting and party lecture (三会一课), themed party
     * day, organizational-life meeting, democratic appraisal, study session.
     */
    public static final Resource Activity = resource("Activity");

    /**
     * A member's payment of party dues for one month (中组发〔2008〕3号), recorded once under the
     * payment ID the client gives it (chapter 9).
     */
    public static final Resource DuesPayment = resource("DuesPayment");

    /**
     * The transfer of a member's organizational relationship (组织关系转接) from one party
     * organization to another, possibly on another node: request, introduction letter, acceptance
     * and receipt. The sending and the receiving node each keep a record of it.
     */
    public static final Resource Transfer = resource("Transfer");

    /**
     * A task an organization issues to its subtree: a data request or an action request, with a
     * due date (chapter 13).
     */
    public static final Resource Task = resource("Task");

    /**
     * A message a member sends to their organization — a question, suggestion, request for help or
     * report — with its replies (chapter 14).
     */
    public static final Resource Feedback = resource("Feedback");

    /** One page of a list of records returned by a node, with a link to the next page. */
    public static final Resource Page = resource("Page");

    // Pages

    /** A record listed on a page. */
    public static final Property item = property("item");

    /** The next page of the list; the last page has none. */
    public static final Property next = property("next");

    // Party organizations

    /** The level and form of a party organization, a concept of lx:OrganizationTypeScheme. */
    public static final Property organizationType = property("organizationType");

    /**
     * The code by which party-affairs offices identify the organization: 1 to 32 digits or capital
     * letters.
     */
    public static final Property unitCode = property("unitCode");

    // Members

    /** The person's ethnic group, written as its Chinese name in GB/T 3304 (for example 汉族). */
    public static final Property ethnicity = property("ethnicity");

    /**
     * The 18-character citizen identification number of GB 11643-1999: 6-digit address code,
     * 8-digit birth date, 3-digit sequence code and an ISO 7064 MOD 11-2 check character (0-9 or
     * X). Sensitive personal data.
     */
    public static final Property nationalIdNumber = property("nationalIdNumber");

    /** The place of the person's family origin (籍贯), usually a province and county. */
    public static final Property nativePlace = property("nativePlace");

    /**
     * The person's highest level of formal schooling, a concept of lx:EducationScheme (GB/T 4658).
     */
    public static final Property education = property("education");

    /** The person's highest academic degree, such as 学士, 硕士 or 博士. */
    public static final Property degree = property("degree");

    /** The person's occupation, in words. */
    public static final Property occupation = property("occupation");

    /** The name of the employer or institution where the person works or studies. */
    public static final Property workUnit = property("workUnit");

    /**
     * The person's current stage in the member development pipeline, a concept of
     * lx:MemberStageScheme.
     */
    public static final Property stage = property("stage");

    /**
     * Whether the member is in normal contact with the organization, out of contact, or a mobile
     * member; a concept of lx:MemberStatusScheme.
     */
    public static final Property memberStatus = property("memberStatus");

    /**
     * The party organization that holds the person's organizational relationship. A person belongs
     * to exactly one such organization at every moment.
     */
    public static final Property branch = property("branch");

    /**
     * The date the person submitted a written application to join the party. The applicant must be
     * 18 or older on this date (《中国共产党发展党员工作细则》(2014) 第五条).
     */
    public static final Property applicationDate = property("applicationDate");

    /** The date the branch committee determined the applicant as an activist (入党积极分子). */
    public static final Property activistDate = property("activistDate");

    /**
     * The date the activist was listed as a development candidate (发展对象), after at least one year
     * of cultivation.
     */
    public static final Property candidateDate = property("candidateDate");

    /**
     * The date the branch general meeting admitted the person as a probationary member (入党日期).
     */
    public static final Property admissionDate = property("admissionDate");

    /**
     * The date the probationary member became a full member; party standing (党龄) counts from this
     * date (《中国共产党章程》第七条).
     */
    public static final Property fullMembershipDate = property("fullMembershipDate");

    // Records

    /** When the record was deleted. */
    public static final Property deleted = property("deleted");

    // Nodes

    /** The version of the Lianxin specification the node implements, such as "0.1.0". */
    public static final Property specVersion = property("specVersion");

    /**
     * The name of a conformance class, such as "Core": one a node claims, or the one a
     * requirement belongs to.
     */
    public static final Property conformanceClass = property("conformanceClass");

    /**
     * A party organization whose records (and whose members' records) this node is the source of.
     */
    public static final Property authoritativeFor = property("authoritativeFor");

    /** The node of the superior party organization. */
    public static final Property parentNode = property("parentNode");

    /** A node of a subordinate party organization, queried live for federated answers. */
    public static final Property childNode = property("childNode");

    /** A service endpoint of the node, described by lx:relation and lx:href. */
    public static final Property endpoint = property("endpoint");

    /** The link relation type of an endpoint, such as "organizations" or "members". */
    public static final Property relation = property("relation");

    /** The URL of an endpoint. */
    public static final Property href = property("href");

    /** The name of the organization that makes the node software. */
    public static final Property vendor = property("vendor");

    /** The name of the node software. */
    public static final Property product = property("product");

    /** The version of the node software. */
    public static final Property productVersion = property("productVersion");

    // Requirements

    /**
     * A numbered normative sentence of the specification, such as lxr:LX-CORE-1, listed in
     * requirements.ttl with its conformance class, level and chapter.
     */
    public static final Resource Requirement = resource("Requirement");

    /** The RFC 2119 keyword of a requirement: "MUST", "SHOULD" or "MAY". */
    public static final Property level = property("level");

    /**
     * The chapter of the normative text a requirement is in, by its file name without extension,
     * such as "02-nodes".
     */
    public static final Property chapter = property("chapter");

    // Code lists

    /**
     * The position of a stage in the member development pipeline, from 1 (applicant) to 5 (full
     * member). Every later stage requires the dates of the earlier ones.
     */
    public static final Property stageOrder = property("stageOrder");

    // Organization types

    /**
     * The levels and forms of party organizations, from the Central Committee to the party group.
     */
    public static final Resource OrganizationTypeScheme = resource("OrganizationTypeScheme");

    /** The Central Committee of the Communist Party of China. */
    public static final Resource CentralCommittee = resource("CentralCommittee");

    /**
     * The party committee of a province, autonomous region or municipality directly under the
     * central government.
     */
    public static final Resource ProvincialCommittee = resource("ProvincialCommittee");

    /**
     * The party committee of a city divided into districts or an autonomous prefecture, or a
     * prefecture or league committee.
     */
    public static final Resource MunicipalCommittee = resource("MunicipalCommittee");

    /**
     * The party committee of a county, autonomous county, city not divided into districts, or city
     * district (county, district and banner committees).
     */
    public static final Resource CountyCommittee = resource("CountyCommittee");

    /**
     * A working committee sent out by a party committee to lead party work in a system or area,
     * such as a committee for government organs, enterprises or a development zone.
     */
    public static final Resource WorkingCommittee = resource("WorkingCommittee");

    /**
     * The party committee of a primary-level unit such as an enterprise, village, government
     * organ, school or hospital; generally set up, with approval of the higher organization, where
     * there are more than 100 members.
     */
    public static final Resource PrimaryCommittee = resource("PrimaryCommittee");

    /**
     * A general branch committee, which may be set up with approval of the higher organization
     * where there are more than 50 members; it leads several branches.
     */
    public static final Resource GeneralBranch = resource("GeneralBranch");

    /**
     * The basic organization of the party, set up where there are 3 or more full members; it
     * generally has at most 50 members.
     */
    public static final Resource Branch = resource("Branch");

    /** A branch formed jointly by neighbouring units each with fewer than 3 full members. */
    public static final Resource JointBranch = resource("JointBranch");

    /**
     * A branch set up for a limited time, for example for a construction project, a training
     * course or a mission. Its members keep their organizational relationship where it is.
     */
    public static final Resource TemporaryBranch = resource("TemporaryBranch");

    /**
     * A group within a branch, formed by workplace or residence, that holds monthly party-group
     * meetings.
     */
    public static final Resource PartyGroup = resource("PartyGroup");

    // Member development stages

    /** The five stages of the member development pipeline, ordered by lx:stageOrder. */
    public static final Resource MemberStageScheme = resource("MemberStageScheme");

    /**
     * A person of 18 or older who has applied in writing to join the party; the organization talks
     * with them within one month.
     */
    public static final Resource Applicant = resource("Applicant");

    /**
     * An applicant determined by the branch as an activist and cultivated for at least one year.
     */
    public static final Resource Activist = resource("Activist");

    /**
     * An activist listed for admission: vetted, trained, with two sponsors, awaiting the branch
     * vote and higher approval.
     */
    public static final Resource DevelopmentCandidate = resource("DevelopmentCandidate");

    /**
     * A person admitted to the party and in the one-year probation period, which may be extended
     * by six months to one year (《中国共产党章程》第七条).
     */
    public static final Resource ProbationaryMember = resource("ProbationaryMember");

    /**
     * A member whose probation has ended and been confirmed; party standing counts from the date
     * of full membership.
     */
    public static final Resource FullMember = resource("FullMember");

    // Posts

    /**
     * The posts a person can hold in a party organization, used as org:role of an org:Membership.
     */
    public static final Resource PostScheme = resource("PostScheme");

    /** The secretary of a party committee or branch. */
    public static final Resource Secretary = resource("Secretary");

    /** A deputy secretary of a party committee or branch. */
    public static final Resource DeputySecretary = resource("DeputySecretary");

    /** A member of a party committee or branch committee. */
    public static final Resource CommitteeMember = resource("CommitteeMember");

    /** A member of the organization without a post. */
    public static final Resource OrdinaryMember = resource("OrdinaryMember");

    // Member status

    /** Whether the organization is in contact with the member. */
    public static final Resource MemberStatusScheme = resource("MemberStatusScheme");

    /** The member takes part in the life of the organization as usual. */
    public static final Resource Normal = resource("Normal");

    /** The organization has had no contact with the member for six months or more. */
    public static final Resource OutOfContact = resource("OutOfContact");

    /**
     * A member who lives or works away from the organization holding their relationship for a long
     * time, and takes part in organizational life where they are.
     */
    public static final Resource MobileMember = resource("MobileMember");

    // Education

    /**
     * Levels of formal schooling, the categories of GB/T 4658-2006 (codes for record of formal
     * schooling).
     */
    public static final Resource EducationScheme = resource("EducationScheme");

    /** Postgraduate education: doctoral and master's students and postgraduate classes. */
    public static final Resource Postgraduate = resource("Postgraduate");

    /** University undergraduate (bachelor's level) education. */
    public static final Resource Undergraduate = resource("Undergraduate");

    /** Junior college education, including higher vocational education. */
    public static final Resource JuniorCollege = resource("JuniorCollege");

    /**
     * Secondary vocational education: secondary specialized schools, vocational high schools and
     * technical schools.
     */
    public static final Resource SecondaryVocational = resource("SecondaryVocational");

    /** General senior secondary (high school) education. */
    public static final Resource HighSchool = resource("HighSchool");

    /** Junior secondary (junior high school) education. */
    public static final Resource JuniorHighSchool = resource("JuniorHighSchool");

    /**
     * Primary school education or less. The notation is the primary-school category; GB/T 4658
     * code 90 (other) also maps here.
     */
    public static final Resource PrimarySchoolOrBelow = resource("PrimarySchoolOrBelow");

    // Dues (chapter 9)

    /**
     * One bracket of the monthly dues of employed or retired members (中组发〔2008〕3号): a rate and an
     * inclusive upper bound of the base.
     */
    public static final Resource DuesBracket = resource("DuesBracket");

    /**
     * How a member's monthly dues are assessed, a concept of lx:DuesCategoryScheme (中组发〔2008〕3号).
     */
    public static final Property duesCategory = property("duesCategory");

    /**
     * The monthly base of an employed or retired member's dues, in yuan: fixed regular pay after tax,
     * or the pension actually received. Personal data: left out of masked records.
     */
    public static final Property duesBase = property("duesBase");

    /**
     * The member who paid the dues of a payment.
     */
    public static final Property payer = property("payer");

    /**
     * The month a dues payment is for.
     */
    public static final Property month = property("month");

    /**
     * The amount paid, in yuan, with at most two digits after the point.
     */
    public static final Property amount = property("amount");

    /**
     * How the dues were paid, a concept of lx:PaymentChannelScheme.
     */
    public static final Property paymentChannel = property("paymentChannel");

    /**
     * When the member paid.
     */
    public static final Property paidAt = property("paidAt");

    /**
     * The organization that collected a payment: the payer's branch when the payment was recorded.
     * Set by the node.
     */
    public static final Property collectedBy = property("collectedBy");

    /**
     * The payer's monthly assessment when the payment was recorded, in yuan. Set by the node.
     */
    public static final Property assessedAmount = property("assessedAmount");

    /**
     * Whether the amount paid equals the assessed amount; a payment that does not is kept and
     * flagged, not refused. Set by the node.
     */
    public static final Property matchesAssessment = property("matchesAssessment");

    /**
     * A bracket of the monthly dues of a dues category: a rate applied to the whole base up to an
     * inclusive upper bound.
     */
    public static final Property bracket = property("bracket");

    /**
     * The inclusive upper bound of a dues bracket, in yuan; the highest bracket has none.
     */
    public static final Property upTo = property("upTo");

    /**
     * The share of the whole base paid in a dues bracket, for example 0.005 for 0.5 %.
     */
    public static final Property rate = property("rate");

    /**
     * The monthly dues of a category that pays a fixed amount, in yuan.
     */
    public static final Property fixedAmount = property("fixedAmount");

    /**
     * The least monthly amount a node may set for a category whose amount is node policy, in yuan.
     */
    public static final Property minimumAmount = property("minimumAmount");

    /**
     * The greatest monthly amount a node may set for a category whose amount is node policy, in yuan.
     */
    public static final Property maximumAmount = property("maximumAmount");

    /**
     * How a member's monthly dues are assessed (中组发〔2008〕3号).
     */
    public static final Resource DuesCategoryScheme = resource("DuesCategoryScheme");

    /**
     * A member in work, who pays a share of fixed regular monthly pay after tax.
     */
    public static final Resource Employed = resource("Employed");

    /**
     * A retired member, who pays a share of the monthly pension actually received.
     */
    public static final Resource Retired = resource("Retired");

    /**
     * A farmer member, who pays a fixed monthly amount of 0.20 to 1.00 yuan set by the node (policy).
     */
    public static final Resource Farmer = resource("Farmer");

    /**
     * A student member, who pays 0.20 yuan a month.
     */
    public static final Resource Student = resource("Student");

    /**
     * A laid-off or unemployed member, who pays 0.20 yuan a month.
     */
    public static final Resource Unemployed = resource("Unemployed");

    /**
     * A member living on the minimum living allowance, or on survivors' or relief benefits, who pays
     * 0.20 yuan a month.
     */
    public static final Resource MinimumLivingAllowance = resource("MinimumLivingAllowance");

    /**
     * How a member paid dues.
     */
    public static final Resource PaymentChannelScheme = resource("PaymentChannelScheme");

    /**
     * Paid in cash to the branch.
     */
    public static final Resource Cash = resource("Cash");

    /**
     * Paid by bank transfer.
     */
    public static final Resource BankTransfer = resource("BankTransfer");

    /**
     * Paid online, through a payment app or the platform.
     */
    public static final Resource OnlinePayment = resource("OnlinePayment");

    /**
     * Deducted from pay by the work unit.
     */
    public static final Resource PayrollDeduction = resource("PayrollDeduction");


    // Transfers (chapter 10)

    /**
     * The member whose organizational relationship a transfer moves: the member record at the sending node.
     */
    public static final Property transferredMember = property("transferredMember");

    /**
     * The organization a transfer moves the member from: the member's branch when the transfer was requested. Set by the sending node.
     */
    public static final Property fromOrganization = property("fromOrganization");

    /**
     * The organization a transfer moves the member to, held by any node of the federation.
     */
    public static final Property toOrganization = property("toOrganization");

    /**
     * Where a transfer stands, a concept of lx:TransferStateScheme. Set by the nodes.
     */
    public static final Property transferState = property("transferState");

    /**
     * Why the member's organizational relationship moves, for example a new job or a move of residence.
     */
    public static final Property transferReason = property("transferReason");

    /**
     * Why the receiving organization rejected a transfer, or why a transfer was cancelled.
     */
    public static final Property rejectionReason = property("rejectionReason");

    /**
     * The number of the introduction letter (介绍信), unique on the sending node. Set when the sending organization approves.
     */
    public static final Property letterNumber = property("letterNumber");

    /**
     * The day the introduction letter was issued.
     */
    public static final Property letterIssued = property("letterIssued");

    /**
     * The last day on which the receiving organization may accept the transfer; letter validity is policy of the sending node.
     */
    public static final Property letterValidUntil = property("letterValidUntil");

    /**
     * When the transfer was requested.
     */
    public static final Property requestedAt = property("requestedAt");

    /**
     * When the sending organization approved the transfer and issued the letter.
     */
    public static final Property approvedAt = property("approvedAt");

    /**
     * When the receiving organization accepted or rejected the transfer.
     */
    public static final Property decidedAt = property("decidedAt");

    /**
     * When a transfer completed, the sending node having recorded the receipt (回执), or when a
     * branch completed a task.
     */
    public static final Property completedAt = property("completedAt");

    /**
     * The member record at the receiving node that continues the transferred member's record.
     */
    public static final Property newMember = property("newMember");

    /**
     * On the receiving node's record of a transfer: the transfer record at the sending node.
     */
    public static final Property sendingTransfer = property("sendingTransfer");

    /**
     * On the sending node's record of a transfer: the transfer record at the receiving node.
     */
    public static final Property receivingTransfer = property("receivingTransfer");

    /**
     * The last month up to which the member has paid dues without a gap, as the introduction letter states it (党费交到某年某月).
     */
    public static final Property duesPaidThrough = property("duesPaidThrough");

    /**
     * Where an organizational-relationship transfer stands.
     */
    public static final Resource TransferStateScheme = resource("TransferStateScheme");

    /**
     * Requested at the sending organization, not yet approved.
     */
    public static final Resource Requested = resource("Requested");

    /**
     * Approved by the sending organization, which issued the introduction letter; awaiting the receiving organization.
     */
    public static final Resource Approved = resource("Approved");

    /**
     * Accepted by the receiving organization; its receipt (回执) is on its way to the sending node.
     */
    public static final Resource Accepted = resource("Accepted");

    /**
     * Rejected by the receiving organization; the member stays where they were.
     */
    public static final Resource Rejected = resource("Rejected");

    /**
     * The sending node recorded the receipt: the member record now lives at the receiving node.
     */
    public static final Resource Completed = resource("Completed");

    /**
     * Cancelled: a transfer withdrawn by the sending organization before it received the receipt, the
     * member staying where they were; or a task withdrawn by its issuer.
     */
    public static final Resource Cancelled = resource("Cancelled");


    // Development pipeline (chapter 11)

    /**
     * One dated step of a member's development, inside the member record.
     */
    public static final Resource DevelopmentStep = resource("DevelopmentStep");

    /**
     * A dated step of the member's development (《中国共产党发展党员工作细则》2014): application, talk, designation as activist and as candidate, sponsors, training, the branch's votes and the higher committee's approvals, an extension of probation.
     */
    public static final Property developmentStep = property("developmentStep");

    /**
     * Which step of lx:DevelopmentStepScheme a development step is.
     */
    public static final Property stepType = property("stepType");

    /**
     * The day the step was taken: the talk held, the vote taken, the approval given.
     */
    public static final Property stepDate = property("stepDate");

    /**
     * A full member who sponsors the candidate (入党介绍人); the Sponsors step names two.
     */
    public static final Property sponsor = property("sponsor");

    /**
     * The class hours of the candidate's short concentrated training; at least 24 (three days).
     */
    public static final Property trainingHours = property("trainingHours");

    /**
     * By how many months the probation is extended: 6 to 12, once.
     */
    public static final Property extensionMonths = property("extensionMonths");

    /**
     * The steps of developing a member, from application to full membership (《中国共产党发展党员工作细则》2014).
     */
    public static final Resource DevelopmentStepScheme = resource("DevelopmentStepScheme");

    /**
     * The written application to join the party (细则 第二章).
     */
    public static final Resource Application = resource("Application");

    /**
     * The talk the party organization holds with the applicant, within one month of the application (细则 第七条).
     */
    public static final Resource Talk = resource("Talk");

    /**
     * The branch designates the applicant an activist (细则 第三章).
     */
    public static final Resource ActivistDesignation = resource("ActivistDesignation");

    /**
     * After at least a year of cultivation, the branch designates the activist a development candidate (细则 第十二条).
     */
    public static final Resource CandidateDesignation = resource("CandidateDesignation");

    /**
     * Two full members are the candidate's sponsors (入党介绍人, 细则 第十三条).
     */
    public static final Resource Sponsors = resource("Sponsors");

    /**
     * The short concentrated training of the candidate, at least three days or 24 class hours (细则 第十五条).
     */
    public static final Resource Training = resource("Training");

    /**
     * The branch general meeting votes to admit the candidate; probation counts from this day (细则 第二十四条, 第三十一条).
     */
    public static final Resource AdmissionVote = resource("AdmissionVote");

    /**
     * The higher committee approves the admission, within three months of the vote (细则 第二十七条).
     */
    public static final Resource AdmissionApproval = resource("AdmissionApproval");

    /**
     * When the probation has ended, the branch general meeting votes on full membership (细则 第三十二条).
     */
    public static final Resource ConfirmationVote = resource("ConfirmationVote");

    /**
     * The higher committee approves the confirmation, within three months of the vote (细则 第三十三条).
     */
    public static final Resource ConfirmationApproval = resource("ConfirmationApproval");

    /**
     * The branch extends the probation by six to twelve months, at most once (党章 第七条, 细则 第三十二条).
     */
    public static final Resource ProbationExtension = resource("ProbationExtension");


    // Organizational life (chapter 12)

    /**
     * A member absent from an activity, with the reason, inside the activity record.
     */
    public static final Resource Absence = resource("Absence");

    /**
     * What kind of activity of organizational life an activity is, or an action request asks for, a
     * concept of lx:ActivityTypeScheme.
     */
    public static final Property activityType = property("activityType");

    /**
     * The party organization that held the activity.
     */
    public static final Property heldBy = property("heldBy");

    /**
     * The topic or agenda of an activity, or the topic an action request asks an activity on.
     */
    public static final Property topic = property("topic");

    /**
     * A member who took part in the activity.
     */
    public static final Property attendee = property("attendee");

    /**
     * A member who was expected but absent, with the reason.
     */
    public static final Property absence = property("absence");

    /**
     * The member an absence is about.
     */
    public static final Property absentee = property("absentee");

    /**
     * Why the member was absent, for example illness or a business trip.
     */
    public static final Property absenceReason = property("absenceReason");

    /**
     * The minutes of the activity.
     */
    public static final Property minutes = property("minutes");

    /**
     * The kinds of activity of organizational life (三会一课 and more).
     */
    public static final Resource ActivityTypeScheme = resource("ActivityTypeScheme");

    /**
     * The meeting of all members of a branch, generally once a quarter (支部工作条例 第十九条).
     */
    public static final Resource BranchGeneralMeeting = resource("BranchGeneralMeeting");

    /**
     * The meeting of a branch committee, generally once a month (支部工作条例 第十九条).
     */
    public static final Resource BranchCommitteeMeeting = resource("BranchCommitteeMeeting");

    /**
     * The meeting of a party group, generally once a month (支部工作条例 第十九条).
     */
    public static final Resource PartyGroupMeeting = resource("PartyGroupMeeting");

    /**
     * A party lecture given to the members; its frequency is policy, by default once a quarter.
     */
    public static final Resource PartyLecture = resource("PartyLecture");

    /**
     * A fixed day each month on which the branch holds a themed activity (支部工作条例 第十九条).
     */
    public static final Resource ThemedPartyDay = resource("ThemedPartyDay");

    /**
     * The meeting of criticism and self-criticism, generally once a year (支部工作条例 第二十条).
     */
    public static final Resource OrganizationalLifeMeeting = resource("OrganizationalLifeMeeting");

    /**
     * The democratic appraisal of the members, generally once a year (支部工作条例 第二十条).
     */
    public static final Resource DemocraticAppraisal = resource("DemocraticAppraisal");

    /**
     * A study session of the members; no frequency is required.
     */
    public static final Resource StudySession = resource("StudySession");

    // Tasks (chapter 13)

    /** A branch's record that it did what a task asked, with its evidence; it completes every request of the same task key. */
    public static final Resource TaskCompletion = resource("TaskCompletion");

    /** The kinds of task, a concept scheme. */
    public static final Resource TaskKindScheme = resource("TaskKindScheme");

    /** A task asking for figures: a statistic the nodes answer from their data, and fields the standard does not cover. */
    public static final Resource DataRequest = resource("DataRequest");

    /** A task asking people to do something, such as holding a themed party day on a topic by a date. */
    public static final Resource ActionRequest = resource("ActionRequest");

    /** Where a task stands, a concept scheme. */
    public static final Resource TaskStateScheme = resource("TaskStateScheme");

    /** Open: a task or a feedback message waiting for what it asks. */
    public static final Resource Open = resource("Open");

    /** Answered: a data request answered from the data, or a feedback message that has a reply. */
    public static final Resource Answered = resource("Answered");

    /** Merged: a task equivalent to one already open for its targets, and merged into it. */
    public static final Resource Merged = resource("Merged");

    /** The statistics a data request may ask for, a concept scheme. */
    public static final Resource StatisticScheme = resource("StatisticScheme");

    /** The member counts by stage over a subtree (chapter 7). */
    public static final Resource MemberCountsByStage = resource("MemberCountsByStage");

    /** The dues collection of a month over a subtree (chapter 9). */
    public static final Resource DuesCollection = resource("DuesCollection");

    /** The meeting compliance of a year, through a month, over a subtree (chapter 12). */
    public static final Resource MeetingCompliance = resource("MeetingCompliance");

    /** Whether a task is a data request or an action request, a concept of lx:TaskKindScheme. */
    public static final Property taskKind = property("taskKind");

    /** The organization that issues a task. */
    public static final Property issuedBy = property("issuedBy");

    /** An organization whose subtree a task is for; without any, the task is for the issuing organization's subtree. */
    public static final Property target = property("target");

    /** The day by which a task is to be done. */
    public static final Property dueDate = property("dueDate");

    /** The statistic a data request asks for, a concept of lx:StatisticScheme. */
    public static final Property statistic = property("statistic");

    /** The period a data request asks about: a year (yyyy) or a month (yyyy-mm). */
    public static final Property period = property("period");

    /** A figure a data request asks for that the standard does not cover: left to people. */
    public static final Property askedField = property("askedField");

    /** Where a task stands, a concept of lx:TaskStateScheme. Set by the node. */
    public static final Property taskState = property("taskState");

    /** When the node stored a task. Set by the node. */
    public static final Property issuedAt = property("issuedAt");

    /** The equivalence key of a task (13.5): equal keys mean the same request. Set by the node. */
    public static final Property taskKey = property("taskKey");

    /** The equivalent open task a task was merged into. Set by the node. */
    public static final Property mergedInto = property("mergedInto");

    /** The statistic's answer to a data request, as JSON, with its completeness report. Set by the node. */
    public static final Property answer = property("answer");

    /** When a data request's answer was computed. Set by the node. */
    public static final Property answeredAt = property("answeredAt");

    /** The task a completion completes (with every request of the same key). */
    public static final Property completes = property("completes");

    /** The branch that completed a task. */
    public static final Property completedBy = property("completedBy");

    /** A record showing that a task was done, such as the activity it asked for. */
    public static final Property evidence = property("evidence");

    /** A free text, such as the figures a data request left to people. */
    public static final Property note = property("note");

    // Feedback (chapter 14)

    /** A reply in the thread of a feedback message: by an organization, or a follow-up by the sender. */
    public static final Resource Reply = resource("Reply");

    /** The kinds of feedback message, a concept scheme. */
    public static final Resource FeedbackKindScheme = resource("FeedbackKindScheme");

    /** A question (咨询). */
    public static final Resource Question = resource("Question");

    /** A suggestion (建议). */
    public static final Resource Suggestion = resource("Suggestion");

    /** A request for help (求助). */
    public static final Resource HelpRequest = resource("HelpRequest");

    /** A report of a problem (反映问题). */
    public static final Resource Report = resource("Report");

    /** Where a feedback message stands, a concept scheme. */
    public static final Resource FeedbackStateScheme = resource("FeedbackStateScheme");

    /** Closed: a feedback message its sender rated or closed. */
    public static final Resource Closed = resource("Closed");

    /** What kind of message a feedback message is, a concept of lx:FeedbackKindScheme. */
    public static final Property feedbackKind = property("feedbackKind");

    /** The member who sent a feedback message. Set by the node from the token. */
    public static final Property sender = property("sender");

    /** The sender's name as the message was sent. Set by the node. */
    public static final Property senderName = property("senderName");

    /** The organization a feedback message is sent to. */
    public static final Property sentTo = property("sentTo");

    /** Where a feedback message stands, a concept of lx:FeedbackStateScheme. Set by the node. */
    public static final Property feedbackState = property("feedbackState");

    /** When a feedback message or reply was sent. Set by the node. */
    public static final Property sentAt = property("sentAt");

    /** An organization a feedback message was escalated to, unanswered. Set by the node. */
    public static final Property escalatedTo = property("escalatedTo");

    /** When a feedback message was last escalated. Set by the node. */
    public static final Property escalatedAt = property("escalatedAt");

    /** The record on the node below that a copy of an escalated message came from. Set by the node. */
    public static final Property escalatedFrom = property("escalatedFrom");

    /** The copy of an escalated message on the node above. Set by the node. */
    public static final Property escalatedCopy = property("escalatedCopy");

    /** A reply in the thread of a feedback message, a blank node of type lx:Reply. */
    public static final Property reply = property("reply");

    /** The identifier of a reply, the same on every node of the chain. Set by the node. */
    public static final Property replyId = property("replyId");

    /** The organization on whose behalf a reply was written; absent for the sender's follow-up. */
    public static final Property repliedBy = property("repliedBy");

    /** The sender's rating of the answer, 1 (poor) to 5 (very good). */
    public static final Property rating = property("rating");

    /** The sender's comment with the rating. */
    public static final Property ratingComment = property("ratingComment");

    // Learning (chapter 16)

    /** A course of remote education (远程教育) an organization publishes to its subtree. */
    public static final Resource Course = resource("Course");

    /** What one member studied of one course; held by the member's node, moves with the member. */
    public static final Resource StudyRecord = resource("StudyRecord");

    /** The organization that publishes a course or a notice. */
    public static final Property publishedBy = property("publishedBy");

    /** When the node stored a course or a notice. Set by the node. */
    public static final Property publishedAt = property("publishedAt");

    /** A link to, or a file of, the material of a course: any IRI. */
    public static final Property material = property("material");

    /** How many minutes studying a course is expected to take. */
    public static final Property expectedMinutes = property("expectedMinutes");

    /** Who among the members reached a course or notice is for, a concept of lx:AudienceScheme; without any, all members. */
    public static final Property audience = property("audience");

    /** Whether a course is published or withdrawn, a concept of lx:CourseStateScheme. Set by the node. */
    public static final Property courseState = property("courseState");

    /** The member a study record is about. */
    public static final Property learner = property("learner");

    /** The course a study record is about, held by any node. */
    public static final Property course = property("course");

    /** How many minutes the member has studied the course. */
    public static final Property minutesStudied = property("minutesStudied");

    /** The member's score in the course's quiz, 0 to 100. */
    public static final Property quizScore = property("quizScore");

    /** Who a course or a notice is for, by development stage and post (Table 16.4), a concept scheme. */
    public static final Resource AudienceScheme = resource("AudienceScheme");

    /** All members: stage ProbationaryMember or FullMember. */
    public static final Resource AllMembers = resource("AllMembers");

    /** Probationary members: stage ProbationaryMember. */
    public static final Resource ProbationaryMembers = resource("ProbationaryMembers");

    /** Activists: stage Activist or DevelopmentCandidate. */
    public static final Resource Activists = resource("Activists");

    /** Secretaries: the members who hold the post Secretary or DeputySecretary on the day. */
    public static final Resource Secretaries = resource("Secretaries");

    /** Whether a course is published or withdrawn, a concept scheme. */
    public static final Resource CourseStateScheme = resource("CourseStateScheme");

    /** Published: the course reaches its audience. */
    public static final Resource Published = resource("Published");

    /** Withdrawn by its publisher: the course is in no course list and no statistic. */
    public static final Resource Withdrawn = resource("Withdrawn");
    // Notices (chapter 17)

    /** A text an organization publishes to the members of its subtree, held by the organization's node (chapter 17). */
    public static final Resource Notice = resource("Notice");

    /** That a member read a notice, kept by the member's node, at most one per member and notice (chapter 17). */
    public static final Resource ReadReceipt = resource("ReadReceipt");

    /** A document that goes with a notice, wherever it is held. */
    public static final Property attachment = property("attachment");

    /** When its publisher withdrew a notice; a withdrawn notice is in no feed. Set by the node. */
    public static final Property withdrawnAt = property("withdrawnAt");

    /** The member who read a notice. */
    public static final Property reader = property("reader");

    /** The notice a read receipt is for, on any node. */
    public static final Property notice = property("notice");

    /** When a member first read a notice. Set by the node. */
    public static final Property readAt = property("readAt");
    // --- Chapter 18 Service to the people ---

    /** A request a resident sends to an organization that serves their community or village, with its replies (chapter 18). */
    public static final Resource ServiceRequest = resource("ServiceRequest");

    /** What a service request is about, a concept of lx:ServiceCategoryScheme. */
    public static final Property serviceCategory = property("serviceCategory");

    /** How to reach the resident who sent a service request: a blank node with a name, a telephone and an address. */
    public static final Property contact = property("contact");

    /** The member or the branch that the organization a service request was sent to charged with it. */
    public static final Property assignedTo = property("assignedTo");

    /** The community or village an organization serves residents of, by name; an organization with one is a service point. */
    public static final Property serviceArea = property("serviceArea");

    /** What a service request is about, a concept scheme. */
    public static final Resource ServiceCategoryScheme = resource("ServiceCategoryScheme");

    /** Care of the elderly: home care, meals, visits. */
    public static final Resource ElderlyCare = resource("ElderlyCare");

    /** Work: finding a job, skills training, help to start a business. */
    public static final Resource Employment = resource("Employment");

    /** Health: seeing a doctor, medical insurance, family doctors. */
    public static final Resource MedicalCare = resource("MedicalCare");

    /** Social assistance: minimum living allowance, temporary relief, help in hardship. */
    public static final Resource Assistance = resource("Assistance");

    /** Surroundings: sanitation, green spaces, roads, noise. */
    public static final Resource Environment = resource("Environment");

    /** Disputes between neighbours or in a family, to be mediated. */
    public static final Resource Dispute = resource("Dispute");

    /** Any other matter. */
    public static final Resource OtherService = resource("OtherService");

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS, local);
    }
}
