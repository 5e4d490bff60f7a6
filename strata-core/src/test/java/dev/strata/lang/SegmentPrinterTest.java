package dev.strata.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canonical text: lower-case keywords, quoted event names, minimal parentheses. */
class SegmentPrinterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NOT (A = 1 OR B = 2)|not (A = 1 or B = 2)",
            "a = 1 or (b = 2 and c = 3)|a = 1 or b = 2 and c = 3",
            "(a = 1 or b = 2) and c = 3|(a = 1 or b = 2) and c = 3",
            "not (a = 1 and b = 2)|not (a = 1 and b = 2)",
            "not (not a = 1 or b = 2)|not (not a = 1 or b = 2)",
            "did App_Open WITHIN 30D|did \"App_Open\" within 30d",
            "did \"X\" where (a = 1)|did \"X\" where a = 1",
            "did \"X\" where (not a = 1)|did \"X\" where (not a = 1)",
            "did \"X\" from 2025-01-01T00:00:00Z to 2025-01-01T01:00:00.5+01:00|did \"X\" from 2025-01-01 to 2025-01-01T00:00:00.500Z",
            "x = 65.0|x = 65",
            "x = 1.5e1|x = 15",
            "x = 0.000001|x = 1.0E-6",
            "x = -0|x = 0",
            "`a` = 1|a = 1",
            "`And`.b = 1|`And`.b = 1",
            "a.`and` = 1|a.and = 1",
            "`a b`.`c.d` = 1|`a b`.`c.d` = 1",
            "x = \"tab\\there\\u0001\\u007F\"|x = \"tab\\there\\u0001\\u007f\"",
            "near(a, 1.50, -2, 3KM)|near(a, 1.5, -2, 3 km)",
            "IN SEGMENT \"S\"|in segment \"S\"",
    })
    void canonicalText(String written, String canonical) {
        assertThat(SegmentPrinter.print(SegmentParser.parse(written))).isEqualTo(canonical);
    }
}
