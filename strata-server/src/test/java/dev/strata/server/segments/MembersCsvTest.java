package dev.strata.server.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.server.web.ApiException;
import org.junit.jupiter.api.Test;

class MembersCsvTest {
    @Test
    void readsTheFirstColumnSkippingHeaderBlanksAndRepeats() {
        assertThat(MembersCsv.parse("\uFEFFuserId,name\r\np-1,Ann\n\n\"p,2\",\"B\"\n p-3 \np-1\n\"a\"\"b\"\n"))
                .containsExactly("p-1", "p,2", "p-3", "a\"b");
    }

    @Test
    void aFirstLineThatIsNotAHeaderIsAnId() {
        assertThat(MembersCsv.parse("p-9\np-8")).containsExactly("p-9", "p-8");
    }

    @Test
    void badIdsAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> MembersCsv.parse("id\np-1\n\"open\n")).isInstanceOf(ApiException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> MembersCsv.parse("p-1\n" + "x".repeat(600))).hasMessageContaining("line 2").hasMessageContaining("600");
        assertThatThrownBy(() -> MembersCsv.parse("a\u0001b")).hasMessageContaining("control character");
        assertThatThrownBy(() -> MembersCsv.parse(",x")).hasMessageContaining("empty");
    }
}
