package dev.strata.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.lang.SegmentParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The segments file's optional description column, and where a definition ends. */
class SegmentDefinitionsTest {

    @Test
    void aThirdColumnIsTheDescriptionAndTheDefinitionIsKeptAsWritten() throws Exception {
        String text = "# comment\n"
                + "Statins\tdid \"Medication Refill\" where drug_class = \"statin\"\tOn a statin.  \n"
                + "Plain\tplan = \"medicare\"\n"
                + "Blank description\tplan = \"medicaid\"\t   \n"
                + "Both\tin segment \"Statins\" and in segment \"Plain\"\tStatin users on Medicare; tabs\tstay in the description\n";
        List<SegmentDefinitions.Named> segments = SegmentDefinitions.parse("test.tsv", text).segments();

        assertThat(segments).extracting(SegmentDefinitions.Named::text).containsExactly(
                "did \"Medication Refill\" where drug_class = \"statin\"", "plan = \"medicare\"", "plan = \"medicaid\"",
                "in segment \"Statins\" and in segment \"Plain\"");
        assertThat(segments).extracting(SegmentDefinitions.Named::description).containsExactly(
                "On a statin.", null, null, "Statin users on Medicare; tabs\tstay in the description");
        assertThat(segments).extracting(SegmentDefinitions.Named::line).containsExactly(2, 3, 4, 5);
        assertThat(segments.get(0).condition()).isEqualTo(SegmentParser.parse(segments.get(0).text()));
    }

    @Test
    void aTabInsideAStringOrABackquotedPathBelongsToTheDefinition() throws Exception {
        String definition = "note = \"a\tb \\\"\tc\" and `odd\tpath` = 1";
        List<SegmentDefinitions.Named> segments = SegmentDefinitions.parse("test.tsv", "Odd\t" + definition + "\tWhy").segments();

        assertThat(segments.get(0).text()).isEqualTo(definition);
        assertThat(segments.get(0).description()).isEqualTo("Why");
        assertThat(SegmentDefinitions.definitionEnd("x\t\"unclosed\tstring", 2)).isEqualTo(18);
    }

    @Test
    void anErrorInTheDefinitionIsPositionedInTheLineWhateverFollowsIt() {
        assertThatThrownBy(() -> SegmentDefinitions.parse("test.tsv", "Bad\tplan = \tA description"))
                .isInstanceOfSatisfying(SegmentDefinitions.InvalidDefinitionsException.class, e -> {
                    SegmentDefinitions.Problem p = e.problems().get(0);
                    assertThat(p.line()).isEqualTo(1);
                    assertThat(p.segment()).isEqualTo("Bad");
                    assertThat(p.reason()).doesNotContain("description");
                });
    }
}
