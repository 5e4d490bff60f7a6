package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Signing in with a token: the role the server reports decides the navigation. */
@BrowserTest
class SignInTest {

    @Test
    void anEditorSignsInSeesTheRoleAndSignsOut(Browser b) {
        b.signIn("editor");
        assertThat(b.text("nav-role")).isEqualTo("editor");
        assertThat(b.text("nav-builder")).isEqualTo("New segment");
        b.click("sign-out");
        b.find("signin-token");
        assertThat(b.script("return sessionStorage.getItem('strata.session')")).isNull();
        b.open("#/segments");
        assertThat(b.driver().getCurrentUrl()).contains("#/signin");
    }

    @Test
    void anAnalystIsToldTheBuilderOnlyExplores(Browser b) {
        b.signIn("analyst");
        assertThat(b.text("nav-role")).isEqualTo("analyst");
        assertThat(b.text("nav-builder")).isEqualTo("Explore");
        b.open("#/members?base=true");
        assertThat(b.text("empty-state")).contains("Aggregates only");
    }

    @Test
    void anUnknownTokenIsRefusedWithAMessage(Browser b) {
        b.signedOut();
        b.type("signin-token", "st_not_a_real_token");
        b.click("signin-submit");
        b.waitText("signin-error", "the refusal", t -> t.contains("unknown or has been revoked"));
        assertThat(b.focused().getAttribute("data-testid")).isEqualTo("signin-token");
    }

    @Test
    void anIngestTokenCannotOpenTheConsole(Browser b) {
        b.signedOut();
        b.type("signin-token", b.server().token("ingest"));
        b.click("signin-submit");
        b.waitText("signin-error", "the ingest explanation", t -> t.contains("ingest token"));
    }

    @Test
    void aDeepLinkSurvivesSigningIn(Browser b) {
        b.signedOut();
        b.open("#/builder");
        assertThat(b.driver().getCurrentUrl()).contains("#/signin?next=");
        b.type("signin-token", b.server().token("admin"));
        b.click("signin-submit");
        b.find("page-builder");
        assertThat(b.consoleErrors()).isEmpty();
    }
}
