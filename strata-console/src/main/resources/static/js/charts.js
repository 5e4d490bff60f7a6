// Charts (ECharts, loaded by index.html as the global `echarts`) and the tables that carry the
// same numbers for screen readers and tests. A count is a number, "<11" or "hidden": charts draw
// numbers only and label the others as they came; nothing here derives a number from them.
import { countText, h, loading } from './ui.js';

const live = new Set();

/** The count as a number to draw, or null when the server did not give one. */
export function drawable(x) {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}


const observer = typeof ResizeObserver === 'function'
  ? new ResizeObserver(entries => entries.forEach(e => window.echarts?.getInstanceByDom(e.target)?.resize()))
  : null;

/** Disposes charts whose element left the page (the router replaces the page's DOM). */
function sweep() {
  for (const chart of [...live]) {
    const dom = chart.getDom();
    if (!dom || !dom.isConnected) {
      observer?.unobserve(dom);
      chart.dispose();
      live.delete(chart);
    }
  }
}

/** Disposes the charts inside root: a page's cleanup when the user leaves it. */
export function disposeWithin(root) {
  for (const chart of [...live]) {
    const dom = chart.getDom();
    if (!dom || root.contains(dom)) {
      if (dom) observer?.unobserve(dom);
      chart.dispose();
      live.delete(chart);
    }
  }
}

/** Draws an option into el once el is in the page; returns null when ECharts is unavailable. */
function mount(el, option, onClick) {
  sweep();
  if (!window.echarts) {
    el.append(h('p', { class: 'text-body-secondary small' }, 'Chart unavailable: the table holds the numbers.'));
    return null;
  }
  const chart = window.echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({ animation: false, ...option });
  if (onClick) chart.on('click', onClick);
  live.add(chart);
  observer?.observe(el);
  return chart;
}

const palette = ['#2f6fb0', '#d9822b', '#3b9c6b', '#a34e9c', '#c23b3b', '#6b7a8f'];

/**
 * Horizontal bars, one per bucket, largest first as the server sent them.
 * bars: [{label, count, key}], onPick(bar) when a bar or its label is clicked.
 */
export function barChart(el, bars, onPick) {
  el.style.height = Math.max(140, bars.length * 26 + 24) + 'px';
  const data = bars.map(b => ({ value: drawable(b.count) ?? 0, raw: b.count }));
  const option = {
    color: palette,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: p => `${escapeHtml(bars[p.dataIndex].label)}: ${escapeHtml(countText(p.data.raw))}` },
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      type: 'category', inverse: true, triggerEvent: true,
      data: bars.map(b => b.label),
      axisLabel: { width: 120, overflow: 'truncate', interval: 0 },
    },
    series: [{
      type: 'bar', data, barMaxWidth: 22, cursor: onPick ? 'pointer' : 'default',
      label: { show: true, position: 'right', formatter: p => countText(p.data.raw) },
    }],
  };
  return mount(el, option, onPick && (p => {
    const i = p.componentType === 'yAxis' ? bars.findIndex(b => b.label === p.value) : p.dataIndex;
    if (i >= 0) onPick(bars[i]);
  }));
}

/**
 * Lines and bars over days. series: [{name, type: 'line'|'bar', values: [count|x], dashed, stack, negate,
 * axis}]; axes: [{name, scale, integer, right}] (the series' axis is its index); marks: [{from, to, label}] shaded days.
 */
export function timeChart(el, days, series, { marks = [], onPickDay, axes = [{}] } = {}) {
  const option = {
    color: palette,
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: ps => [escapeHtml(ps[0].axisValue), ...ps.filter(p => p.data && p.data.raw !== undefined)
        .map(p => `${p.marker}${escapeHtml(p.seriesName)}: ${escapeHtml(fmtValue(p.data.raw))}`)].join('<br>'),
    },
    xAxis: { type: 'category', data: days, boundaryGap: series.some(s => s.type === 'bar') },
    yAxis: axes.map(a => ({ type: 'value', name: a.name, scale: !!a.scale, minInterval: a.integer ? 1 : undefined, nameTextStyle: { align: a.right ? 'right' : 'left' },
      splitLine: { show: !a.right }, position: a.right ? 'right' : 'left' })),
    series: series.map(s => ({
      name: s.name,
      type: s.type,
      stack: s.stack,
      yAxisIndex: s.axis || 0,
      // a series of a few points (a segment created today) would be invisible as a line alone
      showSymbol: s.values.filter(v => v !== undefined && v !== null).length < 3,
      connectNulls: false,
      barMaxWidth: 14,
      lineStyle: s.dashed ? { type: 'dashed' } : undefined,
      itemStyle: s.color ? { color: s.color } : undefined,
      data: s.values.map(v => (v === undefined ? null : { value: drawable(s.negate && typeof v === 'number' ? -v : v), raw: v })),
      markArea: s === series[0] && marks.length ? {
        silent: true,
        itemStyle: { color: 'rgba(120,120,120,0.12)' },
        label: { color: '#555', position: 'insideTop' },
        data: marks.map(m => [{ name: m.label, xAxis: m.from }, { xAxis: m.to }]),
      } : undefined,
    })),
  };
  const chart = mount(el, option);
  if (chart && onPickDay) {
    // Lines have no symbols to click: any click inside the grid picks the day under the pointer.
    chart.getZr().on('click', ev => {
      const at = [ev.offsetX, ev.offsetY];
      if (!chart.containPixel('grid', at)) return;
      const i = Math.round(chart.convertFromPixel({ xAxisIndex: 0 }, at[0]));
      if (days[i]) onPickDay(days[i]);
    });
    chart.getZr().setCursorStyle?.('pointer');
  }
  return chart;
}

function fmtValue(x) {
  if (typeof x === 'number' && !Number.isInteger(x)) return x.toFixed(1);
  return x == null ? 'n/a' : countText(x);
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/**
 * A table of a chart's numbers. columns: [{label, value: row => node|string}];
 * pick: {label: row => accessible name, can: row => boolean, onPick(row)} makes the first cell a button.
 */
export function dataTable({ caption, columns, rows, pick, testid }) {
  const head = h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c.label)));
  const body = rows.map((row, i) => h('tr', { 'data-testid': testid ? `${testid}-row-${i}` : null },
    columns.map((c, j) => {
      const content = c.value(row);
      if (j === 0) {
        const cell = pick && (!pick.can || pick.can(row))
          ? h('button', { type: 'button', class: 'btn btn-link p-0 text-start', 'aria-label': pick.label(row),
              'data-testid': testid ? `${testid}-pick-${i}` : null, onclick: () => pick.onPick(row) }, content)
          : content;
        return h('th', { scope: 'row' }, cell);
      }
      return h('td', {}, content);
    })));
  return h('table', { class: 'table table-sm chart-table', 'data-testid': testid },
    h('caption', {}, caption), h('thead', {}, head), h('tbody', {}, body));
}

/**
 * A titled card holding a chart and its table. The table is visually hidden (read by screen
 * readers, and shown while it has the keyboard focus) until the toggle shows it instead of the chart.
 */
export function chartCard({ title, testid, controls = [], note }) {
  const chartEl = h('div', { class: 'chart', 'aria-hidden': 'true', 'data-testid': `${testid}-chart` });
  const tableEl = h('div', { class: 'chart-data visually-hidden-until-focus', 'data-testid': `${testid}-data` });
  const toggle = h('button', {
    type: 'button', class: 'btn btn-sm btn-outline-secondary', 'aria-pressed': 'false',
    'data-testid': `${testid}-toggle`, 'aria-label': `Show ${title} as a table`,
    onclick: () => {
      const showTable = toggle.getAttribute('aria-pressed') !== 'true';
      toggle.setAttribute('aria-pressed', String(showTable));
      toggle.textContent = showTable ? 'Chart' : 'Table';
      tableEl.classList.toggle('visually-hidden-until-focus', !showTable);
      chartEl.hidden = showTable;
      if (!showTable) window.echarts?.getInstanceByDom(chartEl)?.resize();
    },
  }, 'Table');
  const status = h('div', { class: 'chart-status', 'data-testid': `${testid}-status` });
  const card = h('section', { class: 'card chart-card', 'data-testid': testid, 'aria-label': title },
    h('div', { class: 'card-header d-flex flex-wrap gap-2 align-items-center' },
      h('h2', { class: 'h6 mb-0 me-auto' }, title), ...controls, toggle),
    h('div', { class: 'card-body' }, note ? h('p', { class: 'small text-body-secondary mb-2' }, note) : null,
      status, chartEl, tableEl));
  return {
    card, chartEl, tableEl, status,
    /** Replaces the chart and table; draw(chartEl) draws the chart once it is in the page. */
    show(table, draw) {
      status.replaceChildren();
      status.className = 'chart-status';
      tableEl.replaceChildren(table);
      chartEl.replaceChildren();
      window.echarts?.getInstanceByDom(chartEl)?.dispose();
      chartEl.hidden = toggle.getAttribute('aria-pressed') === 'true';
      requestAnimationFrame(() => { if (chartEl.isConnected) draw(chartEl); });
    },
    loading() {
      status.className = 'chart-status';
      status.replaceChildren(loading());
    },
    fail(message) {
      window.echarts?.getInstanceByDom(chartEl)?.dispose();
      chartEl.replaceChildren();
      tableEl.replaceChildren();
      status.textContent = message;
      status.className = 'chart-status alert alert-warning py-1 px-2 small';
    },
    empty(message) {
      window.echarts?.getInstanceByDom(chartEl)?.dispose();
      chartEl.replaceChildren();
      tableEl.replaceChildren();
      status.textContent = message;
      status.className = 'chart-status text-body-secondary small';
    },
  };
}
