package dev.strata.server.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.store.SegmentRepository.SegmentRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentOrderTest {
    private static SegmentRecord seg(String name, String definition) {
        return new SegmentRecord("id-" + name, name, definition, "dynamic", Instant.EPOCH, Instant.EPOCH, "t");
    }

    @Test
    void aSegmentComesAfterEverySegmentItRefersToWhateverTheSavedOrder() {
        List<SegmentRecord> saved = List.of(
                seg("a", "in segment \"c\" and x = 1"),
                seg("b", "y = 2"),
                seg("c", "in segment \"b\" or in segment \"d\""),
                seg("d", "z = 3"),
                new SegmentRecord("id-e", "e", null, "static", Instant.EPOCH, Instant.EPOCH, "t"));
        List<String> order = SegmentOrder.dependenciesFirst(saved).stream().map(SegmentRecord::name).toList();
        assertThat(order).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(order.indexOf("c")).isGreaterThan(order.indexOf("b")).isGreaterThan(order.indexOf("d"));
        assertThat(order.indexOf("a")).isGreaterThan(order.indexOf("c"));
    }

    @Test
    void unknownReferencesAndUnparsableDefinitionsDoNotLoseSegments() {
        List<SegmentRecord> saved = List.of(seg("a", "in segment \"gone\""), seg("b", "((("));
        assertThat(SegmentOrder.dependenciesFirst(saved)).extracting(SegmentRecord::name).containsExactly("a", "b");
    }
}
