package dev.strata.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.lang.SegmentParser;
import org.junit.jupiter.api.Test;

class StandardWorkloadTest {

    /** A typo in a definition would otherwise only show up as a failed benchmark run. */
    @Test
    void everyDefinitionParses() {
        assertThat(StandardWorkload.QUERIES).extracting(WorkloadQuery::id)
                .containsExactly("Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8");
        for (WorkloadQuery q : StandardWorkload.QUERIES) {
            assertThat(SegmentParser.parse(q.definition())).as(q.id()).isNotNull();
        }
    }

    @Test
    void unknownIdsNameTheBadValue() {
        assertThatThrownBy(() -> StandardWorkload.byId("Q9")).hasMessageContaining("'Q9'");
    }
}
