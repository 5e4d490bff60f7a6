package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Keyboard use, visible focus, accessible names and test ids, and what a revoked token leads to. */
@BrowserTest
class AccessibilityTest {
    /** Every visible control without an accessible name or without a data-testid. */
    static final String UNNAMED = """
            const named = (e) => {
              const byIds = (e.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
                .map((id) => (document.getElementById(id) || {}).textContent || '').join('');
              return [e.getAttribute('aria-label'), byIds, [...(e.labels || [])].map((l) => l.textContent).join(''),
                e.matches('button, a') ? e.textContent : '', e.getAttribute('title')].some((t) => t && t.trim());
            };
            return [...document.querySelectorAll('input, select, textarea, button, a[href]')]
              .filter((e) => e.getClientRects().length > 0 && e.type !== 'hidden')
              .filter((e) => !named(e) || !e.dataset.testid)
              .map((e) => e.outerHTML.slice(0, 160));
            """;

    @Test
    void everyControlHasANameAndATestId(Browser b) {
        b.signedOut();
        assertThat(unnamed(b)).as("sign-in page").isEmpty();
        b.signIn("editor");
        assertThat(unnamed(b)).as("segments page").isEmpty();
        b.open("#/builder?definition=" + URLEncoder.encode(LayoutTest.NESTED, StandardCharsets.UTF_8));
        b.waitUntil("the nested tree", () -> b.all("condition").size() >= 6);
        assertThat(unnamed(b)).as("builder").isEmpty();
        assertThat(b.consoleErrors()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> unnamed(Browser b) {
        return (List<String>) b.script(UNNAMED);
    }

    @Test
    void theSkipLinkComesFirstAndLeadsToTheContent(Browser b) {
        b.signIn("analyst");
        String first = (String) b.script("return [...document.querySelectorAll('a[href], button, input, select, textarea')]"
                + ".find((e) => e.tabIndex >= 0).dataset.testid");
        assertThat(first).isEqualTo("skip-link");
        WebElement skip = b.driver().findElement(Browser.testId("skip-link"));
        b.script("arguments[0].focus()", skip);
        assertThat(skip.getRect().getY()).as("visible when focused").isGreaterThanOrEqualTo(0);
        skip.sendKeys(Keys.ENTER);
        assertThat(b.focused().getAttribute("id")).isEqualTo("main");
        assertThat(b.driver().getCurrentUrl()).endsWith("#/segments");
    }

    @Test
    void aConditionIsAddedNegatedAndFilledWithTheKeyboardAlone(Browser b) {
        b.signIn("editor");
        b.open("#/builder");
        assertThat(b.focusedId()).isEqualTo("page-title");
        b.tabTo("add-kind@", false, 20);
        assertVisibleFocus(b);
        b.focused().sendKeys(Keys.END); // the last kind: a group
        b.focused().sendKeys(Keys.HOME, "Event");
        assertThat(b.focused().getAttribute("value")).isEqualTo("event");
        b.focused().sendKeys(Keys.TAB);
        assertThat(b.focusedId()).isEqualTo("add-condition@");
        b.focused().sendKeys(Keys.ENTER);
        b.waitUntil("the new event's name to have the focus", () -> "event-name@/conditions/0".equals(b.focusedId()));
        b.focused().sendKeys("Doctor Visit", Keys.TAB);
        b.waitUntil("the text form to follow", () -> "did \"Doctor Visit\"".equals(new BuilderPage(b).text()));

        b.tabTo("cond-not@/conditions/0", true, 10);
        assertVisibleFocus(b);
        b.focused().sendKeys(Keys.SPACE);
        b.waitUntil("the NOT button to stay focused on the negated condition", () -> "cond-not@/conditions/0/condition".equals(b.focusedId()));
        assertThat(b.focused().getAttribute("aria-pressed")).isEqualTo("true");
        b.waitUntil("the text form to show the negation", () -> "not did \"Doctor Visit\"".equals(new BuilderPage(b).text()));
        // Enter on the same button takes the NOT away again
        b.focused().sendKeys(Keys.ENTER);
        b.waitUntil("the negation to go", () -> "did \"Doctor Visit\"".equals(new BuilderPage(b).text()));
        assertThat(b.focusedId()).isEqualTo("cond-not@/conditions/0");
    }

    @Test
    void columnsSortFromTheKeyboard(Browser b, ConsoleServer s) {
        b.signIn("editor");
        WebElement size = b.find("sort-size");
        b.script("arguments[0].focus()", size);
        size.sendKeys(Keys.ENTER);
        b.waitUntil("descending sizes", () -> "descending".equals(header(b, "sort-size")));
        assertThat(sizes(b)).isSortedAccordingTo((x, y) -> Long.compare(y, x));
        b.find("sort-size").sendKeys(Keys.SPACE);
        b.waitUntil("ascending sizes", () -> "ascending".equals(header(b, "sort-size")));
        assertThat(sizes(b)).isSorted();
        assertThat(b.focusedId()).isEqualTo("sort-size");
        assertThat(b.driver().getCurrentUrl()).contains("sort=size");
    }

    @Test
    void aRevokedTokenLeadsBackToSignInWithANotice(Browser b, ConsoleServer s) {
        ConsoleServer.Response created = s.api("POST", "/api/tokens", "admin", Map.of("name", "short-lived", "role", "editor"));
        b.signInWith(created.json().get("token").asString());
        assertThat(s.api("DELETE", "/api/tokens/" + created.json().get("id").asString(), "admin", null).status()).isEqualTo(204);
        b.open("#/builder");
        b.find("signin-expired");
        assertThat(b.script("return sessionStorage.getItem('strata.session')")).isNull();
    }

    private static String header(Browser b, String sortButton) {
        return b.find(sortButton).findElement(org.openqa.selenium.By.xpath("..")).getAttribute("aria-sort");
    }

    private static List<Long> sizes(Browser b) {
        return b.all("segment-size").stream().map(e -> e.getAttribute("data-count"))
                .filter(v -> v.matches("\\d+")).map(Long::parseLong).toList();
    }

    private static void assertVisibleFocus(Browser b) {
        WebElement f = b.focused();
        String style = (String) b.script("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth", f);
        assertThat(style).as("the focus outline of %s", b.focusedId()).startsWith("solid").doesNotEndWith(" 0px");
        assertThat(Double.parseDouble(style.split(" ")[1].replace("px", ""))).isGreaterThanOrEqualTo(2);
    }
}
