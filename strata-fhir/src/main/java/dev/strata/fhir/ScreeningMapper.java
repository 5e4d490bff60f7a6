package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;

/**
 * Procedure, Observation and DiagnosticReport → {@code Screening Completed} when the code is in
 * the {@code screening} table; an Observation whose code is in the {@code survey} table (a PHQ-2
 * total score…) → {@code Survey Answered} with its score. Other codes are unmapped.
 */
final class ScreeningMapper {
    private ScreeningMapper() {
    }

    static List<Message> procedure(Procedure r, MappingContext ctx) throws Unusable, Unmapped {
        if (r.getStatus() != Procedure.ProcedureStatus.COMPLETED) {
            throw new Unmapped("Procedure status " + (r.getStatus() == null ? "missing" : r.getStatus().toCode()) + " is not completed");
        }
        String screening = screening(r.getCode(), ctx);
        String userId = MappingContext.userId(r.getSubject(), "subject");
        long time = MappingContext.time("performed", MappingContext.start(r.getPerformed()));
        return List.of(event(r, screening, r.getCode(), userId, time, ctx));
    }

    static List<Message> report(DiagnosticReport r, MappingContext ctx) throws Unusable, Unmapped {
        DiagnosticReport.DiagnosticReportStatus s = r.getStatus();
        if (s != DiagnosticReport.DiagnosticReportStatus.FINAL && s != DiagnosticReport.DiagnosticReportStatus.AMENDED
                && s != DiagnosticReport.DiagnosticReportStatus.CORRECTED && s != DiagnosticReport.DiagnosticReportStatus.APPENDED) {
            throw new Unmapped("DiagnosticReport status " + (s == null ? "missing" : s.toCode()) + " is not final");
        }
        String screening = screening(r.getCode(), ctx);
        String userId = MappingContext.userId(r.getSubject(), "subject");
        long time = MappingContext.time("effective, issued", MappingContext.start(r.getEffective()), r.getIssuedElement());
        return List.of(event(r, screening, r.getCode(), userId, time, ctx));
    }

    static List<Message> observation(Observation r, MappingContext ctx) throws Unusable, Unmapped {
        Observation.ObservationStatus s = r.getStatus();
        if (s != Observation.ObservationStatus.FINAL && s != Observation.ObservationStatus.AMENDED
                && s != Observation.ObservationStatus.CORRECTED) {
            throw new Unmapped("Observation status " + (s == null ? "missing" : s.toCode()) + " is not final");
        }
        String survey = ctx.lookup("survey", r.getCode());
        String screening = survey == null ? ctx.lookup("screening", r.getCode()) : null;
        if (survey == null && screening == null) throw new Unmapped("Observation code " + code(r.getCode()) + " is in neither the screening nor the survey table");
        String userId = MappingContext.userId(r.getSubject(), "subject");
        long time = MappingContext.time("effective, issued", MappingContext.start(r.getEffective()), r.getIssuedElement());
        if (screening != null) return List.of(event(r, screening, r.getCode(), userId, time, ctx));
        Json.Obj.Builder p = new Json.Obj.Builder();
        p.put("survey", MappingContext.str(survey));
        if (r.getValue() instanceof Quantity q && q.hasValue()) p.put("score", MappingContext.num(q.getValue().doubleValue()));
        else if (r.hasValueIntegerType()) p.put("score", MappingContext.num(r.getValueIntegerType().getValue()));
        Coding c = MappingContext.firstCoding(r.getCode());
        if (c != null) MappingContext.put(p, "code", c.getCode());
        return List.of(MappingContext.track(r, null, userId, time, ctx.mapping.event("survey"), p));
    }

    private static String screening(CodeableConcept code, MappingContext ctx) throws Unmapped {
        String s = ctx.lookup("screening", code);
        if (s == null) throw new Unmapped("code " + code(code) + " is not in the screening table");
        return s;
    }

    private static Message event(Resource r, String screening, CodeableConcept code, String userId, long time, MappingContext ctx) {
        Json.Obj.Builder p = new Json.Obj.Builder();
        p.put("screening", MappingContext.str(screening));
        Coding c = MappingContext.firstCoding(code);
        if (c != null) {
            MappingContext.put(p, "code", c.getCode());
            MappingContext.put(p, "code_system", c.getSystem());
        }
        p.put("source", MappingContext.str(r.fhirType()));
        return MappingContext.track(r, null, userId, time, ctx.mapping.event("screening"), p);
    }

    static String code(CodeableConcept cc) {
        Coding c = MappingContext.firstCoding(cc);
        return c == null ? "(none)" : c.getSystem() + "|" + c.getCode();
    }
}
