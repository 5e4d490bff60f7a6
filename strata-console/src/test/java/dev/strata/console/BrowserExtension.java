package dev.strata.console;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link ConsoleServer} (one per test run, shared by every class: the demo
 * population takes seconds to load) and a {@link Browser} (one per test class). A failing test
 * leaves a screenshot and the page's HTML in target/browser-failures/.
 */
public final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserExtension.class);

    static ConsoleServer server(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(ConsoleServer.class, k -> ConsoleServer.start(), ConsoleServer.class);
    }

    static Browser browser(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElse(context) : context;
        ConsoleServer server = server(context);
        return classContext.getStore(NS).getOrComputeIfAbsent(Browser.class, k -> new Browser(server), Browser.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
        Class<?> type = p.getParameter().getType();
        return type == Browser.class || type == ConsoleServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
        return p.getParameter().getType() == Browser.class ? browser(context) : server(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) return;
        Browser b = context.getParent().orElse(context).getStore(NS).get(Browser.class, Browser.class);
        if (b == null) return;
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        b.saveEvidence(Path.of("target", "browser-failures"), name);
    }
}
