package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;

/**
 * Condition in the {@code condition} table → identify setting the boolean trait (diabetes,
 * hypertension…) to true at onset (else recordedDate); when the condition has abated, a second
 * identify sets it false at the abatement. Conditions of that table and of the
 * {@code chronic_condition} table are also counted, per patient, into {@code chronic_conditions}
 * ({@link PatientSummaries}). Refuted and entered-in-error conditions, and codes outside both
 * tables, are unmapped.
 */
final class ConditionMapper {
    private ConditionMapper() {
    }

    static List<Message> map(Condition c, MappingContext ctx) throws Unusable, Unmapped {
        String trait = ctx.lookup("condition", c.getCode());
        String chronic = trait != null ? trait : ctx.lookup("chronic_condition", c.getCode());
        if (chronic == null) {
            throw new Unmapped("Condition code " + ScreeningMapper.code(c.getCode()) + " is in neither the condition nor the chronic_condition table");
        }
        Coding verification = MappingContext.firstCoding(c.getVerificationStatus());
        if (verification != null && ("refuted".equals(verification.getCode()) || "entered-in-error".equals(verification.getCode()))) {
            throw new Unmapped("Condition verification status " + verification.getCode());
        }
        String userId = MappingContext.userId(c.getSubject(), "subject");
        long onset = MappingContext.time("onset, recordedDate", MappingContext.start(c.getOnset()), c.getRecordedDateElement());
        Coding clinical = MappingContext.firstCoding(c.getClinicalStatus());
        boolean ended = c.hasAbatement() || clinical != null
                && ("inactive".equals(clinical.getCode()) || "resolved".equals(clinical.getCode()) || "remission".equals(clinical.getCode()));
        Object abatement = ended ? MappingContext.start(c.getAbatement()) : null;
        Long end = abatement != null ? Long.valueOf(Math.max(MappingContext.time("abatement", abatement), onset)) : null;
        List<Message> out = new ArrayList<>(2);
        if (trait != null) {
            out.add(MappingContext.identify(c, null, userId, onset, new Json.Obj.Builder().put(trait, Json.TRUE)));
            if (end != null) out.add(MappingContext.identify(c, "abated", userId, end, new Json.Obj.Builder().put(trait, Json.FALSE)));
        }
        // Ended without a date: when it stopped is unknown, so it never counts as active.
        ctx.summaries.condition(userId, chronic, onset, ended && end == null ? Long.valueOf(onset) : end);
        return out;
    }
}
