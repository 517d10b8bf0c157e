package org.lianxin.node.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.jena.graph.Node;
import org.lianxin.node.demo.PlannedOrganization.County;
import org.lianxin.node.demo.PlannedOrganization.Workplace;
import org.lianxin.node.demo.PlannedOrganization.WorkplaceKind;
import org.lianxin.node.demo.PrimaryUnit.PlannedBranch;
import org.lianxin.node.demo.PrimaryUnit.PlannedGeneralBranch;

/**
 * Lays out the organization tree of one invented province: province → cities → counties →
 * primary committees → branches, with a general branch in some committees and one joint branch.
 * Organizations come out parents first, in slug order within a parent.
 */
final class TreeLayout {

    private final DemoTree.Spec spec;
    private final SplittableRandom random;
    private final PlaceNames provinceNames;
    private final List<PlannedOrganization> out = new ArrayList<>();
    private boolean firstCommittee = true;

    private TreeLayout(DemoTree.Spec spec, SplittableRandom random) {
        this.spec = spec;
        this.random = random;
        this.provinceNames = new PlaceNames(random);
    }

    static List<PlannedOrganization> plan(DemoTree.Spec spec, SplittableRandom random) {
        return new TreeLayout(spec, random).province();
    }

    private List<PlannedOrganization> province() {
        String[] province = PlaceNames.PROVINCES[random.nextInt(PlaceNames.PROVINCES.length)];
        String name = province[0];
        String code = province[1];
        List<String> cities = provinceNames.twoCharacters(spec.cities());
        LocalDate founded = Dates.between(random, LocalDate.of(1949, 10, 1), LocalDate.of(1950, 6, 30));
        add("province", "中共" + name + "委员会", Terms.PROVINCIAL_COMMITTEE, null, founded,
                provinceNames.streetAddress(name + cities.get(0) + "市"), code + "0000", null, null);
        for (int c = 1; c <= spec.cities(); c++) {
            city(name, code, c, cities.get(c - 1) + "市", founded);
        }
        return out;
    }

    private void city(String province, String provinceCode, int index, String city, LocalDate provinceFounded) {
        String slug = String.format("city-%02d", index);
        LocalDate founded = Dates.between(random, provinceFounded, provinceFounded.plusYears(30));
        add(slug, "中共" + city + "委员会", Terms.MUNICIPAL_COMMITTEE, "province", founded,
                provinceNames.streetAddress(province + city), provinceCode + String.format("%02d00", index), null, null);
        for (int k = 1; k <= spec.countiesPerCity(); k++) {
            // GB/T 2260 habit: a city's districts are numbered from 02, its counties from 21.
            boolean district = k == 1;
            String county = district ? provinceNames.district(index - 1) : provinceNames.twoCharacters() + "县";
            String regionCode = provinceCode + String.format("%02d%02d", index, district ? 2 : 19 + k);
            County place = new County(province, city, county, province + city + county, regionCode);
            county(place, slug + String.format("-county-%02d", k), slug, district ? city + county : county, founded);
        }
    }

    private void county(County county, String slug, String parent, String displayName, LocalDate cityFounded) {
        LocalDate founded = Dates.between(random, cityFounded, cityFounded.plusYears(5));
        add(slug, "中共" + displayName + "委员会", Terms.COUNTY_COMMITTEE, parent, founded,
                provinceNames.streetAddress(county.locality()), county.regionCode(), county, null);
        PlaceNames towns = new PlaceNames(random); // town names are unique within a county
        int bureaus = 0;
        int companies = 0;
        for (int p = 1; p <= spec.committeesPerCounty(); p++) {
            PrimaryUnit.Kind kind = committeeKind(p, bureaus, companies);
            String unit = switch (kind) {
                case TOWNSHIP -> p == 1 ? "城关镇" : towns.twoCharacters() + (random.nextInt(10) < 7 ? "镇" : "乡");
                case BUREAU -> PrimaryUnit.BUREAUS[bureaus++];
                case ENTERPRISE -> PrimaryUnit.COMPANIES[companies++];
                default -> null;
            };
            committee(new PrimaryUnit(kind, county, unit, random), slug + String.format("-pc-%02d", p), slug,
                    county.regionCode() + String.format("%03d", p), founded);
        }
    }

    /** A county's first committees are the county seat, education, the hospital and an enterprise; then mostly townships. */
    private static PrimaryUnit.Kind committeeKind(int p, int bureausUsed, int companiesUsed) {
        switch (p) {
            case 1: return PrimaryUnit.Kind.TOWNSHIP;
            case 2: return PrimaryUnit.Kind.EDUCATION;
            case 3: return PrimaryUnit.Kind.HOSPITAL;
            case 4: return PrimaryUnit.Kind.ENTERPRISE;
            default:
                if (p % 10 == 0 && companiesUsed < PrimaryUnit.COMPANIES.length) {
                    return PrimaryUnit.Kind.ENTERPRISE;
                }
                return p % 3 == 0 && bureausUsed < PrimaryUnit.BUREAUS.length ? PrimaryUnit.Kind.BUREAU : PrimaryUnit.Kind.TOWNSHIP;
        }
    }

    private void committee(PrimaryUnit unit, String slug, String parent, String code, LocalDate countyFounded) {
        County county = unit.county();
        LocalDate reference = spec.referenceDate();
        LocalDate founded = Dates.between(random, Dates.max(countyFounded, LocalDate.of(1978, 1, 1)), reference.minusYears(5));
        String place = unit.town() != null ? county.locality() + unit.town() : county.locality();
        add(slug, unit.committeeName(), Terms.PRIMARY_COMMITTEE, parent, founded, maybe(provinceNames.streetAddress(place)),
                code, county, null);

        boolean first = firstCommittee;
        firstCommittee = false;
        int branches = spec.branchesPerCommittee();
        // The first committee of the tree always shows a general branch (given room) and the one joint branch.
        int grouped = first ? (branches >= 4 ? Math.min(3, branches - 2) : 0) : (branches >= 6 && random.nextInt(10) < 3 ? 3 : 0);
        for (int j = 1; j <= branches - grouped; j++) {
            boolean joint = first && j == 2;
            PlannedBranch branch = joint ? unit.jointBranch() : unit.nextBranch();
            LocalDate from = joint ? Dates.max(founded, LocalDate.of(2012, 1, 1)) : founded;
            branch(slug + String.format("-branch-%02d", j), branch.name(), joint ? Terms.JOINT_BRANCH : Terms.BRANCH,
                    slug, from, code + String.format("%03d", j), county, branch.workplace(), place);
        }
        if (grouped > 0) {
            PlannedGeneralBranch general = unit.nextGeneralBranch();
            String generalSlug = slug + "-gb-01";
            LocalDate generalFounded = Dates.between(random, founded, reference.minusYears(2));
            add(generalSlug, general.name(), Terms.GENERAL_BRANCH, slug, generalFounded,
                    maybe(address(general.workplace(), general.unitName(), county, place)),
                    code + String.format("%03d", branches + 1), county, null);
            for (int n = 1; n <= grouped; n++) {
                int j = branches - grouped + n;
                branch(slug + String.format("-branch-%02d", j), general.branchName(n), Terms.BRANCH, generalSlug,
                        generalFounded, code + String.format("%03d", j), county, general.workplace(), place);
            }
        }
    }

    private void branch(String slug, String name, Node type, String parent, LocalDate notBefore, String code,
            County county, Workplace workplace, String place) {
        LocalDate founded = Dates.between(random, notBefore, spec.referenceDate().minusYears(1));
        String unitName = name.replaceFirst("(第[一二三四五六七八九十]+)?党支部$", "");
        add(slug, name, type, parent, founded, maybe(address(workplace, unitName, county, place)), code, county, workplace);
    }

    /** Villages and communities are addresses themselves; other units have a street address. */
    private String address(Workplace workplace, String unitName, County county, String place) {
        if (workplace.kind() == WorkplaceKind.VILLAGE || workplace.kind() == WorkplaceKind.COMMUNITY) {
            return county.locality() + unitName;
        }
        return provinceNames.streetAddress(place);
    }

    /** Optional fields are present on most, not all, organizations. */
    private String maybe(String value) {
        return random.nextInt(100) < 85 ? value : null;
    }

    private void add(String slug, String name, Node type, String parent, LocalDate founded, String address,
            String unitCode, County county, Workplace workplace) {
        out.add(new PlannedOrganization(slug, name, type, parent, founded, address, unitCode, county, workplace));
    }
}
