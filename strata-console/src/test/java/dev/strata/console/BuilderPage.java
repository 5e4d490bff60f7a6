package dev.strata.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The builder as a user sees it: controls found by what they edit (a condition's JSON Pointer and the field's test id). */
final class BuilderPage {
    final Browser b;

    BuilderPage(Browser b) {
        this.b = b;
    }

    static By control(String pointer, String testId) {
        return By.cssSelector("[data-testid=\"" + testId + "\"][data-pointer=\"" + pointer + "\"]");
    }

    WebElement find(String pointer, String testId) {
        return b.find(control(pointer, testId), testId + " of " + (pointer.isEmpty() ? "the root" : pointer));
    }

    /** Chooses a kind in the group's Add menu and presses Add. */
    void add(String groupPointer, String kind) {
        b.select(find(groupPointer, "add-kind"), kind);
        find(groupPointer, "add-condition").click();
    }

    /** Types into a field and leaves it with Tab (which commits it, as a user moving on would). */
    void type(String pointer, String testId, String text) {
        WebElement e = find(pointer, testId);
        b.type(e, text);
        e.sendKeys(Keys.TAB);
    }

    void select(String pointer, String testId, String option) {
        b.select(find(pointer, testId), option);
    }

    /** Clicks a control after bringing it to the middle of the window, where the sticky estimate cannot cover it. */
    void click(String pointer, String testId) {
        WebElement e = find(pointer, testId);
        b.script("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    String text() {
        return b.find("builder-text").getAttribute("value");
    }

    /** The size shown, as the API would write it ("123" or "<11"), once the estimate is no longer busy. */
    String estimate() {
        return b.waitFor("an estimate", d -> {
            WebElement e = d.findElement(Browser.testId("builder-estimate"));
            String size = e.getAttribute("data-size");
            boolean stale = e.getAttribute("class").contains("estimate-stale");
            return size == null || size.isEmpty() || stale ? null : size;
        });
    }
}
