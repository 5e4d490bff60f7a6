package dev.strata.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Where the synthetic population lives: real US cities weighted so that every state gets its
 * census share of people, and inside a state each city gets the share of the people it stands for.
 * Loaded once from two CSV resources beside this class.
 */
final class UsPlaces {

    private static final double KM_PER_DEGREE = 111.195;

    static final UsPlaces INSTANCE = load();

    private final Place[] places;
    /** Cumulative national weights, normalised to end at 1. */
    private final double[] cumulative;
    /** Per state: indexes into {@link #places} and their cumulative weights within the state. */
    private final Map<String, int[]> stateMembers;
    private final Map<String, double[]> stateCumulative;

    private UsPlaces(Place[] places, double[] weights) {
        this.places = places;
        this.cumulative = cumulate(weights);
        Map<String, List<Integer>> byState = new LinkedHashMap<>();
        for (int i = 0; i < places.length; i++) {
            byState.computeIfAbsent(places[i].state(), s -> new ArrayList<>()).add(i);
        }
        this.stateMembers = new HashMap<>();
        this.stateCumulative = new HashMap<>();
        byState.forEach((state, members) -> {
            int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
            double[] w = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                w[i] = weights[idx[i]];
            }
            stateMembers.put(state, idx);
            stateCumulative.put(state, cumulate(w));
        });
    }

    int size() {
        return places.length;
    }

    Place get(int index) {
        return places[index];
    }

    /** The share of the population a place stands for. */
    double share(int index) {
        return cumulative[index] - (index == 0 ? 0 : cumulative[index - 1]);
    }

    /** A place drawn with probability proportional to the people it stands for. */
    int sample(SplittableRandom rng) {
        return pick(cumulative, rng.nextDouble());
    }

    /** A place in the same state as {@code index}, drawn by weight within that state. */
    int sampleInState(int index, SplittableRandom rng) {
        String state = places[index].state();
        int[] members = stateMembers.get(state);
        return members[pick(stateCumulative.get(state), rng.nextDouble())];
    }

    /**
     * A point a few km from the city centre: a Gaussian offset (sigma {@code sigmaKm}) on each axis,
     * cut at three sigma so nobody lands in the next city over. Returns {latitude, longitude}.
     */
    static void jitter(Place place, double sigmaKm, SplittableRandom rng, double[] out) {
        double dy = Draw.truncatedGaussian(rng, 3) * sigmaKm;
        double dx = Draw.truncatedGaussian(rng, 3) * sigmaKm;
        double lat = place.latitude() + dy / KM_PER_DEGREE;
        double lon = place.longitude() + dx / (KM_PER_DEGREE * StrictMath.cos(StrictMath.toRadians(place.latitude())));
        out[0] = lat;
        out[1] = lon;
    }

    private static int pick(double[] cumulative, double u) {
        int i = Arrays.binarySearch(cumulative, u);
        i = i >= 0 ? i + 1 : -i - 1;
        return Math.min(i, cumulative.length - 1);
    }

    private static double[] cumulate(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] c = new double[weights.length];
        double run = 0;
        for (int i = 0; i < weights.length; i++) {
            run += weights[i];
            c[i] = run / total;
        }
        c[c.length - 1] = 1.0;
        return c;
    }

    private static UsPlaces load() {
        Map<String, double[]> states = new HashMap<>(); // state -> {population, utcOffset}
        for (String[] row : rows("us-states.csv", 3)) {
            states.put(row[0], new double[] {Double.parseDouble(row[1]), Integer.parseInt(row[2])});
        }
        List<String[]> cityRows = rows("us-cities.csv", 6);
        Map<String, Double> stateWeight = new HashMap<>();
        for (String[] row : cityRows) {
            if (!states.containsKey(row[0])) {
                throw new IllegalStateException("us-cities.csv: city " + row[1] + " names unknown state " + row[0]);
            }
            stateWeight.merge(row[0], Double.parseDouble(row[5]), Double::sum);
        }
        for (String state : states.keySet()) {
            if (!stateWeight.containsKey(state)) {
                throw new IllegalStateException("us-cities.csv has no city for state " + state);
            }
        }
        Place[] places = new Place[cityRows.size()];
        double[] weights = new double[cityRows.size()];
        for (int i = 0; i < cityRows.size(); i++) {
            String[] r = cityRows.get(i);
            double[] st = states.get(r[0]);
            places[i] = new Place(r[1], r[0], r[2], Double.parseDouble(r[3]), Double.parseDouble(r[4]), (int) st[1],
                    NdjsonBuffer.quoted(r[1]), NdjsonBuffer.quoted(r[0]), NdjsonBuffer.quoted(r[2]));
            weights[i] = st[0] * Double.parseDouble(r[5]) / stateWeight.get(r[0]);
        }
        return new UsPlaces(places, weights);
    }

    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = UsPlaces.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/strata/synth/" + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(resource + " line " + lineNo + ": expected " + columns
                            + " columns, found " + cells.length + ": " + line);
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
