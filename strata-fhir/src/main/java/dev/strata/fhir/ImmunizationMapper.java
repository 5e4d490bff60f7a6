package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Immunization;

/** Immunization → {@code Immunization} with vaccine (the {@code vaccine} table by CVX, else a {@code vaccine_name} keyword in its name, else {@code other}) and the CVX code. */
final class ImmunizationMapper {
    private ImmunizationMapper() {
    }

    static List<Message> map(Immunization i, MappingContext ctx) throws Unusable, Unmapped {
        if (i.getStatus() != Immunization.ImmunizationStatus.COMPLETED) {
            throw new Unmapped("Immunization status " + (i.getStatus() == null ? "missing" : i.getStatus().toCode()) + " is not completed");
        }
        String userId = MappingContext.userId(i.getPatient(), "patient");
        long time = MappingContext.time("occurrence, recorded", MappingContext.start(i.getOccurrence()), i.getRecordedElement());
        Json.Obj.Builder p = new Json.Obj.Builder();
        String vaccine = ctx.lookup("vaccine", i.getVaccineCode());
        if (vaccine == null) vaccine = ctx.mapping.keyword("vaccine_name", MappingContext.text(i.getVaccineCode()));
        p.put("vaccine", MappingContext.str(vaccine == null ? "other" : vaccine));
        Coding c = MappingContext.firstCoding(i.getVaccineCode());
        if (c != null) MappingContext.put(p, "cvx", c.getCode());
        return List.of(MappingContext.track(i, null, userId, time, ctx.mapping.event("immunization"), p));
    }
}
