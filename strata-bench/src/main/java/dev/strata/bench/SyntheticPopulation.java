package dev.strata.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The one place that reaches {@code dev.strata.synth.PopulationGenerator}. It goes through
 * reflection only because the generator is not in strata-core yet; once it is, the body of each
 * method becomes the direct call written in its comment.
 */
final class SyntheticPopulation {

    private static final String GENERATOR = "dev.strata.synth.PopulationGenerator";
    private static final String OPTIONS = GENERATOR + "$Options";

    /** What to generate; mirrors {@code PopulationGenerator.Options}. */
    record Spec(int profiles, long seed, Instant end, double eventsPerProfile) {
    }

    private SyntheticPopulation() {
    }

    /** {@code PopulationGenerator.Options.defaults(profiles)}. */
    static Spec defaults(int profiles) {
        try {
            Class<?> options = Class.forName(OPTIONS);
            Object o = options.getMethod("defaults", int.class).invoke(null, profiles);
            return new Spec(
                    (Integer) options.getMethod("profiles").invoke(o),
                    (Long) options.getMethod("seed").invoke(o),
                    (Instant) options.getMethod("end").invoke(o),
                    (Double) options.getMethod("eventsPerProfile").invoke(o));
        } catch (ReflectiveOperationException e) {
            throw unavailable(e);
        }
    }

    /**
     * {@code PopulationGenerator.write(new PopulationGenerator.Options(profiles, seed, end,
     * eventsPerProfile), out)}; returns the generator's summary as text for the progress log.
     */
    static String write(Spec spec, Path out) throws IOException {
        try {
            Class<?> generator = Class.forName(GENERATOR);
            Class<?> options = Class.forName(OPTIONS);
            Constructor<?> ctor = options.getConstructor(int.class, long.class, Instant.class, double.class);
            Object opts = ctor.newInstance(spec.profiles(), spec.seed(), spec.end(), spec.eventsPerProfile());
            Method write = findWrite(generator, options);
            Object target = Modifier.isStatic(write.getModifiers()) ? null : generator.getConstructor().newInstance();
            Class<?> sink = write.getParameterTypes()[1];
            Object summary;
            if (sink.isAssignableFrom(Path.class)) {
                summary = write.invoke(target, opts, out);
            } else if (sink.isAssignableFrom(BufferedWriter.class)) {
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    summary = write.invoke(target, opts, w);
                }
            } else if (sink.isAssignableFrom(BufferedOutputStream.class)) {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                    summary = write.invoke(target, opts, os);
                }
            } else {
                throw new IllegalStateException(GENERATOR + ".write takes a " + sink.getName()
                        + " as its sink; expected a Path, Writer or OutputStream");
            }
            return String.valueOf(summary);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("generating " + spec + " into " + out + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw unavailable(e);
        }
    }

    private static Method findWrite(Class<?> generator, Class<?> options) throws NoSuchMethodException {
        for (Method m : generator.getMethods()) {
            if (m.getName().equals("write") && m.getParameterCount() == 2 && m.getParameterTypes()[0] == options) {
                return m;
            }
        }
        throw new NoSuchMethodException(GENERATOR + ".write(Options, sink)");
    }

    private static IllegalStateException unavailable(ReflectiveOperationException e) {
        return new IllegalStateException("the synthetic population generator (" + GENERATOR
                + ") is not available in strata-core: " + e, e);
    }
}
