package dev.strata.server.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.server.TestServer;
import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Scorecards over HTTP, every figure checked against counts made on the side from the generated people. */
class ScorecardHttpTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static final Members people = new Members(300, 17);
    static String medicare;
    static String commercial;
    static String small;
    static String near;
    static String withEmail;

    @BeforeAll
    static void start() {
        people.addGroup("small", 5, 1);
        people.addGroup("near", 14, 12);
        s = TestServer.start(dir);
        Response r = s.ingest("batch", people.batch());
        if (r.status() != 200) throw new IllegalStateException(r.toString());
        medicare = s.createSegment("Medicare", "plan = \"medicare\"");
        commercial = s.createSegment("Commercial", "plan = \"commercial\"");
        small = s.createSegment("Small", "plan = \"small\"");
        near = s.createSegment("Near", "plan = \"near\"");
        withEmail = s.createSegment("With email", "email is not null");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static JsonNode scorecard(String id, Role role) {
        Response r = s.api("GET", "/api/segments/" + id + "/scorecard", role);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void anAdminSeesEveryFigureExactly() {
        JsonNode out = scorecard(medicare, Role.ADMIN);
        assertThat(out.get("of").asInt()).isEqualTo(5);
        JsonNode row = out.get("segment");
        Predicate<Members.Person> in = p -> p.plan().equals("medicare");
        long size = people.count(in);
        assertThat(row.get("size").asLong()).isEqualTo(size);
        assertShare(row.get("reach").get("email"), people.count(in.and(Members.Person::reachableByEmail)), size);
        assertShare(row.get("reach").get("sms"), people.count(in.and(Members.Person::reachableBySms)), size);
        assertShare(row.get("reach").get("push"), people.count(in.and(Members.Person::reachableByPush)), size);
        assertShare(row.get("reach").get("mail"), people.count(in.and(Members.Person::reachableByMail)), size);
        assertShare(row.get("reach").get("any"), people.count(in.and(Members.Person::reachable)), size);

        // Only the app signal (weight 30 of 100) can be met: no visits, bookings, surveys or step goals.
        long app = people.count(in.and(Members.Person::appThisMonth));
        assertThat(row.get("engagement").get("score").asDouble()).isCloseTo(30.0 * app / size, within(1e-9));
        assertThat(row.get("engagement").get("signals").get("recent_visit").get("count").asLong()).isZero();

        long fills = people.count(in.and(p -> p.adherent() != null));
        long adherent = people.count(in.and(p -> Boolean.TRUE.equals(p.adherent())));
        JsonNode statins = rate(row, "statins");
        assertThat(statins.get("eligible").asLong()).isEqualTo(fills);
        assertThat(statins.get("adherent").asLong()).isEqualTo(adherent);
        assertThat(statins.get("rate").asDouble()).isCloseTo((double) adherent / fills, within(1e-12));
        assertThat(rate(row, "diabetes").get("eligible").asLong()).isZero();
        assertThat(rate(row, "diabetes").get("rate").isNull()).isTrue();
        assertThat(row.get("adherenceGap").asDouble()).isCloseTo(1 - (double) adherent / fills, within(1e-12));

        long breastEligible = people.count(in.and(Members.Person::breastEligible));
        long breastDue = people.count(in.and(Members.Person::breastEligible).and(p -> !p.mammogram()));
        JsonNode breast = rate(row, "breast");
        assertThat(breast.get("eligible").asLong()).isEqualTo(breastEligible);
        assertThat(breast.get("due").asLong()).isEqualTo(breastDue);
        // Everyone on Medicare here is 66-73: all are due for colorectal screening (none had one); no one for cervical.
        assertThat(rate(row, "colorectal").get("due").asLong()).isEqualTo(size);
        assertThat(rate(row, "cervical").get("eligible").asLong()).isZero();
        assertThat(row.get("screeningGap").asDouble()).isCloseTo((double) (breastDue + size) / (breastEligible + size), within(1e-12));

        JsonNode overlap = row.get("overlaps").get(0);
        assertThat(overlap.get("name").asString()).isEqualTo("With email");
        assertThat(overlap.get("count").asLong()).isEqualTo(people.count(in.and(p -> p.email() != null)));
        // Days before creation are reconstructed: everyone was on their plan 30 days ago already.
        assertThat(row.get("size30dAgo").asLong()).isEqualTo(size);
        assertThat(row.get("growth").asDouble()).isZero();
    }

    @Test
    void theRankingFollowsTheWeights() {
        List<String> bySize = order(s.api("GET", "/api/scorecard?weights=size:1", Role.ADMIN).json());
        assertThat(bySize).containsExactly("With email", "Commercial", "Medicare", "Near", "Small");
        assertThat(order(s.api("GET", "/api/scorecard?weights=size:-1", Role.ADMIN).json()))
                .containsExactly("Small", "Near", "Medicare", "Commercial", "With email");

        JsonNode byEmail = s.api("POST", "/api/scorecard", Role.ADMIN, "{\"weights\":{\"reach.email\":1}}").json();
        assertThat(byEmail.get("weights").get("reach.email").asDouble()).isEqualTo(1);
        // Ranked on credibility-weighted shares: 30 members' worth of the population's share added to each.
        JsonNode everyone = byEmail.get("population");
        assertThat(everyone.get("size").asLong()).isEqualTo(people.people.size());
        assertThat(everyone.get("reach").get("email").get("count").asLong()).isEqualTo(people.count(Members.Person::reachableByEmail));
        double prior = everyone.get("reach").get("email").get("share").asDouble();
        double last = Double.MAX_VALUE;
        for (JsonNode row : byEmail.get("segments")) {
            double weighted = (row.get("reach").get("email").get("count").asLong() + 30 * prior) / (row.get("size").asLong() + 30.0);
            assertThat(row.get("rankingMetrics").get("reach.email").asDouble()).isCloseTo(weighted, within(1e-12));
            assertThat(weighted).isLessThanOrEqualTo(last);
            assertThat(row.get("score").asDouble()).isBetween(0.0, 100.0);
            last = weighted;
        }
        assertThat(byEmail.get("segments").get(0).get("contributions").get("reach.email").asDouble()).isEqualTo(100);
        JsonNode defaults = s.api("GET", "/api/scorecard", Role.ADMIN).json();
        assertThat(defaults.get("weights").get("screening_gap").asDouble()).isEqualTo(1);
        assertThat(defaults.get("rules").get("channels").get(0).get("reachable").asString()).isEqualTo("email is not null and consent.email = true");
    }

    @Test
    void aFewMembersAllReachableDoNotOutrankManyMostlyReachable() {
        // By raw share "Small" (5 of 5 by mail) would tie with "Near" (14 of 14) and beat "Medicare";
        // weighted by credibility, fewer members weigh less.
        List<String> order = order(s.api("GET", "/api/scorecard?weights=reach.mail:1", Role.ADMIN).json());
        assertThat(order.indexOf("Near")).isLessThan(order.indexOf("Small"));
        JsonNode row = scorecard(small, Role.ADMIN).get("segment");
        assertThat(row.get("metrics").get("reach.mail").asDouble()).isEqualTo(1.0);
        assertThat(row.get("rankingMetrics").get("reach.mail").asDouble()).isLessThan(1.0);
    }

    @Test
    void analystsSeeNoSmallCountAndNoFigureBuiltOnOne() {
        JsonNode adminAll = s.api("GET", "/api/scorecard", Role.ADMIN).json();
        assertThat(smallCounts(adminAll)).as("the admin's answer has small counts, so the check below can fail").isNotEmpty();
        JsonNode all = s.api("GET", "/api/scorecard", Role.ANALYST).json();
        assertThat(smallCounts(all)).isEmpty();

        JsonNode smallRow = scorecard(small, Role.ANALYST).get("segment");
        assertThat(smallRow.get("size").asString()).isEqualTo("<11");
        assertThat(smallRow.get("reach").get("mail").get("count").asString()).isEqualTo("<11");
        assertThat(smallRow.get("reach").get("mail").get("share").isNull()).isTrue();
        assertThat(smallRow.get("engagement").get("score").isNull()).isTrue();
        smallRow.get("metrics").properties().forEach(e -> assertThat(e.getValue().isNull()).as(e.getKey()).isTrue());
        assertThat(smallRow.get("score").isNull()).isTrue();

        // 12 of the 14 have email: 12 is not small, but 14 - 12 would show the 2 without it.
        JsonNode nearRow = scorecard(near, Role.ANALYST).get("segment");
        assertThat(nearRow.get("size").asLong()).isEqualTo(14);
        assertThat(nearRow.get("reach").get("email").get("count").asString()).isEqualTo("hidden");
        assertThat(nearRow.get("reach").get("email").get("share").isNull()).isTrue();
        assertThat(nearRow.get("reach").get("mail").get("count").asLong()).isEqualTo(14);
        assertThat(nearRow.get("reach").get("mail").get("share").asDouble()).isEqualTo(1.0);
        JsonNode adminNear = scorecard(near, Role.ADMIN).get("segment");
        assertThat(adminNear.get("reach").get("email").get("count").asLong()).isEqualTo(12);
    }

    @Test
    void badWeightsAndUnknownSegmentsAreClientErrors() {
        assertError(s.api("GET", "/api/scorecard?weights=popularity:1", Role.ADMIN), 400, "unknown metric 'popularity'");
        assertError(s.api("GET", "/api/scorecard?weights=size", Role.ADMIN), 400, "'size' is not metric:weight");
        assertError(s.api("GET", "/api/scorecard?weights=size:lots", Role.ADMIN), 400, "the weight of 'size' is not a number");
        assertError(s.api("GET", "/api/scorecard?weights=size:1,size:2", Role.ADMIN), 400, "'size' is given twice");
        assertError(s.api("POST", "/api/scorecard", Role.ADMIN, "{\"weights\":{\"size\":1000}}"), 400, "from -100 to 100");
        assertError(s.api("POST", "/api/scorecard", Role.ADMIN, "{\"weights\":[1]}"), 400, "");
        assertError(s.api("GET", "/api/segments/seg_nope/scorecard", Role.ANALYST), 404, "no segment");
    }

    private static void assertError(Response r, int status, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().get("error").asString()).contains(message);
    }

    private static void assertShare(JsonNode cell, long count, long size) {
        assertThat(cell.get("count").asLong()).isEqualTo(count);
        assertThat(cell.get("share").asDouble()).isCloseTo((double) count / size, within(1e-12));
    }

    private static JsonNode rate(JsonNode row, String name) {
        for (JsonNode r : row.get("rates")) if (r.get("name").asString().equals(name)) return r;
        throw new AssertionError("no rate " + name);
    }

    private static List<String> order(JsonNode ranking) {
        List<String> out = new ArrayList<>();
        int rank = 0;
        for (JsonNode row : ranking.get("segments")) {
            assertThat(row.get("rank").asInt()).isEqualTo(++rank);
            out.add(row.get("name").asString());
        }
        return out;
    }

    private static final Set<String> COUNT_KEYS = Set.of("size", "size30dAgo", "count", "eligible", "adherent", "due");

    /** Every count field holding a number from 1 to 10, with its path. */
    private static List<String> smallCounts(JsonNode node) {
        List<String> out = new ArrayList<>();
        walk(node, "", out);
        return out;
    }

    private static void walk(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                JsonNode v = e.getValue();
                if (COUNT_KEYS.contains(e.getKey()) && v.isIntegralNumber() && v.asLong() >= 1 && v.asLong() <= 10) {
                    out.add(path + "." + e.getKey() + "=" + v.asLong());
                }
                walk(v, path + "." + e.getKey(), out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(node.get(i), path + "[" + i + "]", out);
        }
    }
}
