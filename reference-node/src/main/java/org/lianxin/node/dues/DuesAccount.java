package org.lianxin.node.dues;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A member's dues over the twelve months up to {@code to} (spec 9.6, Table 9.11): what was assessed
 * and paid each month the member was liable, the unpaid months, and the consecutive unpaid months
 * back from {@code to}, across the turn of the year as across any month.
 *
 * @param paid the sum paid per month, for the months with at least one payment
 */
public record DuesAccount(MemberDues member, Optional<BigDecimal> assessment, YearMonth to, Map<YearMonth, BigDecimal> paid) {

    /** 中组发〔2008〕3号: six consecutive months without paying count as leaving the party; the node only flags it. */
    public static final int ARREARS_FLAG = 6;

    /** The months of the account: the twelve up to {@code to} in which the member was liable (LX-DUES-6), oldest first. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = to.minusMonths(11); !m.isAfter(to); m = m.plusMonths(1)) {
            if (member.liableIn(m)) {
                months.add(m);
            }
        }
        return months;
    }

    /** LX-DUES-15: liable, and no payment of the member for the month, whatever its amount. */
    public boolean unpaid(YearMonth month) {
        return member.liableIn(month) && !paid.containsKey(month);
    }

    /** LX-DUES-16: the unpaid months that follow each other back from {@code to}, within the twelve. */
    public int consecutiveUnpaid() {
        int run = 0;
        for (YearMonth m = to; run < 12 && unpaid(m); m = m.minusMonths(1)) {
            run++;
        }
        return run;
    }

    public boolean flagged() {
        return consecutiveUnpaid() >= ARREARS_FLAG;
    }

    /** The first of the consecutive unpaid months. */
    public YearMonth since() {
        return to.minusMonths(Math.max(0, consecutiveUnpaid() - 1));
    }

    public JsonObject toJson() {
        JsonArrayBuilder months = JSON.createArrayBuilder();
        List<YearMonth> liable = months();
        for (YearMonth m : liable) {
            JsonObjectBuilder month = JSON.createObjectBuilder().add("month", m.toString());
            assessment.ifPresentOrElse(a -> month.add("assessed", Money.text(a)), () -> month.addNull("assessed"));
            months.add(month.add("paid", Money.text(paid.getOrDefault(m, BigDecimal.ZERO))).add("status", unpaid(m) ? "unpaid" : "paid"));
        }
        JsonObjectBuilder json = JSON.createObjectBuilder().add("member", member.member().getURI());
        member.category().ifPresentOrElse(c -> json.add("category", c), () -> json.addNull("category"));
        assessment.ifPresentOrElse(a -> json.add("assessment", Money.text(a)), () -> json.addNull("assessment"));
        member.liableFrom().ifPresentOrElse(f -> json.add("liableFrom", f.toString()), () -> json.addNull("liableFrom"));
        return json.add("to", to.toString())
                .add("months", months)
                .add("unpaidMonths", liable.stream().filter(this::unpaid).count())
                .add("consecutiveUnpaid", consecutiveUnpaid())
                .add("flagged", flagged())
                .build();
    }
}
