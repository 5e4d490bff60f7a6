package dev.strata.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer;
import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A segment's size over time: reconstructed before creation from the cohort's events, from the change log after; and the list's trend fields. */
class HistoryHttpTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static Cohort cohort = new Cohort(200, 31);
    static final String DEFINITION = "did \"App Open\" within 7d";
    static String id;

    @BeforeAll
    static void start() throws InterruptedException {
        s = Cohort.serve(dir, cohort);
        id = s.createSegment("Opened the app this week", DEFINITION);
        awaitLoggedEntries(id, s.get("/api/segments/" + id).json().get("size").asLong());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** The change log is written just after the engine changes: wait for the creation's entries. */
    static void awaitLoggedEntries(String segment, long n) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (s.get("/api/segments/" + segment + "/changes?limit=10000").json().get("changes").size() >= n) return;
            Thread.sleep(25);
        }
        throw new AssertionError("the change log did not catch up");
    }

    /** Who had an App Open in the 7 days up to the end of {@code day}, counted from the cohort. */
    static long expectedSize(LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
        Instant start = end.minus(Duration.ofDays(7));
        return cohort.people.stream().filter(p -> p.appOpens().stream().anyMatch(t -> t.isAfter(start) && !t.isAfter(end))).count();
    }

    @Test
    void daysBeforeCreationAreReconstructedFromTheEventsOfEachDay() {
        JsonNode h = s.api("GET", "/api/segments/" + id + "/history?days=30", Role.EDITOR).json();
        JsonNode points = h.get("points");
        assertThat(points.size()).isEqualTo(30);
        LocalDate today = Cohort.day(Instant.now());
        for (int i = 0; i < 30; i++) {
            JsonNode p = points.get(i);
            LocalDate day = today.minusDays(29 - i);
            assertThat(p.get("day").asString()).isEqualTo(day.toString());
            assertThat(p.get("reconstructed").asBoolean()).isEqualTo(i < 29);
            if (i < 29) assertThat(p.get("size").asLong()).as(day.toString()).isEqualTo(expectedSize(day));
            if (i > 0 && i < 29) {
                long delta = p.get("size").asLong() - points.get(i - 1).get("size").asLong();
                assertThat(p.get("entered").asLong() - p.get("exited").asLong()).isEqualTo(delta);
            }
        }
        JsonNode todays = points.get(29);
        long size = s.get("/api/segments/" + id).json().get("size").asLong();
        assertThat(todays.get("size").asLong()).isEqualTo(size);
        assertThat(todays.get("entered").asLong()).isEqualTo(size); // created today: everyone entered
        assertThat(h.get("createdAt").asString()).isNotBlank();
    }

    @Test
    void aLateEventChangesTheReconstructedDaysFromItsOwn() {
        String definition = "did \"Late Visit\" within 30d";
        String late = s.createSegment("Late visitors", definition);
        JsonNode before = s.api("GET", "/api/segments/" + late + "/history?days=10", Role.EDITOR).json().get("points");
        assertThat(before.get(0).get("size").asLong()).isZero();
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        assertThat(s.ingest("track", dev.strata.server.Messages.track("late-1", "Late Visit", "late-1-a", threeDaysAgo)).status()).isEqualTo(200);
        JsonNode after = s.api("GET", "/api/segments/" + late + "/history?days=10", Role.EDITOR).json().get("points");
        LocalDate eventDay = Cohort.day(threeDaysAgo);
        for (int i = 0; i < 9; i++) {
            LocalDate day = LocalDate.parse(after.get(i).get("day").asString());
            assertThat(after.get(i).get("size").asLong()).as(day.toString()).isEqualTo(day.isBefore(eventDay) ? 0 : 1);
        }
    }

    @Test
    void theListCarriesTrendsFromTheHistory() {
        JsonNode h = s.api("GET", "/api/segments/" + id + "/history?days=31", Role.EDITOR).json().get("points");
        JsonNode row = null;
        for (JsonNode r : s.api("GET", "/api/segments", Role.EDITOR).json().get("segments")) if (r.get("id").asString().equals(id)) row = r;
        assertThat(row).isNotNull();
        assertThat(row.get("sparkline").size()).isEqualTo(30);
        for (int i = 0; i < 30; i++) assertThat(row.get("sparkline").get(i).asLong()).isEqualTo(h.get(i + 1).get("size").asLong());
        long now = h.get(30).get("size").asLong();
        assertThat(row.get("change7d").asLong()).isEqualTo(now - h.get(23).get("size").asLong());
        assertThat(row.get("change30d").asLong()).isEqualTo(now - h.get(0).get("size").asLong());
        assertThat(Instant.parse(row.get("lastChange").asString())).isBefore(Instant.now().plusSeconds(1)).isAfter(Instant.now().minusSeconds(600));

        String nobody = s.createSegment("Nobody at all", "gender = \"no such gender\"");
        JsonNode empty = null;
        for (JsonNode r : s.api("GET", "/api/segments", Role.EDITOR).json().get("segments")) if (r.get("id").asString().equals(nobody)) empty = r;
        assertThat(empty).isNotNull();
        assertThat(empty.get("lastChange").isNull()).isTrue();
    }

    @Test
    void anAnalystSeesNoDayThatGivesASmallCountAway() {
        String small = s.createSegment("Rare refillers", "did \"Medication Refill\" within 20d");
        Response r = s.api("GET", "/api/segments/" + small + "/history?days=30", Role.ANALYST);
        assertThat(r.status()).isEqualTo(200);
        JsonNode points = r.json().get("points");
        JsonNode exact = s.api("GET", "/api/segments/" + small + "/history?days=30", Role.ADMIN).json().get("points");
        assertThat(points.size()).isEqualTo(30).isEqualTo(exact.size());
        int smallCounts = 0;
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            for (String f : new String[] {"size", "entered", "exited"}) {
                long e = exact.get(i).get(f).asLong();
                if (e >= 1 && e <= 10) {
                    smallCounts++;
                    assertThat(p.get(f).asString()).as(f + " of " + p).isEqualTo("<11");
                }
                if (p.get(f).isNumber()) assertThat(p.get(f).asLong()).as(f + " of " + p).isEqualTo(e);
            }
            if (i > 0 && i < points.size() - 1) {
                int notShown = 0;
                for (JsonNode c : new JsonNode[] {points.get(i - 1).get("size"), p.get("entered"), p.get("exited"), p.get("size")}) {
                    if (!c.isNumber()) notShown++;
                }
                assertThat(notShown).as(points.get(i - 1) + " then " + p).isNotEqualTo(1);
            }
        }
        assertThat(smallCounts).as("the segment's history has counts from 1 to 10 to hide").isPositive();
        assertThat(s.api("GET", "/api/segments/" + small + "/history?days=0", Role.ANALYST).status()).isEqualTo(400);
        assertThat(s.api("GET", "/api/segments/seg_nope/history", Role.ANALYST).status()).isEqualTo(404);
    }
}
