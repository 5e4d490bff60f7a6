package dev.strata.server;

import dev.strata.server.security.Bootstrap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Strata server: {@code bin/strata serve}, tests and embedding all come through here. */
public final class StrataServer {
    private StrataServer() {
    }

    public static RunningServer start(ServerOptions options) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StrataApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .properties(springProperties(options))
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("serverOptions", options))
                .run();
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        return new RunningServer(context, port, context.getBean(Bootstrap.class).generated());
    }

    /** The Spring settings that follow from the options; fixed ones are in strata-server.properties. */
    static Map<String, Object> springProperties(ServerOptions o) {
        Map<String, Object> p = new HashMap<>();
        // Only Strata's own settings file: an application.properties lying in the working directory must not change the server.
        p.put("spring.config.location", "classpath:/strata-server.properties");
        p.put("server.address", o.host());
        p.put("server.port", o.port());
        p.put("spring.lifecycle.timeout-per-shutdown-phase", o.shutdownGrace().toMillis() + "ms");
        if (o.jsonLogs()) p.put("logging.structured.format.console", "logstash");
        return p;
    }

    /** Runs with options from the environment and STRATA_CONFIG only (the CLI's serve command adds flags). */
    public static void main(String[] args) throws InterruptedException {
        ServerOptions options = OptionSources.resolve(Map.of(), System.getenv());
        RunningServer server = start(options);
        System.err.println("strata listening on http://" + options.host() + ":" + server.port());
        server.awaitClose();
    }
}
