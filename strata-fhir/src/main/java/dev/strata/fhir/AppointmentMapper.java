package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/**
 * Appointment → {@code Appointment Booked} (at {@code created}, else at the start) for every
 * appointment that was booked, plus {@code Appointment No Show} at the start for status noshow and
 * {@code Appointment Cancelled} (at meta.lastUpdated, else the start) for status cancelled.
 * Proposed, waitlisted and entered-in-error appointments are unmapped.
 */
final class AppointmentMapper {
    private static final long DAY_MS = 86_400_000L;

    private AppointmentMapper() {
    }

    static List<Message> map(Appointment a, MappingContext ctx) throws Unusable, Unmapped {
        Appointment.AppointmentStatus s = a.getStatus();
        if (s == null || s == Appointment.AppointmentStatus.PROPOSED || s == Appointment.AppointmentStatus.WAITLIST
                || s == Appointment.AppointmentStatus.ENTEREDINERROR || s == Appointment.AppointmentStatus.NULL) {
            throw new Unmapped("Appointment status " + (s == null ? "missing" : s.toCode()) + " was never booked");
        }
        String userId = null;
        for (Appointment.AppointmentParticipantComponent p : a.getParticipant()) {
            Reference actor = p.getActor();
            if (actor != null && actor.hasReference() && (actor.getReference().contains("Patient/") || "Patient".equals(actor.getType()))) {
                userId = MappingContext.userId(actor, "participant.actor");
                break;
            }
        }
        if (userId == null) throw new Unusable("no Patient among the participants");
        Long start = a.hasStart() ? MappingContext.millis(a.getStartElement()) : null;
        Long created = a.hasCreated() ? MappingContext.millis(a.getCreatedElement()) : null;
        if (start == null && created == null) throw new Unusable("no time (created, start)");

        Json.Obj.Builder base = new Json.Obj.Builder();
        String specialty = ctx.lookup("specialty", a.getSpecialty());
        if (specialty == null) specialty = ctx.lookup("specialty", a.getServiceType());
        MappingContext.put(base, "specialty", specialty);
        Coding type = MappingContext.firstCoding(a.getAppointmentType());
        if (type != null) MappingContext.put(base, "appointment_type", type.getCode());

        List<Message> out = new ArrayList<>(2);
        Json.Obj.Builder booked = copy(base);
        if (start != null && created != null) booked.put("days_ahead", MappingContext.num(Math.max(0, (start - created) / DAY_MS)));
        out.add(MappingContext.track(a, "booked", userId, created != null ? created : start, ctx.mapping.event("appointment_booked"), booked));
        if (s == Appointment.AppointmentStatus.NOSHOW) {
            if (start == null) throw new Unusable("a no-show without start");
            out.add(MappingContext.track(a, "noshow", userId, start, ctx.mapping.event("appointment_no_show"), copy(base)));
        } else if (s == Appointment.AppointmentStatus.CANCELLED) {
            Json.Obj.Builder c = copy(base);
            Coding reason = MappingContext.firstCoding(a.getCancelationReason());
            if (reason != null) MappingContext.put(c, "reason", reason.getCode());
            long when = a.getMeta().hasLastUpdated() ? MappingContext.millis(a.getMeta().getLastUpdatedElement()) : start != null ? start : created;
            out.add(MappingContext.track(a, "cancelled", userId, when, ctx.mapping.event("appointment_cancelled"), c));
        }
        return out;
    }

    private static Json.Obj.Builder copy(Json.Obj.Builder b) {
        Json.Obj.Builder c = new Json.Obj.Builder();
        b.build().fields().forEach(c::put);
        return c;
    }
}
