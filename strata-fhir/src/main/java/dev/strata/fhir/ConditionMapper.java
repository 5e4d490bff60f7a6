package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;

/**
 * Condition in the {@code condition} table → identify setting the boolean trait (diabetes,
 * hypertension…) to true at onset (else recordedDate); when the condition has abated or its
 * clinical status is inactive/resolved/remission, a second identify sets it false at the abatement.
 * Refuted and entered-in-error conditions, and codes outside the table, are unmapped.
 */
final class ConditionMapper {
    private ConditionMapper() {
    }

    static List<Message> map(Condition c, MappingContext ctx) throws Unusable, Unmapped {
        String trait = ctx.lookup("condition", c.getCode());
        if (trait == null) throw new Unmapped("Condition code " + ScreeningMapper.code(c.getCode()) + " is not in the condition table");
        Coding verification = MappingContext.firstCoding(c.getVerificationStatus());
        if (verification != null && ("refuted".equals(verification.getCode()) || "entered-in-error".equals(verification.getCode()))) {
            throw new Unmapped("Condition verification status " + verification.getCode());
        }
        String userId = MappingContext.userId(c.getSubject(), "subject");
        long onset = MappingContext.time("onset, recordedDate", MappingContext.start(c.getOnset()), c.getRecordedDateElement());
        List<Message> out = new ArrayList<>(2);
        out.add(MappingContext.identify(c, null, userId, onset, new Json.Obj.Builder().put(trait, Json.TRUE)));
        Coding clinical = MappingContext.firstCoding(c.getClinicalStatus());
        boolean ended = c.hasAbatement() || clinical != null
                && ("inactive".equals(clinical.getCode()) || "resolved".equals(clinical.getCode()) || "remission".equals(clinical.getCode()));
        if (ended) {
            Object abatement = MappingContext.start(c.getAbatement());
            if (abatement != null) {
                long end = MappingContext.time("abatement", abatement);
                out.add(MappingContext.identify(c, "abated", userId, Math.max(end, onset), new Json.Obj.Builder().put(trait, Json.FALSE)));
            }
        }
        return out;
    }
}
