package dev.strata.fhir;

import dev.strata.json.Json;
import java.util.List;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing;

/**
 * The days a fill covers, and where that number came from ({@code days_supply_source}): stated
 * by the resource, worked out from the quantity dispensed and the dosage, or the configured
 * {@code default_days_supply} (30) when neither is there, as in Synthea's MedicationRequests. PDC
 * and MPR need a supply on every fill; the source lets a segment leave out guessed ones.
 */
record DaysSupply(double days, String source) {
    static final String STATED = "stated";
    static final String QUANTITY_AND_DOSAGE = "quantity_and_dosage";
    static final String DEFAULT = "default";

    static DaysSupply of(Quantity stated, Quantity quantity, List<Dosage> dosage, FhirMapping mapping) {
        Double days = stated(stated);
        if (days != null && days > 0) return new DaysSupply(days, STATED);
        Double perDay = unitsPerDay(dosage);
        if (quantity != null && quantity.hasValue() && perDay != null) {
            double q = quantity.getValue().doubleValue();
            if (q > 0) return new DaysSupply(Math.max(1, Math.round(q / perDay)), QUANTITY_AND_DOSAGE);
        }
        double fallback = mapping.setting("default_days_supply", 30);
        return new DaysSupply(fallback, DEFAULT);
    }

    void putInto(Json.Obj.Builder properties) {
        properties.put("days_supply", MappingContext.num(days));
        properties.put("days_supply_source", MappingContext.str(source));
    }

    /** Units taken a day by the first regular (not as-needed) dosage with a dose and a frequency, or null. */
    static Double unitsPerDay(List<Dosage> dosage) {
        for (Dosage d : dosage) {
            if (d.hasAsNeeded() && d.getAsNeeded() instanceof org.hl7.fhir.r4.model.BooleanType b && b.booleanValue()) continue;
            if (!d.hasTiming() || !d.getTiming().hasRepeat() || !d.hasDoseAndRate()) continue;
            Timing.TimingRepeatComponent repeat = d.getTiming().getRepeat();
            Double dose = null;
            for (Dosage.DosageDoseAndRateComponent dr : d.getDoseAndRate()) {
                if (dr.hasDoseQuantity() && dr.getDoseQuantity().hasValue()) {
                    dose = dr.getDoseQuantity().getValue().doubleValue();
                } else if (dr.hasDoseRange() && dr.getDoseRange().getHigh().hasValue()) {
                    dose = dr.getDoseRange().getHigh().getValue().doubleValue();
                }
                if (dose != null) break;
            }
            Double periodDays = repeat.hasPeriod() ? days(repeat.getPeriod().doubleValue(), repeat.getPeriodUnit()) : null;
            if (dose == null || dose <= 0 || periodDays == null || periodDays <= 0) continue;
            int frequency = repeat.hasFrequency() ? repeat.getFrequency() : 1;
            return dose * frequency / periodDays;
        }
        return null;
    }

    /**
     * Days in a stated supply (daysSupply, expectedSupplyDuration): its UCUM time unit (s, min, h, d,
     * wk, mo, a, or those words) converted by the same table as the dosage's periods; a value
     * without a unit, or with a unit that is not one of time, counts as days.
     */
    static Double stated(Quantity q) {
        if (q == null || !q.hasValue()) return null;
        double v = q.getValue().doubleValue();
        String unit = q.hasCode() ? q.getCode() : q.getUnit();
        if (unit == null) return v;
        Timing.UnitsOfTime u = unitOfTime(unit.strip().toLowerCase(java.util.Locale.ROOT));
        return u == null ? v : days(v, u);
    }

    private static Timing.UnitsOfTime unitOfTime(String unit) {
        String code = switch (unit) {
            case "second", "seconds", "sec" -> "s";
            case "minute", "minutes" -> "min";
            case "hour", "hours" -> "h";
            case "day", "days" -> "d";
            case "week", "weeks" -> "wk";
            case "month", "months" -> "mo";
            case "year", "years" -> "a";
            default -> unit;
        };
        try {
            return Timing.UnitsOfTime.fromCode(code);
        } catch (org.hl7.fhir.exceptions.FHIRException e) {
            return null;
        }
    }

    private static Double days(double period, Timing.UnitsOfTime unit) {
        if (unit == null) return null;
        switch (unit) {
            case S: return period / 86_400;
            case MIN: return period / 1_440;
            case H: return period / 24;
            case D: return period;
            case WK: return period * 7;
            case MO: return period * 30;
            case A: return period * 365;
            default: return null;
        }
    }
}
