package dev.strata.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContactTraitsTest {

    /**
     * SHA-256 of the default 1,500-profile population as generated before contact traits existed.
     * With those traits removed the bytes must be the same: they come from a stream of their own.
     */
    private static final String BEFORE_CONTACTS_SHA256 = "433aa3d9859891b41e2859a169b59e2d7403b65f3a04300723037c1f5d42910c";
    private static final Pattern CONTACT_TRAITS =
            Pattern.compile(",\"email\":\"person[0-9]+@example\\.org\"|,\"phone\":\"\\+1[0-9]{10}\"|,\"consent\":\\{[^}]*\\}");
    private static final Pattern PHONE = Pattern.compile("\\+1[2-9][0-9]{2}55501[0-9]{2}");

    private final GeneratedPopulation population = GeneratedPopulation.get();

    @Test
    void everyOtherByteIsWhatItWasBeforeContactTraits() throws NoSuchAlgorithmException {
        StringBuilder text = new StringBuilder();
        for (String line : population.lines) {
            text.append(CONTACT_TRAITS.matcher(line).replaceAll("")).append('\n');
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(BEFORE_CONTACTS_SHA256);
    }

    @Test
    void contactValuesAreObviouslySyntheticAndConsentsAreBooleans() {
        int emails = 0;
        int phones = 0;
        for (Map.Entry<String, List<JsonNode>> e : population.byProfile.entrySet()) {
            JsonNode traits = population.firstTraits(e.getKey());
            if (e.getKey().startsWith("anon-")) {
                assertThat(traits.has("email") || traits.has("phone") || traits.has("consent")).as(e.getKey()).isFalse();
                continue;
            }
            if (traits.has("email")) {
                emails++;
                assertThat(traits.get("email").asString()).isEqualTo("person" + e.getKey().substring(2) + "@example.org");
            }
            if (traits.has("phone")) {
                phones++;
                assertThat(traits.get("phone").asString()).matches(PHONE);
            }
            if (traits.has("consent")) {
                JsonNode consent = traits.get("consent");
                assertThat(consent.size()).as(e.getKey()).isPositive();
                assertThat(Set.of("email", "sms", "push", "mail")).containsAll(consent.propertyNames());
                consent.forEach(v -> assertThat(v.isBoolean()).as("%s consent %s", e.getKey(), consent).isTrue());
                // Email and sms consents are only recorded for people who gave that contact point.
                assertThat(!consent.has("email") || traits.has("email")).as(e.getKey()).isTrue();
                assertThat(!consent.has("sms") || traits.has("phone")).as(e.getKey()).isTrue();
            }
        }
        assertThat(emails).isGreaterThan(population.byProfile.size() / 2);
        assertThat(phones).isGreaterThan(population.byProfile.size() / 2);
    }

    @Test
    void pushConsentOnlyForAppUsers() {
        PopulationGenerator.Options options = GeneratedPopulation.OPTIONS;
        Timeline timeline = Timeline.ending(options.end());
        ProfileSampler sampler = new ProfileSampler(timeline);
        ContactSampler contacts = new ContactSampler(timeline);
        int pushKnown = 0;
        for (int i = 0; i < 5_000; i++) {
            Profile p = sampler.sample(i, PopulationGenerator.randomFor(options.seed(), i));
            contacts.draw(p, PopulationGenerator.contactRandomFor(options.seed(), i));
            boolean appUser = p.digital() && p.os != Vocabulary.WEB;
            if (p.consentPush != ContactSampler.UNKNOWN) {
                pushKnown++;
                assertThat(appUser).as("profile %d has a push consent without the app", i + 1).isTrue();
            }
        }
        assertThat(pushKnown).isGreaterThan(1_000);
    }

    @Test
    void sharesFollowSegmentAndAge() throws IOException {
        Map<String, ContactShares.Tally> t = ContactShares.measure(PopulationGenerator.Options.defaults(20_000).withEventsPerProfile(2));
        ContactShares.Tally onboard = t.get("Onboard and online");
        ContactShares.Tally casual = t.get("Cautious but casual");
        assertThat(onboard.optedIn("email")).isGreaterThan(casual.optedIn("email") + 0.3);
        assertThat(onboard.optedIn("push")).isGreaterThan(casual.optedIn("push") + 0.3);
        ContactShares.Tally young = t.get("18-34");
        ContactShares.Tally old = t.get("75+");
        assertThat(old.share(old.email)).isLessThan(young.share(young.email) - 0.3);
        assertThat(old.share(old.phone)).isGreaterThan(young.share(young.phone) + 0.1);
        ContactShares.Tally all = t.get("all");
        for (String channel : ContactShares.CHANNELS) {
            assertThat(all.optedOut(channel)).as("explicit %s opt-outs", channel).isBetween(0.03, 0.2);
            assertThat(all.optedIn(channel)).as("%s opt-ins", channel).isBetween(0.05, 0.8);
        }
    }
}
