package org.lianxin.node.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible personal names and ethnic groups for demo members. Frequencies are rounded public
 * figures (surname shares of the population; 2020 census sizes of the ethnic groups); exactness
 * does not matter, a realistic mix does: common surnames repeat and so do whole names.
 */
final class PersonNames {

    /** Surname and its share of the population in units of 0.01 %. */
    private static final Weighted<String> SURNAMES = Weighted.pairs(
            "李", 794, "王", 741, "张", 707, "刘", 538, "陈", 453, "杨", 308, "赵", 229, "黄", 223, "周", 212,
            "吴", 205, "徐", 167, "孙", 154, "胡", 131, "朱", 126, "高", 121, "林", 118, "何", 117, "郭", 115,
            "马", 105, "罗", 86, "梁", 85, "宋", 76, "郑", 74, "谢", 72, "韩", 68, "唐", 65, "冯", 64, "于", 62,
            "董", 61, "肖", 58, "程", 57, "曹", 56, "袁", 54, "邓", 53, "许", 52, "付", 51, "沈", 50, "曾", 49,
            "彭", 48, "吕", 47, "苏", 46, "卢", 45, "蒋", 44, "蔡", 43, "贾", 42, "丁", 41, "魏", 40, "薛", 39,
            "叶", 38, "闫", 37, "余", 36, "潘", 35, "杜", 34, "戴", 33, "夏", 32, "钟", 31, "汪", 30, "田", 30,
            "任", 29, "姜", 28, "范", 27, "方", 26, "石", 25, "姚", 24, "谭", 23, "廖", 22, "邹", 21, "熊", 21,
            "金", 20, "陆", 20, "郝", 19, "孔", 18, "白", 18, "崔", 17, "康", 17, "毛", 16, "邱", 16, "秦", 15,
            "江", 15, "史", 14, "顾", 14, "侯", 13, "邵", 13, "孟", 12, "龙", 12, "万", 11, "段", 11, "雷", 10,
            "钱", 10, "汤", 10, "尹", 9, "黎", 9, "易", 9, "常", 9, "武", 9, "乔", 8, "贺", 8, "赖", 8, "龚", 8,
            "文", 8, "欧阳", 3, "上官", 1, "诸葛", 1);

    private static final String MALE_CHARS =
            "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国峰志文海东亮成兵雷鸣彬锋晨博昊然轩睿泽翔毅诚新永学德忠春庆胜福生振立";
    private static final String FEMALE_CHARS =
            "芳娜敏静丽艳娟霞燕玲桂英秀梅婷雪慧红琳颖洁莉萍倩晶月佳欣怡萱琴云兰凤蕾薇璐瑶雯婧晓美珍玉华春淑丹宁";
    /** Given names typical of people born in the 1940s–1960s. */
    private static final String[] MALE_ERA_NAMES = {"建国", "建军", "国庆", "卫东", "卫国", "援朝", "跃进", "红军", "志刚", "建华", "国强", "建平"};
    private static final String[] FEMALE_ERA_NAMES = {"秀英", "桂兰", "玉兰", "淑珍", "凤英", "秀兰", "桂英", "秀珍", "玉梅", "红梅", "建英", "淑华"};

    /**
     * The 56 ethnic groups in GB/T 3304 order, weighted by population in thousands (2020 census,
     * rounded). The Han weight is set so that minorities make up about 7.5 % of demo members,
     * close to their share of party members.
     */
    static final List<String> ETHNIC_GROUPS = List.of(
            "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
            "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
            "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
            "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
            "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族");
    private static final long[] MINORITY_THOUSANDS = {
            6290, 11380, 7060, 11770, 11070, 9830, 19570, 3580, 1700, 10420, 3500, 3310, 2090,
            9590, 1730, 1560, 1330, 1600, 760, 430, 750, 4, 500, 500, 770, 320,
            160, 200, 280, 130, 280, 310, 130, 170, 120, 680, 190, 40,
            45, 50, 37, 13, 16, 35, 22, 25, 15, 33, 4,
            7, 9, 5, 11, 4, 26};
    private static final Weighted<String> ETHNICITY = ethnicityWeights();

    private PersonNames() {}

    /** A full name; {@code birthYear} flavours the given name (older people often have era names). */
    static String fullName(SplittableRandom random, boolean male, int birthYear) {
        return SURNAMES.draw(random) + givenName(random, male, birthYear);
    }

    static String ethnicity(SplittableRandom random) {
        return ETHNICITY.draw(random);
    }

    private static String givenName(SplittableRandom random, boolean male, int birthYear) {
        if (birthYear < 1966 && random.nextInt(4) == 0) {
            String[] era = male ? MALE_ERA_NAMES : FEMALE_ERA_NAMES;
            return era[random.nextInt(era.length)];
        }
        String chars = male ? MALE_CHARS : FEMALE_CHARS;
        // Single-character given names were common mid-century and again recently; about a quarter.
        int length = random.nextInt(4) == 0 ? 1 : 2;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            name.append(chars.charAt(random.nextInt(chars.length())));
        }
        return name.toString();
    }

    private static Weighted<String> ethnicityWeights() {
        long minorities = 0;
        for (long w : MINORITY_THOUSANDS) {
            minorities += w;
        }
        long[] weights = new long[ETHNIC_GROUPS.size()];
        weights[0] = minorities * 925 / 75; // Han 92.5 %, minorities 7.5 %
        System.arraycopy(MINORITY_THOUSANDS, 0, weights, 1, MINORITY_THOUSANDS.length);
        return Weighted.of(new ArrayList<>(ETHNIC_GROUPS), weights);
    }
}
