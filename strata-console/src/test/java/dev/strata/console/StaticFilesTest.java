package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.console.ConsoleServer.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console's files are served at / without a token, with cache headers, beside the API docs. */
@ExtendWith(BrowserExtension.class)
class StaticFilesTest {

    @Test
    void theRootServesTheConsoleWithoutAToken(ConsoleServer s) {
        Response r = s.send("GET", "/", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).contains("<script type=\"module\" src=\"/js/app.js\"></script>");
    }

    @Test
    void everyAssetTheIndexNamesIsServedWithoutAToken(ConsoleServer s) {
        String index = s.send("GET", "/index.html", null, null).body();
        List<String> assets = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"(/[^\"#]+)\"").matcher(index);
        while (m.find()) assets.add(m.group(1));
        assertThat(assets).contains("/css/console.css", "/js/app.js")
                .anyMatch(a -> a.startsWith("/webjars/bootstrap/"))
                .anyMatch(a -> a.startsWith("/webjars/echarts/5.3.1/"));
        for (String asset : assets) {
            Response r = s.send("GET", asset, null, null);
            assertThat(r.status()).as(asset).isEqualTo(200);
            assertThat(r.body()).as(asset).isNotEmpty();
        }
    }

    @Test
    void modulesAreJavaScriptAndRevalidatedWhileWebJarsAreKeptForAYear(ConsoleServer s) {
        Response module = s.send("GET", "/js/app.js", null, null);
        assertThat(module.header("Content-Type")).contains("javascript");
        assertThat(module.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(module.header("Last-Modified")).isNotNull();

        Response css = s.send("GET", "/webjars/bootstrap/5.3.8/css/bootstrap.min.css", null, null);
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
    }

    @Test
    void everyPageModuleOfTheRouterExists(ConsoleServer s) {
        String router = s.send("GET", "/js/router.js", null, null).body();
        Matcher m = Pattern.compile("module: '\\./(pages/[a-z]+\\.js)'").matcher(router);
        int found = 0;
        while (m.find()) {
            found++;
            assertThat(s.send("GET", "/js/" + m.group(1), null, null).status()).as(m.group(1)).isEqualTo(200);
        }
        assertThat(found).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theApiStillNeedsATokenAndTheDocsStillWork(ConsoleServer s) {
        assertThat(s.send("GET", "/api/segments", null, null).status()).isEqualTo(401);
        assertThat(s.send("GET", "/openapi.json", null, null).json().get("paths").has("/api/session")).isTrue();
        Response docs = s.send("GET", "/docs", null, null);
        assertThat(docs.status()).isIn(200, 302);
        if (docs.status() == 302) {
            String location = docs.header("Location");
            Response ui = s.send("GET", location.startsWith("http") ? location.substring(s.base().length()) : location, null, null);
            assertThat(ui.status()).as(location).isEqualTo(200);
            assertThat(ui.body()).containsIgnoringCase("swagger");
        }
    }

    @Test
    void anUnknownFileIsA404NotTheConsole(ConsoleServer s) {
        assertThat(s.send("GET", "/js/nothing-here.js", null, null).status()).isEqualTo(404);
    }
}
