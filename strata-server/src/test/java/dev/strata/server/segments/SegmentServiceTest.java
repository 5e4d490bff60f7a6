package dev.strata.server.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.engine.PopulationBuilder;
import dev.strata.ingest.MessageParser;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.live.LiveEngine;
import dev.strata.model.Message;
import dev.strata.server.live.ChangeDispatcher;
import dev.strata.server.ops.StrataMetrics;
import dev.strata.server.segments.SegmentService.NewSegment;
import dev.strata.server.web.ApiException;
import dev.strata.store.SegmentRepository.SegmentRecord;
import dev.strata.store.Store;
import dev.strata.store.Stores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/** {@link SegmentService}: sets created whole or not at all, and saved definitions parsed once per text. */
class SegmentServiceTest {
    @TempDir
    Path dir;
    Store store;
    SegmentService segments;

    @BeforeEach
    void open() throws Exception {
        store = Stores.open(null, dir);
        LiveEngine engine = new LiveEngine(new PopulationBuilder(Long.MAX_VALUE).build(), System::currentTimeMillis);
        List<Message> people = new ArrayList<>();
        for (String u : List.of("a", "b", "c")) {
            byte[] json = ("{\"type\":\"identify\",\"userId\":\"" + u + "\",\"traits\":{\"plan\":\"" + (u.equals("a") ? "medicare" : "hmo")
                    + "\"},\"timestamp\":\"2026-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
            people.add(MessageParser.parse(json, 0, json.length, 0L));
        }
        engine.apply(people);
        segments = new SegmentService(store, engine, new ChangeDispatcher(store, List.of(), new StrataMetrics(new SimpleMeterRegistry())));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<String> names(List<SegmentRecord> records) {
        return records.stream().map(SegmentRecord::name).toList();
    }

    @Test
    void createsDynamicAndStaticSegmentsInTheOrderGiven() {
        List<SegmentRecord> created = segments.createAll(List.of(
                new NewSegment("Medicare", "plan = \"medicare\"", "dynamic", null),
                new NewSegment("Picked", null, "static", List.of("b", "c"))), "tester", "nothing created");

        assertThat(names(created)).containsExactly("Medicare", "Picked");
        assertThat(segments.size(created.get(0).id())).isEqualTo(1);
        assertThat(created.get(1).kind()).isEqualTo("static");
        assertThat(segments.allMemberIds(created.get(1).id())).containsExactlyInAnyOrder("b", "c");
        assertThat(names(segments.list())).containsExactlyInAnyOrder("Medicare", "Picked");
    }

    @Test
    void aTakenNameAnywhereInTheSetCreatesNone() {
        segments.create("Last", "plan = \"hmo\"", "dynamic", "tester");

        assertThatThrownBy(() -> segments.createAll(List.of(
                new NewSegment("First", "plan = \"medicare\"", "dynamic", null),
                new NewSegment("Second", null, "static", List.of("a")),
                new NewSegment(" Last ", "plan = \"hmo\"", "dynamic", null)), "tester", "nothing was created"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT))
                .hasMessage("a segment named 'Last' exists already: nothing was created");
        assertThat(names(segments.list())).containsExactly("Last");
    }

    @Test
    void aNameRepeatedInTheSetCreatesNone() {
        assertThatThrownBy(() -> segments.createAll(List.of(
                new NewSegment("Twice", "plan = \"medicare\"", "dynamic", null),
                new NewSegment("Twice", "plan = \"hmo\"", "dynamic", null)), "tester", "nothing was created"))
                .hasMessage("the name 'Twice' is given twice: nothing was created");
        assertThat(segments.list()).isEmpty();
    }

    @Test
    void aSavedDefinitionIsParsedOnceAndAgainAfterAnUpdate() {
        SegmentRecord s = segments.create("Medicare", "plan = \"medicare\"", "dynamic", "tester");
        Condition first = segments.condition(s);
        assertThat(first).isEqualTo(SegmentParser.parse("plan = \"medicare\""));
        assertThat(segments.condition(segments.get(s.id()))).isSameAs(first);

        SegmentRecord updated = segments.update(s.id(), null, "plan = \"hmo\"", null);
        Condition second = segments.condition(updated);
        assertThat(second).isEqualTo(SegmentParser.parse("plan = \"hmo\"")).isNotEqualTo(first);
        assertThat(segments.condition(segments.get(s.id()))).isSameAs(second);
        // a record read before the update still answers for its own text
        assertThat(segments.condition(s)).isEqualTo(first);

        SegmentRecord uploaded = segments.create("Picked", null, "static", "tester");
        assertThat(segments.condition(uploaded)).isNull();
    }
}
