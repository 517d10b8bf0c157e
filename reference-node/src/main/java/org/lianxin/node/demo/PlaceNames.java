package org.lianxin.node.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Invented but plausible Chinese place names. Every name drawn from one instance is new, so a
 * province never has two cities, or a county two towns, of the same name (which would make the
 * demo confusing, though real China has some). Two-character names are built from characters
 * common in real place names; some coincide with real places, as invented names always will.
 */
final class PlaceNames {

    /** Invented provinces with a GB/T 2260 province code that no real province uses (38–40). */
    static final String[][] PROVINCES = {{"江南省", "38"}, {"岭东省", "39"}, {"河西省", "40"}};

    private static final String FIRST = "青柳双梅松桃龙凤金玉石白安永长清云丰宁泰德平兴华高东南西北临新古汉阳"
            + "嘉明天文武富昌盛和鹤鸣潭瑞仁";
    private static final String SECOND = "山溪桥岭阳源泉台口江河川林城丘水田湖平宁丰州陵屯坪塘洲湾岗";
    private static final String[] DISTRICTS = {"城关区", "东城区", "西城区", "江北区", "南湖区", "新城区", "河东区", "北塘区"};
    private static final String[] STREETS = {"人民路", "建设路", "解放路", "中山路", "文化路", "新华街", "和平路", "胜利路",
            "府前街", "东风路", "迎宾大道", "滨江路", "育才路", "光明街", "工业路", "朝阳路"};
    private static final String[] VILLAGE_WORDS = {"家", "庄", "塘", "坪", "湾", "岗", "桥", "沟"};

    private final SplittableRandom random;
    private final Set<String> used = new HashSet<>(); // membership test only; never iterated

    PlaceNames(SplittableRandom random) {
        this.random = random;
    }

    /** A new two-character name, e.g. 青山, 柳溪. */
    String twoCharacters() {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            char a = FIRST.charAt(random.nextInt(FIRST.length()));
            char b = SECOND.charAt(random.nextInt(SECOND.length()));
            String name = "" + a + b;
            if (a != b && used.add(name)) {
                return name;
            }
        }
        // More names asked for than the characters give: number them (only for outsized demo trees).
        return FIRST.charAt(random.nextInt(FIRST.length())) + String.valueOf(used.size());
    }

    /** A city district for the first county-level unit of a city, e.g. 城关区. */
    String district(int cityIndex) {
        return DISTRICTS[cityIndex % DISTRICTS.length];
    }

    /** A village name: a surname-like first character and a landscape word, or a plain two-character name. */
    String village() {
        if (random.nextInt(3) == 0) {
            String surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗";
            for (int attempt = 0; attempt < 100; attempt++) {
                String name = surnames.charAt(random.nextInt(surnames.length()))
                        + VILLAGE_WORDS[random.nextInt(VILLAGE_WORDS.length)];
                if (used.add(name)) {
                    return name;
                }
            }
        }
        return twoCharacters();
    }

    String street() {
        return STREETS[random.nextInt(STREETS.length)];
    }

    /** A street address inside {@code locality}, e.g. 江南省临川市青山县人民路18号. */
    String streetAddress(String locality) {
        return locality + street() + (1 + random.nextInt(300)) + "号";
    }

    /** Several new names at once, in draw order. */
    List<String> twoCharacters(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(twoCharacters());
        }
        return names;
    }
}
