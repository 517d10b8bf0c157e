package org.lianxin.node.rosters;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.lianxin.spec.LX;
import org.lianxin.spec.SchemaOrg;

/**
 * The columns of the roster profile (spec Table 15.1): a member record's values as a branch keeps
 * them in a spreadsheet, each under its Chinese header, its English key, or a common other name.
 */
public enum RosterColumn {

    NAME("name", "姓名", Value.TEXT, SchemaOrg.name.asNode()),
    GENDER("gender", "性别", Value.GENDER, SchemaOrg.gender.asNode()),
    ETHNICITY("ethnicity", "民族", Value.TEXT, LX.ethnicity.asNode()),
    BIRTH_DATE("birthDate", "出生日期", Value.DATE, SchemaOrg.birthDate.asNode(), "出生年月"),
    NATIONAL_ID("nationalId", "公民身份号码", Value.NATIONAL_ID, LX.nationalIdNumber.asNode(), "身份证号", "身份证号码", "身份证"),
    NATIVE_PLACE("nativePlace", "籍贯", Value.TEXT, LX.nativePlace.asNode()),
    EDUCATION("education", "学历", Value.EDUCATION, LX.education.asNode(), "文化程度"),
    DEGREE("degree", "学位", Value.TEXT, LX.degree.asNode()),
    OCCUPATION("occupation", "职业", Value.TEXT, LX.occupation.asNode()),
    WORK_UNIT("workUnit", "工作单位", Value.TEXT, LX.workUnit.asNode()),
    JOB_TITLE("jobTitle", "职务", Value.TEXT, SchemaOrg.jobTitle.asNode()),
    TELEPHONE("telephone", "联系电话", Value.TELEPHONE, SchemaOrg.telephone.asNode(), "手机号码", "手机号", "电话"),
    ADDRESS("address", "家庭住址", Value.TEXT, SchemaOrg.address.asNode(), "住址"),
    STAGE("stage", "发展阶段", Value.STAGE, LX.stage.asNode(), "党员类别", "人员类别"),
    STATUS("status", "党员状态", Value.STATUS, LX.memberStatus.asNode()),
    BRANCH_NAME("branchName", "所在党支部", Value.BRANCH_NAME, null, "所在党组织", "党支部"),
    BRANCH("branch", "所在党支部标识", Value.BRANCH, LX.branch.asNode(), "组织关系所在党组织"),
    APPLICATION_DATE("applicationDate", "申请入党日期", Value.DATE, LX.applicationDate.asNode()),
    ACTIVIST_DATE("activistDate", "确定为入党积极分子日期", Value.DATE, LX.activistDate.asNode(), "积极分子日期"),
    CANDIDATE_DATE("candidateDate", "确定为发展对象日期", Value.DATE, LX.candidateDate.asNode(), "发展对象日期"),
    ADMISSION_DATE("admissionDate", "入党日期", Value.DATE, LX.admissionDate.asNode(), "接收为预备党员日期"),
    FULL_MEMBERSHIP_DATE("fullMembershipDate", "转正日期", Value.DATE, LX.fullMembershipDate.asNode(), "转为正式党员日期"),
    /** The outcome a report spreadsheet adds to a rejected row: read past on import (LX-ROSTER-11). */
    IMPORT_OUTCOME("importOutcome", "导入结果", Value.REPORT, null),
    /** The errors a report spreadsheet adds to a rejected row: read past on import. */
    IMPORT_ERRORS("importErrors", "错误说明", Value.REPORT, null);

    /** How a cell's text becomes a value. */
    public enum Value { TEXT, DATE, GENDER, NATIONAL_ID, TELEPHONE, EDUCATION, STAGE, STATUS, BRANCH_NAME, BRANCH, REPORT }

    /** The columns an export writes, in order: the profile without the report's own columns. */
    public static final List<RosterColumn> PROFILE = Arrays.stream(values()).filter(c -> c.value != Value.REPORT).toList();

    private final String key;
    private final String header;
    private final Value value;
    private final Node property;
    private final List<String> aliases;

    RosterColumn(String key, String header, Value value, Node property, String... aliases) {
        this.key = key;
        this.header = header;
        this.value = value;
        this.property = property;
        this.aliases = List.of(aliases);
    }

    /** The English name: the JSON key of the member record (Table 5.1), or the profile's own key. */
    public String key() {
        return key;
    }

    /** The Chinese header an export writes. */
    public String header() {
        return header;
    }

    public Value value() {
        return value;
    }

    /** The member record's property, or null for a column that is not one (the branch's name, the report's columns). */
    public Node property() {
        return property;
    }

    /** Personal data masked in reports and masked exports (spec 8.7). */
    public boolean sensitive() {
        return this == NATIONAL_ID || this == TELEPHONE || this == ADDRESS || this == BIRTH_DATE;
    }

    /** The column a header names: its Chinese header, its key or another common name, compared after {@link #normalized}. */
    public static Optional<RosterColumn> named(String text) {
        String wanted = normalized(text);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (RosterColumn c : values()) {
            if (normalized(c.header).equals(wanted) || normalized(c.key).equals(wanted)
                    || c.aliases.stream().anyMatch(a -> normalized(a).equals(wanted))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The column with this key. */
    public static Optional<RosterColumn> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }

    /**
     * A header as compared: without spaces, the asterisk a template marks required columns with, and a
     * trailing note in brackets ("出生日期（yyyy-mm-dd）"); English in lower case.
     */
    static String normalized(String text) {
        String s = text == null ? "" : text.replaceAll("[\\s\\u3000*＊]", "");
        s = s.replaceAll("[（(][^（()）]*[)）]$", "");
        return s.toLowerCase(Locale.ROOT);
    }
}
