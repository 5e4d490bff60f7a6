package dev.strata.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;

/** What tests do on the segment, member and profile pages, in the terms of those pages. */
final class SegmentPages {
    private final Browser b;

    SegmentPages(Browser b) {
        this.b = b;
    }

    /**
     * Opens a route and waits for the router to render it. The page being left is marked first:
     * a change of hash alone keeps the document, and its old page must not pass for the new one.
     */
    static void go(Browser b, String route) {
        markStale(b);
        if (b.driver().getCurrentUrl().equals(b.server().base() + "/" + route)) b.driver().navigate().refresh();
        else b.open(route);
        freshPage(b);
    }

    /** Marks the current page, so that {@link #freshPage} waits for the router to replace it. */
    static void markStale(Browser b) {
        b.script("document.querySelectorAll('[data-page]').forEach(p => p.setAttribute('data-stale', ''))");
    }

    static void freshPage(Browser b) {
        b.waitUntil("the router to render " + b.driver().getCurrentUrl(),
                () -> !b.driver().findElements(By.cssSelector("[data-page]:not([data-stale])")).isEmpty());
        b.waitForPage();
    }

    /** Opens a segment page and waits for every panel to have loaded. */
    SegmentPages open(String segmentId) {
        go(b, "#/segment/" + segmentId);
        return settled();
    }

    /** Waits for the page (and every chart card on it) to finish loading, and for the charts to be drawn. */
    SegmentPages settled() {
        freshPage(b);
        b.find(By.cssSelector("[data-page]:not([data-stale]) [data-testid=segment-page]"), "the segment page");
        b.waitUntil("every chart to be drawn", () -> Boolean.TRUE.equals(b.script(
                "return [...document.querySelectorAll('.chart')].every(el => el.hidden"
                        + " || el.closest('.card').querySelector('.chart-status').textContent !== ''"
                        + " || (window.echarts && echarts.getInstanceByDom(el)))")));
        b.find(By.cssSelector("[data-page]:not([data-stale]) [data-testid=scorecard]:not([data-state=loading])"), "the scorecard");
        return this;
    }

    /**
     * The definition of a drilled population, written here independently of the console:
     * {@code in segment "Name"} alone, or {@code (in segment "Name") and (c1) and (c2)…}.
     */
    static String base(String segmentName, List<String> conditions) {
        String ref = "in segment " + ConsoleServer.JSON.writeValueAsString(segmentName);
        if (conditions.isEmpty()) return ref;
        StringBuilder out = new StringBuilder("(").append(ref).append(")");
        for (String c : conditions) out.append(" and (").append(c).append(")");
        return out.toString();
    }

    /** The data-testid of the breakdown card for a dimension, e.g. "address.state" → breakdown-address-state. */
    static String breakdown(String by) {
        return "breakdown-" + by.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "").toLowerCase();
    }

    /** The rows of a chart's table: first cell (label) and the other cells' text, as shown. */
    List<List<String>> tableRows(String tableTestId) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : b.driver().findElements(By.cssSelector("[data-testid=\"" + tableTestId + "\"] tbody tr"))) {
            List<String> cells = new ArrayList<>();
            for (WebElement cell : tr.findElements(By.cssSelector("th, td"))) cells.add(cell.getAttribute("textContent").trim());
            rows.add(cells);
        }
        return rows;
    }

    /**
     * Clicks bar {@code index} of a breakdown chart where it is drawn: the pixel comes from the
     * chart itself (ECharts' convertToPixel), and the click is a real mouse click there.
     */
    void clickBar(String breakdownTestId, int index) {
        WebElement chart = b.find(breakdownTestId + "-chart");
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) b.script(
                "const c = echarts.getInstanceByDom(arguments[0]);"
                        + "const v = c.getOption().series[0].data[arguments[1]].value;"
                        + "const p = c.convertToPixel({seriesIndex: 0}, [v / 2, arguments[1]]);"
                        + "const r = arguments[0].getBoundingClientRect();"
                        + "return {x: p[0] - r.width / 2, y: p[1] - r.height / 2};", chart, index);
        b.script("arguments[0].scrollIntoView({block: 'center'})", chart);
        new Actions(b.driver()).moveToElement(chart, ((Number) at.get("x")).intValue(), ((Number) at.get("y")).intValue())
                .click().perform();
    }

    /** Shows a breakdown's table instead of its chart and activates row {@code index} with the keyboard. */
    void pickRow(String breakdownTestId, int index) {
        WebElement toggle = b.find(breakdownTestId + "-toggle");
        b.script("arguments[0].scrollIntoView({block: 'center'})", toggle);
        toggle.sendKeys(Keys.ENTER);
        b.waitUntil("the table to be shown", () -> "true".equals(toggle.getAttribute("aria-pressed")));
        WebElement pick = b.find(breakdownTestId + "-table-pick-" + index);
        pick.sendKeys(Keys.ENTER);
    }

    /** The drill-down conditions the URL holds. */
    List<String> drillInUrl() {
        String url = b.driver().getCurrentUrl();
        int at = url.indexOf("drill=");
        if (at < 0) return List.of();
        String raw = url.substring(at + "drill=".length()).replaceAll("&.*$", "");
        JsonNode arr = ConsoleServer.JSON.readTree(URLDecoder.decode(raw, StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** The conditions shown in the breadcrumb, after the segment. */
    List<String> crumbs() {
        List<String> out = new ArrayList<>();
        for (int level = 1; b.present("crumb-" + level); level++) {
            out.add(b.driver().findElement(By.cssSelector("[data-testid=\"crumb-" + level + "\"] code")).getText());
        }
        return out;
    }

    /** The sub-population's size as shown, once it has been counted. */
    String populationSize() {
        return b.waitText("population-size", "a count", t -> !t.isBlank() && !t.contains("Counting"));
    }

    /** Does something that navigates (a click on a bar, a crumb…) and waits for the page it leads to. */
    SegmentPages navigating(Runnable action) {
        markStale(b);
        action.run();
        return settled();
    }

    /** Waits for the page to show the given drill-down depth. */
    SegmentPages atDepth(int depth) {
        b.waitUntil("the drill-down to reach depth " + depth, () -> drillInUrl().size() == depth && crumbs().size() == depth);
        return settled();
    }
}
