package dev.strata.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.lang.Condition;
import dev.strata.lang.Conditions;
import dev.strata.model.Message;
import dev.strata.reference.ReferenceEvaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Checks on the case generators and the reference alone: the random cases are worth running
 * (definitions split populations, every construct and data rule shows up), cases survive the trip
 * through regression files, and the reference obeys laws that hold whatever the data.
 */
class CaseGeneratorProperties {

    @Provide
    Arbitrary<ConformanceCase> cases() {
        return ConformanceCases.cases();
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void definitions_usually_split_the_population(@ForAll("cases") ConformanceCase c) {
        Set<String> known = ReferenceEvaluator.knownUsers(c.messages(), c.asOf());
        Set<String> members = ReferenceEvaluator.members(c.messages(), c.asOf(), c.condition(), c.segments());
        String split = known.size() < 2 ? "fewer than 2 profiles" : members.isEmpty() ? "none" : members.size() == known.size() ? "all" : "some";
        Statistics.label("members").collect(split);
        for (String construct : CaseFeatures.constructs(c)) Statistics.label("constructs").collect(construct);
        for (String rule : CaseFeatures.dataRules(c)) Statistics.label("data rules").collect(rule);

        // Counts, not percentages: a try collects several constructs and rules, one split.
        Statistics.label("members").coverage(cov -> cov.check("some").percentage(p -> p > 20));
        Statistics.label("constructs").coverage(cov -> {
            for (String construct : CaseFeatures.CONSTRUCTS) cov.check(construct).count(n -> n >= 10);
        });
        Statistics.label("data rules").coverage(cov -> {
            for (String rule : CaseFeatures.DATA_RULES) cov.check(rule).count(n -> n >= 100);
        });
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void cases_survive_the_trip_through_regression_files(@ForAll("cases") ConformanceCase c) throws IOException {
        Path root = Files.createTempDirectory("strata-regression");
        try {
            Path dir = RegressionFiles.write(c, root, "round trip");
            ConformanceCase back = RegressionFiles.read(dir).conformanceCase();
            assertThat(back.asOf()).isEqualTo(c.asOf());
            assertThat(back.messages()).isEqualTo(c.messages());
            assertThat(back.condition()).isEqualTo(c.condition());
            assertThat(back.segments()).isEqualTo(c.segments());
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void negation_is_the_complement_over_known_profiles(@ForAll("cases") ConformanceCase c) {
        Set<String> known = ReferenceEvaluator.knownUsers(c.messages(), c.asOf());
        Set<String> members = ReferenceEvaluator.members(c.messages(), c.asOf(), c.condition(), c.segments());
        Set<String> negated = ReferenceEvaluator.members(c.messages(), c.asOf(), Conditions.not(c.condition()), c.segments());
        Set<String> complement = new LinkedHashSet<>(known);
        complement.removeAll(members);
        assertThat(known).containsAll(members);
        assertThat(negated).isEqualTo(complement);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void replaying_any_message_again_changes_nothing(@ForAll("cases") ConformanceCase c) {
        List<Message> replayed = new ArrayList<>(c.messages());
        for (Message m : c.messages()) {
            if (m.messageId() != null) replayed.add(m);
        }
        // A message at T+1 with a fresh id is ignored too.
        replayed.add(Message.track("p-9999999", "fresh-after-T", c.asOf() + 1, "App Open", null, null));
        Condition def = c.condition();
        assertThat(ReferenceEvaluator.members(replayed, c.asOf(), def, c.segments()))
                .isEqualTo(ReferenceEvaluator.members(c.messages(), c.asOf(), def, c.segments()));
        assertThat(ReferenceEvaluator.knownUsers(replayed, c.asOf())).isEqualTo(ReferenceEvaluator.knownUsers(c.messages(), c.asOf()));
    }
}
