// Event activity of the population against everyone, per 1000 profiles of each so the lines
// compare. A day's point narrows the population to those who did the event that day.
import { fmtCount, h } from '../ui.js';
import { chartCard, dataTable, timeChart } from '../charts.js';
import { didOnDay } from '../paths.js';

const RANGES = [30, 90, 180];

export function activityCard(page) {
  const event = h('select', { class: 'form-select form-select-sm w-auto', 'data-testid': 'activity-event',
    'aria-label': 'Event', onchange: () => load() }, h('option', { value: '' }, 'Loading events…'));
  event.disabled = true;
  const days = h('select', { class: 'form-select form-select-sm w-auto', 'data-testid': 'activity-days',
    'aria-label': 'Days of activity', onchange: () => load() },
    RANGES.map(d => h('option', { value: String(d) }, `${d} days`)));
  days.value = '90';
  const card = chartCard({ title: 'Event activity', testid: 'activity', controls: [event, days] });
  const load = () => {
    if (!event.value) return;
    card.loading();
    page.api.post('/api/analytics/activity', { definition: page.base, event: event.value, days: Number(days.value) })
      .then(res => show(card, res, page))
      .catch(e => card.fail(e.message));
  };
  card.loading();
  page.schema.then(schema => {
    const events = schema.events || [];
    if (events.length === 0) {
      card.empty('No events have been received yet.');
      return;
    }
    event.replaceChildren(...events.map(e => h('option', { value: e.name }, e.name)));
    event.value = events.some(e => e.name === 'App Open') ? 'App Open' : events[0].name;
    event.disabled = false;
    load();
  }).catch(e => card.fail(e.message));
  return card.card;
}

function show(card, res, page) {
  const points = res.days || [];
  if (points.length === 0) {
    card.empty(`No "${res.event}" events in this range.`);
    return;
  }
  const days = points.map(p => p.day);
  const series = [
    { name: 'This population, per 1000', type: 'line', values: points.map(p => p.membersPer1000) },
    { name: 'Everyone, per 1000', type: 'line', values: points.map(p => p.everyonePer1000), color: '#6b7a8f' },
  ];
  const per1000 = x => (typeof x === 'number' ? x.toFixed(1) : '—');
  const caption = h('span', {}, `"${res.event}" per day: this population (`, fmtCount(res.members),
    ' profiles) against everyone (', fmtCount(res.everyone), ' profiles)');
  const table = dataTable({
    caption,
    testid: 'activity-table',
    columns: [
      { label: 'Day', value: p => p.day },
      { label: 'Events, this population', value: p => fmtCount(p.membersEvents) },
      { label: 'Events, everyone', value: p => fmtCount(p.everyoneEvents) },
      { label: 'Per 1000, this population', value: p => per1000(p.membersPer1000) },
      { label: 'Per 1000, everyone', value: p => per1000(p.everyonePer1000) },
    ],
    rows: points,
    pick: { label: p => `Narrow to those who did ${res.event} on ${p.day}`, onPick: p => page.pick(didOnDay(res.event, p.day)) },
  });
  card.show(table, el => timeChart(el, days, series, { axes: [{ name: 'events per 1000 profiles' }],
    onPickDay: day => page.pick(didOnDay(res.event, day)) }));
}
