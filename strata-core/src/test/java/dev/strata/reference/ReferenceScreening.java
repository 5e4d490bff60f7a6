package dev.strata.reference;

import dev.strata.json.Json;
import dev.strata.lang.ScreeningProgram;
import dev.strata.model.Message;
import java.util.List;
import java.util.Map;

/**
 * {@code screening_due} from the rules as the language reference states them, written out here
 * rather than read from the program's own definition: due = the sex and age range of the program
 * (whole years, as age() counts them) and no qualifying screening in the lookback (T - days, T].
 */
final class ReferenceScreening {
    private ReferenceScreening() {
    }

    private static final long DAY = 86_400_000L;

    private record Rule(boolean womenOnly, long minAge, long maxAge, Map<String, Long> lookbackDays, Map<String, Long> fromAge) {
    }

    private static final Map<ScreeningProgram, Rule> RULES = Map.of(
            ScreeningProgram.COLORECTAL, new Rule(false, 45, 75, Map.of(
                    "fit", 365L, "fobt", 365L, "stool_dna", 1095L, "ct_colonography", 1825L,
                    "flexible_sigmoidoscopy", 1825L, "colonoscopy", 3650L), Map.of()),
            ScreeningProgram.BREAST, new Rule(true, 50, 74, Map.of("mammography", 821L), Map.of()),
            ScreeningProgram.CERVICAL, new Rule(true, 21, 64, Map.of("cervical_cytology", 1095L, "hpv", 1825L, "cotest", 1825L),
                    Map.of("hpv", 30L, "cotest", 30L)));

    static boolean due(ScreeningProgram program, Json gender, Json birthday, List<Message> events, long asOf) {
        Rule rule = RULES.get(program);
        if (rule.womenOnly() && !(gender instanceof Json.Str s && s.value().equals("female"))) return false;
        Long age = ReferenceValues.ageInYears(birthday, asOf);
        if (age == null || age < rule.minAge() || age > rule.maxAge()) return false;
        for (Message m : events) {
            if (!m.event().equals("Screening Completed") || m.timestamp() > asOf) continue;
            if (!(m.properties().get("screening") instanceof Json.Str kind)) continue;
            Long days = rule.lookbackDays().get(kind.value());
            if (days == null || age < rule.fromAge().getOrDefault(kind.value(), 0L)) continue;
            if (asOf - m.timestamp() < days * DAY) return false;
        }
        return true;
    }
}
