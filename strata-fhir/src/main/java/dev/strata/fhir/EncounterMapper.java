package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;

/** Encounter → {@code Doctor Visit} with class, type (code and text), visit_type and specialty. */
final class EncounterMapper {
    private EncounterMapper() {
    }

    static List<Message> map(Encounter e, MappingContext ctx) throws Unusable, Unmapped {
        Encounter.EncounterStatus s = e.getStatus();
        if (s == Encounter.EncounterStatus.CANCELLED || s == Encounter.EncounterStatus.ENTEREDINERROR
                || s == Encounter.EncounterStatus.PLANNED) {
            throw new Unmapped("Encounter status " + s.toCode() + " is not a visit");
        }
        String userId = MappingContext.userId(e.getSubject(), "subject");
        long time = MappingContext.time("period.start", e.getPeriod());
        Json.Obj.Builder p = new Json.Obj.Builder();
        Coding cls = e.getClass_();
        if (cls != null && cls.hasCode()) {
            String c = ctx.mapping.code("encounter_class", cls.getSystem(), cls.getCode());
            MappingContext.put(p, "class", c != null ? c : cls.getCode());
        }
        if (e.hasType()) {
            Coding type = MappingContext.firstCoding(e.getTypeFirstRep());
            if (type != null) MappingContext.put(p, "type", type.getCode());
            String text = e.getTypeFirstRep().hasText() ? e.getTypeFirstRep().getText() : type != null ? type.getDisplay() : null;
            MappingContext.put(p, "type_text", text);
        }
        MappingContext.put(p, "visit_type", ctx.lookup("visit_type", e.getType()));
        String specialty = ctx.lookup("specialty", e.getServiceType());
        if (specialty == null) specialty = ctx.lookup("specialty", e.getType());
        MappingContext.put(p, "specialty", specialty);
        return List.of(MappingContext.track(e, null, userId, time, ctx.mapping.event("doctor_visit"), p));
    }
}
