package org.lianxin.node.demo;

import java.util.SplittableRandom;
import org.lianxin.node.demo.PlannedOrganization.County;
import org.lianxin.node.demo.PlannedOrganization.Workplace;
import org.lianxin.node.demo.PlannedOrganization.WorkplaceKind;

/**
 * A primary-level committee (基层党委) of a county and the names of its branches: a township with
 * its villages and communities, the education bureau with its schools, the county hospital with its
 * departments, a state-owned enterprise with its workshops, or a county government bureau.
 */
final class PrimaryUnit {

    enum Kind { TOWNSHIP, EDUCATION, HOSPITAL, ENTERPRISE, BUREAU }

    static final String[] BUREAUS = {"公安局", "财政局", "人力资源和社会保障局", "自然资源局", "住房和城乡建设局", "交通运输局",
            "农业农村局", "卫生健康局", "市场监督管理局", "水利局", "民政局", "应急管理局", "司法局", "审计局", "统计局", "商务局",
            "文化和旅游局", "生态环境局"};
    static final String[] COMPANIES = {"城市建设投资集团有限公司", "自来水有限公司", "交通投资集团有限公司", "农业发展集团有限公司",
            "文化旅游发展有限公司", "国有资产经营有限公司", "粮食购销有限公司", "公共交通有限公司"};
    private static final String[] SCHOOLS = {"第一中学", "第二中学", "实验小学", "实验中学", "职业中等专业学校", "第三中学",
            "第一小学", "第二小学", "特殊教育学校", "第四中学", "第三小学", "第四小学"};
    private static final String[] DEPARTMENTS = {"行政后勤", "内科", "外科", "妇产儿科", "医技", "护理", "急诊", "药剂", "门诊",
            "感染科", "康复科", "中医科"};
    private static final String[] SECTIONS = {"机关", "生产一车间", "生产二车间", "销售", "技术研发", "质量安全", "后勤保障",
            "物流", "工程项目部", "财务审计"};

    private final Kind kind;
    private final County county;
    private final String unit; // town, bureau or company name, without the county
    private final PlaceNames localNames;
    private int used; // units handed out so far

    PrimaryUnit(Kind kind, County county, String unit, SplittableRandom random) {
        this.kind = kind;
        this.county = county;
        this.unit = unit;
        this.localNames = new PlaceNames(random); // village and community names are unique within the unit
    }

    Kind kind() {
        return kind;
    }

    County county() {
        return county;
    }

    /** The township, for townships; null otherwise. */
    String town() {
        return kind == Kind.TOWNSHIP ? unit : null;
    }

    String committeeName() {
        return switch (kind) {
            case TOWNSHIP -> county.name() + unit + "党委";
            case EDUCATION -> county.name() + "教育局党委";
            case HOSPITAL -> county.name() + "人民医院党委";
            case ENTERPRISE -> county.name() + unit + "党委";
            case BUREAU -> county.name() + unit + "机关党委";
        };
    }

    /** The name of the next branch and where its members work. */
    PlannedBranch nextBranch() {
        int index = used++;
        String c = county.name();
        return switch (kind) {
            case TOWNSHIP -> index == 0
                    ? new PlannedBranch(c + unit + "机关党支部", workplace(WorkplaceKind.TOWN_OFFICE, c + unit + "人民政府"))
                    : index % 5 == 4
                    ? new PlannedBranch(unit + localNames.twoCharacters() + "社区党支部", workplace(WorkplaceKind.COMMUNITY, null))
                    : new PlannedBranch(unit + localNames.village() + "村党支部", workplace(WorkplaceKind.VILLAGE, null));
            case EDUCATION -> index == 0
                    ? new PlannedBranch(c + "教育局机关党支部", workplace(WorkplaceKind.GOVERNMENT_OFFICE, c + "教育局"))
                    : school(c + pick(SCHOOLS, index - 1, 5, "小学"));
            case HOSPITAL -> new PlannedBranch(c + "人民医院" + pick(DEPARTMENTS, index, 1, "临床科室") + "党支部",
                    workplace(WorkplaceKind.HOSPITAL, c + "人民医院"));
            case ENTERPRISE -> new PlannedBranch(c + unit + pick(SECTIONS, index, 1, "项目部") + "党支部",
                    workplace(WorkplaceKind.ENTERPRISE, c + unit));
            case BUREAU -> new PlannedBranch(c + unit + "机关" + numeral(index + 1) + "党支部",
                    workplace(WorkplaceKind.GOVERNMENT_OFFICE, c + unit));
        };
    }

    /** A general branch (党总支) for a unit too big for one branch; its branches are numbered 第一, 第二, ... */
    PlannedGeneralBranch nextGeneralBranch() {
        String c = county.name();
        return switch (kind) {
            case TOWNSHIP -> {
                String village = unit + localNames.village() + "村";
                yield new PlannedGeneralBranch(village, workplace(WorkplaceKind.VILLAGE, null));
            }
            case EDUCATION -> {
                String school = c + pick(SCHOOLS, Math.max(used++ - 1, 0), 5, "小学");
                yield new PlannedGeneralBranch(school, workplace(WorkplaceKind.SCHOOL, school));
            }
            case HOSPITAL -> new PlannedGeneralBranch(c + "人民医院临床", workplace(WorkplaceKind.HOSPITAL, c + "人民医院"));
            case ENTERPRISE -> new PlannedGeneralBranch(c + unit + "生产", workplace(WorkplaceKind.ENTERPRISE, c + unit));
            case BUREAU -> new PlannedGeneralBranch(c + unit + "直属单位", workplace(WorkplaceKind.GOVERNMENT_OFFICE, c + unit));
        };
    }

    /** The joint branch of small non-public enterprises in a township (联合党支部). */
    PlannedBranch jointBranch() {
        String place = town() != null ? town() : county.name();
        return new PlannedBranch(place + "非公企业联合党支部", workplace(WorkplaceKind.NON_PUBLIC, null));
    }

    private PlannedBranch school(String school) {
        return new PlannedBranch(school + "党支部", workplace(WorkplaceKind.SCHOOL, school));
    }

    private Workplace workplace(WorkplaceKind workplaceKind, String employer) {
        return new Workplace(workplaceKind, employer, town());
    }

    /** The i-th name of the list; after the list runs out, numbered generic names from 第{firstNumber}. */
    private static String pick(String[] names, int i, int firstNumber, String generic) {
        return i < names.length ? names[i] : numeral(firstNumber + i - names.length) + generic;
    }

    /** 第一 … 第九十九. */
    static String numeral(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 1 || n > 99) {
            return "第" + n;
        }
        String text = n < 10 ? "" + digits.charAt(n)
                : (n / 10 == 1 ? "" : "" + digits.charAt(n / 10)) + "十" + (n % 10 == 0 ? "" : "" + digits.charAt(n % 10));
        return "第" + text;
    }

    record PlannedBranch(String name, Workplace workplace) {}

    /** @param unitName e.g. 青山县人民医院临床: the general branch is unitName + 党总支, its branches unitName + 第N党支部 */
    record PlannedGeneralBranch(String unitName, Workplace workplace) {
        String name() {
            return unitName + "党总支";
        }

        String branchName(int n) {
            return unitName + numeral(n) + "党支部";
        }
    }
}
