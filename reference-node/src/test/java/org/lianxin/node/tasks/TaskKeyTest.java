package org.lianxin.node.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TaskKeyTest {

    @Test
    @DisplayName("LX-TASK-7 a topic is one whatever its full-width spaces, spacing and letter case; the month of the due date is part of an action's key")
    void actionKeys() {
        String a = TaskKey.actionRequest("ThemedPartyDay", "  学习贯彻　二十届三中全会精神 ", YearMonth.of(2026, 12));
        String b = TaskKey.actionRequest("ThemedPartyDay", "学习贯彻 二十届三中全会精神", YearMonth.of(2026, 12));
        assertEquals(a, b);
        assertEquals("ActionRequest\nThemedPartyDay\n学习贯彻 二十届三中全会精神\n2026-12", a);
        assertEquals(TaskKey.actionRequest("PartyLecture", "ＡＢＣ  Study", YearMonth.of(2026, 1)),
                TaskKey.actionRequest("PartyLecture", "abc study", YearMonth.of(2026, 1)), "NFKC folds full-width letters; case is ignored");
        assertNotEquals(a, TaskKey.actionRequest("ThemedPartyDay", "学习贯彻 二十届三中全会精神", YearMonth.of(2027, 1)));
        assertNotEquals(a, TaskKey.actionRequest("PartyLecture", "学习贯彻 二十届三中全会精神", YearMonth.of(2026, 12)));
    }

    @Test
    @DisplayName("LX-TASK-7 a data request's asked fields count as a set, in code point order")
    void dataKeys() {
        String a = TaskKey.dataRequest(Optional.of("DuesCollection"), Optional.of("2026-10"), List.of("志愿服务时长", " 困难党员人数", "志愿服务时长"));
        String b = TaskKey.dataRequest(Optional.of("DuesCollection"), Optional.of("2026-10"), List.of("困难党员人数", "志愿服务时长"));
        assertEquals(a, b);
        assertEquals("DataRequest\nDuesCollection\n2026-10\n困难党员人数\n志愿服务时长", a);
        assertEquals("DataRequest\n\n\n志愿服务时长", TaskKey.dataRequest(Optional.empty(), Optional.empty(), List.of("志愿服务时长")));
        assertNotEquals(a, TaskKey.dataRequest(Optional.of("DuesCollection"), Optional.of("2026-11"), List.of("困难党员人数", "志愿服务时长")));
    }
}
