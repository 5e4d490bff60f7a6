package dev.strata.console;

import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the console's files when this module is on the server's classpath (the server's root
 * page then forwards to {@code /index.html}). None of these paths needs a token: only {@code /api}
 * and {@code /v1} do, and the files hold no data.
 *
 * <p>WebJar paths carry their version, so a browser may keep them for a year; the console's own
 * files keep their names across releases, so the browser revalidates them on every load
 * (a cheap 304 through Last-Modified) and never runs a stale module against a newer server.
 */
@AutoConfiguration
public class ConsoleAutoConfiguration implements WebMvcConfigurer {
    static final String STATIC = "classpath:/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        // a pattern's wildcard part is resolved against its location, so each folder maps to its own
        registry.addResourceHandler("/*.html").addResourceLocations(STATIC).setCacheControl(CacheControl.noCache());
        for (String folder : new String[] {"css", "js", "img"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations(STATIC + folder + "/")
                    .setCacheControl(CacheControl.noCache());
        }
    }
}
