package dev.strata.synth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Measures, from the generated NDJSON, the shares of identified profiles with an email, a phone
 * and each consent value, overall, per latent segment and per age band:
 * {@code java -cp ... dev.strata.synth.ContactShares [profiles]}.
 */
public final class ContactShares {

    static final String[] CHANNELS = {"email", "sms", "push", "mail"};
    static final String[] AGE_BANDS = {"18-34", "35-49", "50-64", "65-74", "75+"};

    /** Counts for one group of identified profiles. */
    static final class Tally {
        int profiles;
        int email;
        int phone;
        /** [channel][0 = opted in, 1 = opted out]. */
        final int[][] consent = new int[CHANNELS.length][2];

        double share(int count) {
            return profiles == 0 ? Double.NaN : (double) count / profiles;
        }

        double optedIn(String channel) {
            return share(consent[index(channel)][0]);
        }

        double optedOut(String channel) {
            return share(consent[index(channel)][1]);
        }

        private static int index(String channel) {
            return java.util.Arrays.asList(CHANNELS).indexOf(channel);
        }
    }

    /** All identified profiles under "all", then one tally per segment display name and per age band. */
    static Map<String, Tally> measure(PopulationGenerator.Options options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PopulationGenerator.write(options, out);
        LocalDate end = options.end().atZone(ZoneOffset.UTC).toLocalDate();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        tallies.put("all", new Tally());
        for (LatentSegment s : LatentSegment.values()) {
            tallies.put(s.displayName(), new Tally());
        }
        for (String band : AGE_BANDS) {
            tallies.put(band, new Tally());
        }
        int last = 0;
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.startsWith("{\"type\":\"identify\",\"userId\"") || !line.contains("\"birthday\"")) {
                continue;
            }
            JsonNode m = GeneratedPopulation.MAPPER.readTree(line);
            int number = GeneratedPopulation.number(m.get("userId").asString());
            if (number == last) {
                continue; // the duplicated copy of a first identify
            }
            last = number;
            JsonNode traits = m.get("traits");
            int age = java.time.Period.between(LocalDate.parse(traits.get("birthday").asString()), end).getYears();
            String band = age < 35 ? AGE_BANDS[0] : age < 50 ? AGE_BANDS[1] : age < 65 ? AGE_BANDS[2] : age < 75 ? AGE_BANDS[3] : AGE_BANDS[4];
            String segment = PopulationGenerator.latentSegment(options, number - 1).displayName();
            for (String group : new String[] {"all", segment, band}) {
                add(tallies.get(group), traits);
            }
        }
        return tallies;
    }

    private static void add(Tally t, JsonNode traits) {
        t.profiles++;
        t.email += traits.has("email") ? 1 : 0;
        t.phone += traits.has("phone") ? 1 : 0;
        for (int c = 0; c < CHANNELS.length; c++) {
            JsonNode v = traits.path("consent").path(CHANNELS[c]);
            if (v.isBoolean()) {
                t.consent[c][v.booleanValue() ? 0 : 1]++;
            }
        }
    }

    public static void main(String[] args) throws IOException {
        int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Map<String, Tally> tallies = measure(PopulationGenerator.Options.defaults(profiles).withEventsPerProfile(2));
        System.out.printf("| group | identified | email | phone | email in/out | sms in/out | push in/out | mail in/out |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|%n");
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            StringBuilder row = new StringBuilder(String.format("| %s | %d | %.0f%% | %.0f%% |", e.getKey(), t.profiles,
                    100 * t.share(t.email), 100 * t.share(t.phone)));
            for (String channel : CHANNELS) {
                row.append(String.format(" %.0f / %.0f%% |", 100 * t.optedIn(channel), 100 * t.optedOut(channel)));
            }
            System.out.println(row);
        }
    }
}
