package dev.strata.fhir;

import dev.strata.model.Message;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** Chooses the mapper of a resource type; types without one are unmapped. */
final class ResourceMapper {
    /** The types {@link #map} has a mapper for; others are counted without being parsed. */
    static final java.util.Set<String> MAPPED_TYPES = java.util.Set.of("Patient", "Encounter", "Procedure", "Observation",
            "DiagnosticReport", "MedicationDispense", "MedicationRequest", "Immunization", "Appointment", "Coverage",
            "QuestionnaireResponse", "Condition", "Consent");

    /** The code tables that decide whether a resource of a type mapped by code is mapped at all. */
    static final java.util.Map<String, java.util.List<String>> CODE_DECIDES = java.util.Map.of(
            "Observation", java.util.List.of("screening", "survey"),
            "Procedure", java.util.List.of("screening"),
            "DiagnosticReport", java.util.List.of("screening"),
            "Condition", java.util.List.of("condition", "chronic_condition"));

    private ResourceMapper() {
    }

    static List<Message> map(IBaseResource r, MappingContext ctx) throws Unusable, Unmapped {
        if (r instanceof Patient x) return PatientMapper.map(x, ctx);
        if (r instanceof Encounter x) return EncounterMapper.map(x, ctx);
        if (r instanceof Procedure x) return ScreeningMapper.procedure(x, ctx);
        if (r instanceof Observation x) return ScreeningMapper.observation(x, ctx);
        if (r instanceof DiagnosticReport x) return ScreeningMapper.report(x, ctx);
        if (r instanceof MedicationDispense x) return MedicationMapper.dispense(x, ctx);
        if (r instanceof MedicationRequest x) return MedicationMapper.request(x, ctx);
        if (r instanceof Immunization x) return ImmunizationMapper.map(x, ctx);
        if (r instanceof Appointment x) return AppointmentMapper.map(x, ctx);
        if (r instanceof Coverage x) return CoverageMapper.map(x, ctx);
        if (r instanceof QuestionnaireResponse x) return QuestionnaireResponseMapper.map(x, ctx);
        if (r instanceof Condition x) return ConditionMapper.map(x, ctx);
        if (r instanceof Consent x) return ConsentMapper.map(x, ctx);
        throw new Unmapped(r.fhirType() + " has no mapping");
    }
}
