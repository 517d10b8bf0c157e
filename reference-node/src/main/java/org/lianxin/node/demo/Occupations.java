package org.lianxin.node.demo;

import java.util.SplittableRandom;
import org.lianxin.node.demo.PlannedOrganization.WorkplaceKind;

/**
 * Occupation (in the categories of the party's internal statistics), work unit and post of a demo
 * member, from where the member's branch is and how old the member is.
 */
final class Occupations {

    static final String WORKER = "工人";
    static final String FARMER = "农牧渔民";
    static final String PROFESSIONAL = "企事业单位、社会组织专业技术人员";
    static final String MANAGER = "企事业单位、社会组织管理人员";
    static final String CIVIL_SERVANT = "党政机关工作人员";
    static final String RETIRED = "离退休人员";
    static final String OTHER = "其他职业人员";

    private static final String[] CIVIL_SERVANT_POSTS = {"科员", "科员", "一级科员", "四级主任科员", "三级主任科员", "股长", "办公室主任", "副局长"};
    private static final String[] TOWN_POSTS = {"科员", "科员", "一级科员", "四级主任科员", "党政办公室主任", "副镇长"};
    private static final String[] TEACHER_POSTS = {"二级教师", "一级教师", "一级教师", "高级教师", "教务主任", "副校长"};
    private static final String[] HOSPITAL_POSTS = {"住院医师", "主治医师", "主治医师", "副主任医师", "主任医师", "护师", "主管护师", "药师", "检验师"};
    private static final String[] WORKER_POSTS = {"操作工", "技术员", "班组长", "电工", "维修工", "驾驶员"};
    private static final String[] ENGINEER_POSTS = {"助理工程师", "工程师", "工程师", "高级工程师"};
    private static final String[] MANAGER_POSTS = {"主管", "部门经理", "副总经理", "办公室主任"};
    private static final String[] SMALL_FIRMS = {"商贸", "建材", "食品", "物流", "电子科技", "服装", "农业开发", "餐饮管理", "家具", "汽车维修"};

    private Occupations() {}

    /**
     * @param employer the branch's work unit, or null when it varies
     * @param place    the county (and township) locality, for the names of small firms
     */
    static Job draw(SplittableRandom random, WorkplaceKind kind, String employer, String place, int age) {
        if (age >= 60 && kind != WorkplaceKind.VILLAGE) {
            return new Job(RETIRED, null, null); // retired members keep their branch; no current work unit
        }
        int r = random.nextInt(100);
        return switch (kind) {
            case VILLAGE -> r < 85 ? new Job(FARMER, null, null)
                    : r < 95 ? new Job(OTHER, null, null) : new Job(WORKER, firm(random, place), pick(random, WORKER_POSTS));
            case COMMUNITY -> r < 35 ? new Job(OTHER, null, null)
                    : r < 55 ? new Job(MANAGER, firm(random, place), pick(random, MANAGER_POSTS))
                    : r < 80 ? new Job(WORKER, firm(random, place), pick(random, WORKER_POSTS))
                    : new Job(PROFESSIONAL, firm(random, place), pick(random, ENGINEER_POSTS));
            case TOWN_OFFICE -> new Job(CIVIL_SERVANT, employer, pick(random, TOWN_POSTS));
            case GOVERNMENT_OFFICE -> new Job(CIVIL_SERVANT, employer, pick(random, CIVIL_SERVANT_POSTS));
            case SCHOOL -> r < 85 ? new Job(PROFESSIONAL, employer, pick(random, TEACHER_POSTS))
                    : new Job(MANAGER, employer, "办公室主任");
            case HOSPITAL -> r < 85 ? new Job(PROFESSIONAL, employer, pick(random, HOSPITAL_POSTS))
                    : new Job(MANAGER, employer, pick(random, MANAGER_POSTS));
            case ENTERPRISE -> r < 55 ? new Job(WORKER, employer, pick(random, WORKER_POSTS))
                    : r < 80 ? new Job(PROFESSIONAL, employer, pick(random, ENGINEER_POSTS))
                    : new Job(MANAGER, employer, pick(random, MANAGER_POSTS));
            case NON_PUBLIC -> r < 40 ? new Job(WORKER, firm(random, place), pick(random, WORKER_POSTS))
                    : r < 70 ? new Job(MANAGER, firm(random, place), pick(random, MANAGER_POSTS))
                    : new Job(OTHER, firm(random, place), null);
        };
    }

    /** A small private company of the place, e.g. 青山县鑫源商贸有限公司. */
    private static String firm(SplittableRandom random, String place) {
        String brand = "鑫源宏达恒信华泰永盛兴旺金诚博远嘉禾";
        int i = 2 * random.nextInt(brand.length() / 2);
        return place + brand.substring(i, i + 2) + pick(random, SMALL_FIRMS) + "有限公司";
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** @param workUnit and post may be null (not every member has them) */
    record Job(String occupation, String workUnit, String post) {}
}
