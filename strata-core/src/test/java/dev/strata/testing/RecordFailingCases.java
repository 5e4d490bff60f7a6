package dev.strata.testing;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * After a property fails, writes each shrunk {@link ConformanceCase} parameter as a regression
 * directory (see {@link RegressionFiles}) and prints the seed, the case and where it went, so that
 * the case is replayed by every later build even after the seed stops producing it.
 *
 * <p>A failure caused by {@link UnsupportedOperationException} is not recorded: that is code
 * that does not exist yet, and its cases would say nothing once it does.
 */
public final class RecordFailingCases implements AroundPropertyHook {

    /** Declared on a class, the hook wraps each of its properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyExecutionResult result = property.execute();
        if (result.status() != PropertyExecutionResult.Status.FAILED) return result;
        Throwable failure = result.throwable().orElse(null);
        if (notImplemented(failure)) return result;
        List<Object> parameters = result.falsifiedParameters().orElse(List.of());
        String seed = result.seed().orElse("?");
        for (Object p : parameters) {
            if (!(p instanceof ConformanceCase c)) continue;
            String note = "Recorded from " + context.extendedLabel() + ", seed " + seed + "\n\n"
                    + (failure == null ? "" : String.valueOf(failure.getMessage())) + "\n";
            Path dir = RegressionFiles.write(c, RegressionFiles.failureRoot(), note);
            System.err.println("Conformance failure in " + context.extendedLabel() + " (seed " + seed + "), written to "
                    + dir.toAbsolutePath() + ":" + c);
        }
        return result;
    }

    private static boolean notImplemented(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof UnsupportedOperationException) return true;
        }
        return false;
    }
}
