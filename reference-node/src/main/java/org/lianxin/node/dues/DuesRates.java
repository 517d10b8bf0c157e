package org.lianxin.node.dues;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lianxin.spec.LX;
import org.lianxin.spec.SpecResources;

/**
 * The rates of party dues the node applies (spec 9.4, Table 9.5): the national rates of
 * 中组发〔2008〕3号, read from the spec's {@code dues/rates.ttl}, with the node's amount for farmers
 * ({@code lianxin.dues.farmer-amount}, policy). Rates are data here, never constants in code.
 */
@ApplicationScoped
public class DuesRates {

    /** The categories of Table 9.4, in its order: their JSON values. */
    public static final List<String> CATEGORIES = List.of("Employed", "Retired", "Farmer", "Student", "Unemployed", "MinimumLivingAllowance");

    /** One bracket: {@code rate} of the whole base, for bases up to {@code upTo} inclusive (none for the highest). */
    public record Bracket(Optional<BigDecimal> upTo, BigDecimal rate) {}

    /** A category's rule: brackets on a base, or a fixed amount. */
    public record Rule(String category, List<Bracket> brackets, Optional<BigDecimal> fixedAmount) {}

    @Inject
    @ConfigProperty(name = "lianxin.dues.farmer-amount", defaultValue = "0.20")
    String farmerAmount;

    private Map<String, Rule> rules;

    /** The national rates with {@code farmerAmount} for farmers, outside CDI (tests, the demo generator). */
    public static DuesRates of(BigDecimal farmerAmount) {
        DuesRates rates = new DuesRates();
        rates.farmerAmount = farmerAmount.toPlainString();
        rates.load();
        return rates;
    }

    @PostConstruct
    void load() {
        Model table = ModelFactory.createModelForGraph(SpecResources.graph(SpecResources.DUES_RATES));
        BigDecimal farmer = new BigDecimal(farmerAmount.strip()).setScale(2, RoundingMode.UNNECESSARY);
        Map<String, Rule> loaded = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            Resource concept = table.createResource(LX.NS + category);
            List<Bracket> brackets = new ArrayList<>();
            concept.listProperties(LX.bracket).forEach(s -> {
                Resource b = s.getResource();
                brackets.add(new Bracket(Optional.ofNullable(b.getProperty(LX.upTo)).map(u -> decimal(u.getString())),
                        decimal(b.getRequiredProperty(LX.rate).getString())));
            });
            brackets.sort(Comparator.comparing(b -> b.upTo().orElse(null), Comparator.nullsLast(Comparator.naturalOrder())));
            Optional<BigDecimal> fixed = Optional.ofNullable(concept.getProperty(LX.fixedAmount)).map(f -> decimal(f.getString()));
            if (concept.hasProperty(LX.minimumAmount)) {
                // 中组发〔2008〕3号 第六条: farmers pay 0.2 to 1 yuan a month; the amount is node policy.
                BigDecimal min = decimal(concept.getRequiredProperty(LX.minimumAmount).getString());
                BigDecimal max = decimal(concept.getRequiredProperty(LX.maximumAmount).getString());
                if (farmer.compareTo(min) < 0 || farmer.compareTo(max) > 0) {
                    throw new IllegalArgumentException("lianxin.dues.farmer-amount must lie within " + min + " and " + max);
                }
                fixed = Optional.of(farmer);
            }
            loaded.put(category, new Rule(category, List.copyOf(brackets), fixed.map(a -> a.setScale(2, RoundingMode.UNNECESSARY))));
        }
        rules = loaded;
    }

    /**
     * The monthly dues of a member (LX-DUES-5): for a category with brackets, the rate of the bracket
     * its base falls in, upper bounds inclusive, applied to the whole base — not progressively
     * (中组发〔2008〕3号 第三条、第五条) — rounded half up to the fen; else the fixed amount. Empty when
     * the category needs a base and there is none.
     */
    public Optional<BigDecimal> assess(String category, Optional<BigDecimal> base) {
        Rule rule = rules.get(category);
        if (rule == null) {
            return Optional.empty();
        }
        if (rule.fixedAmount().isPresent()) {
            return rule.fixedAmount();
        }
        return base.map(b -> rule.brackets().stream()
                .filter(bracket -> bracket.upTo().map(up -> b.compareTo(up) <= 0).orElse(true))
                .findFirst().orElseThrow()
                .rate().multiply(b).setScale(2, RoundingMode.HALF_UP));
    }

    /** The rate table of Table 9.6, as {@code GET {base}/dues/rates} answers it (LX-DUES-4). */
    public JsonObject toJson() {
        JsonArrayBuilder categories = JSON.createArrayBuilder();
        rules.values().forEach(rule -> {
            JsonObjectBuilder c = JSON.createObjectBuilder().add("category", rule.category());
            if (rule.fixedAmount().isPresent()) {
                c.add("fixedAmount", rule.fixedAmount().get().toPlainString());
            } else {
                JsonArrayBuilder brackets = JSON.createArrayBuilder();
                rule.brackets().forEach(b -> {
                    JsonObjectBuilder bracket = JSON.createObjectBuilder();
                    b.upTo().ifPresent(u -> bracket.add("upTo", u.setScale(2, RoundingMode.UNNECESSARY).toPlainString()));
                    brackets.add(bracket.add("rate", b.rate().toPlainString()));
                });
                c.add("brackets", brackets);
            }
            categories.add(c);
        });
        return JSON.createObjectBuilder().add("source", "中组发〔2008〕3号").add("rounding", "half-up to 0.01")
                .add("categories", categories).build();
    }

    private static BigDecimal decimal(String text) {
        return new BigDecimal(text.strip());
    }
}
