package dev.strata.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;

/**
 * Chooses a Patient's email and phone among its telecom entries: only current ones (not
 * {@code use = old}, no {@code period.end} before the import), mobile numbers first for the phone
 * (SMS reach needs one), then by {@code rank} (1 = preferred; unranked after ranked), then in
 * the order written. Phones are written in E.164 when they can be read as one.
 */
final class ContactPoints {
    private final List<ContactPoint> current = new ArrayList<>();

    ContactPoints(List<ContactPoint> telecom, long nowMillis) {
        for (ContactPoint cp : telecom) {
            if (!cp.hasValue() || cp.getValue().isBlank() || cp.getUse() == ContactPointUse.OLD) continue;
            if (cp.hasPeriod() && cp.getPeriod().hasEnd() && MappingContext.millis(cp.getPeriod().getEndElement()) <= nowMillis) continue;
            current.add(cp);
        }
    }

    String email() {
        return current.stream().filter(cp -> cp.getSystem() == ContactPointSystem.EMAIL)
                .min(Comparator.comparingInt(ContactPoints::rank)).map(cp -> cp.getValue().trim()).orElse(null);
    }

    String phone(int countryCode) {
        return current.stream().filter(cp -> cp.getSystem() == ContactPointSystem.PHONE || cp.getSystem() == ContactPointSystem.SMS)
                .min(Comparator.comparingInt((ContactPoint cp) -> mobile(cp) ? 0 : 1).thenComparingInt(ContactPoints::rank))
                .map(cp -> e164(cp.getValue(), countryCode)).orElse(null);
    }

    /** The system (email, phone, sms…) of the contact point ranked first, when any is ranked. */
    String preferred() {
        return current.stream().filter(ContactPoint::hasRank).filter(ContactPoint::hasSystem)
                .min(Comparator.comparingInt(ContactPoints::rank)).map(cp -> cp.getSystem().toCode()).orElse(null);
    }

    private static boolean mobile(ContactPoint cp) {
        return cp.getUse() == ContactPointUse.MOBILE || cp.getSystem() == ContactPointSystem.SMS;
    }

    private static int rank(ContactPoint cp) {
        return cp.hasRank() ? cp.getRank() : Integer.MAX_VALUE;
    }

    /**
     * {@code +<digits>} for an international number (+ or 00 prefix), a 10-digit national number
     * (prefixed with {@code countryCode}) or an 11-digit one starting with the country code 1;
     * otherwise the value as written. An extension (x123, ext. 123) is dropped.
     */
    static String e164(String raw, int countryCode) {
        String s = raw.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("tel:")) s = s.substring(4);
        int ext = s.indexOf('x');
        if (ext >= 0) s = s.substring(0, ext);
        String digits = s.replaceAll("[^0-9]", "");
        String trimmed = s.trim();
        if (trimmed.startsWith("+")) return digits.length() >= 8 && digits.length() <= 15 ? "+" + digits : raw.trim();
        if (trimmed.startsWith("00") && digits.length() >= 10 && digits.length() <= 17) return "+" + digits.substring(2);
        if (digits.length() == 10) return "+" + countryCode + digits;
        if (countryCode == 1 && digits.length() == 11 && digits.startsWith("1")) return "+" + digits;
        return raw.trim();
    }
}
