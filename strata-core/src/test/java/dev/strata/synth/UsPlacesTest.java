package dev.strata.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UsPlacesTest {

    private final UsPlaces places = UsPlaces.INSTANCE;

    @Test
    void everyStateAndDcHasCitiesInsideTheUs() {
        Map<String, Double> stateShare = new HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            Place p = places.get(i);
            assertThat(p.latitude()).as(p.city()).isBetween(18.0, 72.0);
            assertThat(p.longitude()).as(p.city()).isBetween(-170.0, -66.0);
            assertThat(p.zip()).as(p.city()).matches("\\d{5}");
            stateShare.merge(p.state(), places.share(i), Double::sum);
        }
        assertThat(stateShare).hasSize(51);
        // Census shares: California about 11.6%, Wyoming under 0.2%.
        assertThat(stateShare.get("CA")).isBetween(0.11, 0.12);
        assertThat(stateShare.get("WY")).isBetween(0.001, 0.002);
        assertThat(stateShare.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void sampledPlacesFollowTheWeightsAndStayInState() {
        SplittableRandom rng = new SplittableRandom(1);
        int california = 0;
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            int place = places.sample(rng);
            if (places.get(place).state().equals("CA")) {
                california++;
            }
            assertThat(places.get(places.sampleInState(place, rng)).state()).isEqualTo(places.get(place).state());
        }
        assertThat(california / (double) n).isBetween(0.105, 0.125);
    }

    @Test
    void jitterStaysWithinAFewKilometres() {
        SplittableRandom rng = new SplittableRandom(2);
        Place la = places.get(0);
        double[] point = new double[2];
        for (int i = 0; i < 10_000; i++) {
            UsPlaces.jitter(la, 3.0, rng, point);
            double dy = (point[0] - la.latitude()) * 111.195;
            double dx = (point[1] - la.longitude()) * 111.195 * Math.cos(Math.toRadians(la.latitude()));
            assertThat(Math.hypot(dx, dy)).isLessThan(13.0);
        }
    }
}
