package dev.strata.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configurable part of the FHIR mapping: event names and the code tables that decide a
 * screening type, drug class, vaccine, chronic condition, plan... The defaults live in
 * {@code default-mapping.txt} next to this class; a mapping file in the same format overrides
 * single entries (see docs/fhir-import.md).
 *
 * <p>Line format: {@code TABLE SYSTEM CODE VALUE} for code tables ({@code SYSTEM} is a URI or one
 * of the aliases below), {@code TABLE KEY VALUE…} for the keyword tables {@code event},
 * {@code drug_ingredient}, {@code vaccine_name} and {@code plan_payor}; {@code #} starts a comment; the value {@code -}
 * removes an entry.
 */
public final class FhirMapping {
    /** Tables keyed by {@code system|code}. */
    static final List<String> CODE_TABLES = List.of("screening", "survey", "drug", "vaccine", "condition",
            "chronic_condition", "visit_type", "specialty", "encounter_class", "plan", "marital_status", "consent_channel");
    /** Tables keyed by a word (event keys, ingredient or payor keywords). */
    static final List<String> WORD_TABLES = List.of("event", "drug_ingredient", "vaccine_name", "plan_payor", "setting");

    static final Map<String, String> SYSTEM_ALIASES = Map.ofEntries(
            Map.entry("sct", "http://snomed.info/sct"),
            Map.entry("loinc", "http://loinc.org"),
            Map.entry("cpt", "http://www.ama-assn.org/go/cpt"),
            Map.entry("rxnorm", "http://www.nlm.nih.gov/research/umls/rxnorm"),
            Map.entry("cvx", "http://hl7.org/fhir/sid/cvx"),
            Map.entry("icd10", "http://hl7.org/fhir/sid/icd-10-cm"),
            Map.entry("actcode", "http://terminology.hl7.org/CodeSystem/v3-ActCode"),
            Map.entry("marital", "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus"),
            Map.entry("sop", "urn:oid:2.16.840.1.113883.3.221.5"),
            Map.entry("hcpcs", "urn:oid:2.16.840.1.113883.6.285"),
            Map.entry("contactpoint", "http://hl7.org/fhir/contact-point-system"),
            Map.entry("partmode", "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode"),
            Map.entry("channel", "https://strata.dev/fhir/CodeSystem/contact-channel"));

    private final Map<String, Map<String, String>> tables;
    /** Keyword tables sorted longest keyword first, so "medicare advantage" wins over "medicare". */
    private final Map<String, List<Map.Entry<String, String>>> keywords = new HashMap<>();

    private FhirMapping(Map<String, Map<String, String>> tables) {
        this.tables = tables;
        for (String t : List.of("drug_ingredient", "vaccine_name", "plan_payor")) {
            List<Map.Entry<String, String>> sorted = new ArrayList<>(tables.get(t).entrySet());
            sorted.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
            keywords.put(t, sorted);
        }
    }

    /** The built-in mapping. */
    public static FhirMapping defaults() {
        Map<String, Map<String, String>> tables = emptyTables();
        try (InputStream in = FhirMapping.class.getResourceAsStream("default-mapping.txt")) {
            if (in == null) throw new IllegalStateException("default-mapping.txt is missing from the classpath");
            read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), "default-mapping.txt", tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FhirMapping(tables);
    }

    /** The built-in mapping with the entries of {@code file} added or replacing the defaults. */
    public static FhirMapping withOverrides(Path file) throws IOException {
        FhirMapping base = defaults();
        Map<String, Map<String, String>> tables = emptyTables();
        base.tables.forEach((k, v) -> tables.get(k).putAll(v));
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(r, file.toString(), tables);
        }
        return new FhirMapping(tables);
    }

    private static Map<String, Map<String, String>> emptyTables() {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        for (String t : CODE_TABLES) tables.put(t, new HashMap<>());
        for (String t : WORD_TABLES) tables.put(t, new HashMap<>());
        return tables;
    }

    private static void read(BufferedReader r, String source, Map<String, Map<String, String>> tables) throws IOException {
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (text.isEmpty()) continue;
            String[] f = text.split("\\s+");
            String table = f[0];
            Map<String, String> map = tables.get(table);
            if (map == null) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": unknown table '" + table
                        + "' (expected one of " + CODE_TABLES + " or " + WORD_TABLES + ")");
            }
            boolean coded = CODE_TABLES.contains(table);
            int valueAt = coded ? 3 : 2;
            if (f.length <= valueAt) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": expected " + (coded ? "TABLE SYSTEM CODE VALUE" : "TABLE KEY VALUE")
                        + " but found '" + text + "'");
            }
            String key = coded ? system(f[1]) + "|" + f[2] : f[1].toLowerCase(Locale.ROOT).replace('_', ' ');
            String value = String.join(" ", java.util.Arrays.copyOfRange(f, valueAt, f.length));
            if (value.equals("-")) map.remove(key);
            else map.put(key, value);
        }
    }

    private static String system(String s) {
        return SYSTEM_ALIASES.getOrDefault(s, s);
    }

    /** The value of a coded table for one coding, or null. */
    public String code(String table, String system, String code) {
        if (system == null || code == null) return null;
        return tables.get(table).get(system + "|" + code);
    }

    /** An event name by its key (doctor_visit, screening, refill…); the key itself if not configured. */
    public String event(String key) {
        return tables.get("event").getOrDefault(key.replace('_', ' '), key);
    }

    /** A {@code setting} as a number, e.g. {@code default_days_supply}; an error names a value that is not one. */
    public double setting(String key, double fallback) {
        String v = tables.get("setting").get(key.replace('_', ' '));
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " '" + v + "' is not a number");
        }
    }

    /** The value of the first keyword of a keyword table found in {@code text} (case-insensitive), or null. */
    public String keyword(String table, String text) {
        if (text == null) return null;
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : keywords.get(table)) {
            if (lower.contains(e.getKey())) return e.getValue();
        }
        return null;
    }
}
