package dev.strata.server.analytics;

import dev.strata.server.web.SmallCells;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A history as a caller may see it. Each day's entries and exits lie between two consecutive
 * sizes (on the day of creation, between nothing and the size), so they form one relation of the
 * small-cell rule per day.
 */
public final class HistoryView {
    public static final long DAY_MS = HistoryService.DAY;
    private final HistoryService.History history;
    private final SmallCells.Table table;
    private final int[][] cells; // per point: size, entered, exited

    public HistoryView(HistoryService.History history, SmallCells rule) {
        this.history = history;
        this.table = rule.table();
        List<HistoryService.Point> points = history.points();
        cells = new int[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            HistoryService.Point p = points.get(i);
            cells[i] = new int[] {table.total(p.size()), table.part(p.entered()), table.part(p.exited())};
            long day = p.day().toEpochDay();
            if (day == history.createdDay()) {
                table.relate(cells[i][1], cells[i][2], cells[i][0]);
            } else if (i > 0 && points.get(i - 1).day().toEpochDay() == day - 1) {
                table.relate(cells[i - 1][0], cells[i][1], cells[i][2], cells[i][0]);
            }
        }
    }

    /** The points as JSON objects: day, size, entered, exited, reconstructed. */
    public List<Map<String, Object>> points() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<HistoryService.Point> points = history.points();
        for (int i = 0; i < points.size(); i++) {
            HistoryService.Point p = points.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("day", p.day().toString());
            m.put("size", table.shown(cells[i][0]));
            m.put("entered", table.shown(cells[i][1]));
            m.put("exited", table.shown(cells[i][2]));
            m.put("reconstructed", p.reconstructed());
            out.add(m);
        }
        return out;
    }

    /** The shown size of each of the last {@code days} days, oldest first; null for a day without one. */
    public List<Object> sizes(LocalDate today, int days) {
        Map<LocalDate, Object> byDay = new HashMap<>();
        for (int i = 0; i < cells.length; i++) byDay.put(history.points().get(i).day(), table.shown(cells[i][0]));
        List<Object> out = new ArrayList<>();
        for (int k = days - 1; k >= 0; k--) out.add(byDay.get(today.minusDays(k)));
        return out;
    }

    /** Today's size minus the size {@code days} days earlier; "hidden" when either is not shown as a number; null when unknown. */
    public Object change(LocalDate today, int days) {
        List<Object> sizes = sizes(today, days + 1);
        Object then = sizes.get(0);
        Object now = sizes.get(days);
        if (then == null || now == null) return null;
        if (then instanceof Long a && now instanceof Long b) return b - a;
        return SmallCells.HIDDEN;
    }
}
