package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.reference.ReferenceEvaluator;
import dev.strata.testing.ConformanceCase;
import dev.strata.testing.RegressionFiles;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every case kept under {@code src/test/resources/regressions}: the engine must agree
 * with the reference, and where a case lists its members by hand, the reference must give them.
 */
class RegressionCasesTest {

    @TestFactory
    Stream<DynamicTest> every_kept_case_still_agrees() {
        List<Path> dirs = RegressionFiles.list(root());
        assertThat(dirs).as("regression cases under " + root()).isNotEmpty();
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), dir.toUri(), () -> {
            RegressionFiles.RegressionCase r = RegressionFiles.read(dir);
            ConformanceCase c = r.conformanceCase();
            if (r.expectedMembers() != null) {
                assertThat(ReferenceEvaluator.members(c.messages(), c.asOf(), c.condition(), c.segments()))
                        .as("reference members for " + dir)
                        .containsExactlyInAnyOrderElementsOf(r.expectedMembers());
            }
            EngineConformance.check(c);
        }));
    }

    private static Path root() {
        URL url = RegressionCasesTest.class.getClassLoader().getResource("regressions");
        if (url == null) throw new IllegalStateException("no regressions directory on the test class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        }
    }
}
