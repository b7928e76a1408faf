// The championship page: standings with an "after race N" selector, charts, each race's classification with the
// stewards' decisions, the next grid and the revision history, kept up to date from the server's event stream.
(function () {
  const {el, get, countryCode} = Pitwall;
  const id = decodeURIComponent(location.pathname.split('/')[2] || '');
  const base = '/api/championships/' + encodeURIComponent(id);
  const state = {after: null, shownPoints: new Map(), charts: []};

  const $ = selector => document.querySelector(selector);

  async function load(fromEvent) {
    const info = await get(base);
    document.title = info.name + ' — Pitwall';
    $('#title').textContent = info.name;
    $('#revision').textContent = 'Revision ' + info.revision;
    $('#svg-link').setAttribute('href', '/c/' + encodeURIComponent(id) + '/progression.svg');
    const run = info.races.filter(r => r.results !== 'not run');
    fillSelector(run);
    await Promise.all([renderStandings(run, fromEvent), renderCharts(run), renderRaces(run), renderGrid(info.races), renderHistory()]);
  }

  function fillSelector(run) {
    const select = $('#after');
    const keep = state.after && run.some(r => r.slug === state.after) ? state.after : null;
    select.replaceChildren(...run.map(r => el('option', {value: r.slug}, 'after ' + r.name)));
    select.value = keep || (run.length ? run[run.length - 1].slug : '');
    select.disabled = run.length === 0;
  }

  async function renderStandings(run, fromEvent) {
    const body = $('#standings tbody');
    if (run.length === 0) {
      body.replaceChildren(el('tr', {}, el('td', {colspan: 6}, 'No race has been run yet.')));
      return;
    }
    const after = $('#after').value;
    const index = run.findIndex(r => r.slug === after);
    const [now, before] = await Promise.all([
      get(base + '/standings?after=' + encodeURIComponent(after)),
      index > 0 ? get(base + '/standings?after=' + encodeURIComponent(run[index - 1].slug)) : Promise.resolve(null)]);
    const previousPosition = new Map((before ? before.standings : []).map(r => [r.driver, r.position]));
    const leader = now.standings.length ? Number(now.standings[0].points) : 0;
    let unknownCarryOver = false;
    const rows = now.standings.map(r => {
      const changed = fromEvent && state.shownPoints.has(r.driver) && state.shownPoints.get(r.driver) !== String(r.points);
      unknownCarryOver ||= !r.carryOverKnown;
      const was = previousPosition.get(r.driver);
      const trend = !before || was == null || r.position == null ? '–'
        : was > r.position ? '▲' + (was - r.position) : was < r.position ? '▼' + (r.position - was) : '=';
      const gap = Number(r.points) === leader ? '' : '−' + (Math.round((leader - Number(r.points)) * 100) / 100);
      return el('tr', {class: changed ? 'changed' : null, 'data-driver': r.driver},
        el('td', {class: 'num'}, r.position == null ? 'EX' : r.position),
        el('th', {scope: 'row'},
          el('span', {class: 'driver'}, r.driver + (r.carryOverKnown ? '' : ' *')),
          el('span', {class: 'country', title: r.country || ''}, countryCode(r.country)),
          r.onlineId ? el('span', {class: 'muted online'}, r.onlineId) : null),
        el('td', {class: 'num points'}, r.points),
        el('td', {class: 'num'}, gap),
        el('td', {class: 'num wide'}, r.wins),
        el('td', {class: 'num trend wide'}, trend));
    });
    body.replaceChildren(...rows);
    if (after === run[run.length - 1].slug) {
      state.shownPoints = new Map(now.standings.map(r => [r.driver, String(r.points)]));
    }
    $('#standings-note').textContent = unknownCarryOver
      ? '* points carried over from earlier rounds are not known for this driver: counted as 0' : '';
    await renderOutlook(after);
  }

  async function renderOutlook(after) {
    const outlook = await get(base + '/scenarios?after=' + encodeURIComponent(after));
    if (outlook.remaining.length === 0) {
      const champion = outlook.drivers.find(d => d.canWin === 'yes');
      $('#outlook').replaceChildren(el('p', {}, champion ? champion.driver + ' is the champion: no race remains.' : 'No race remains.'));
      return;
    }
    const contenders = outlook.drivers.filter(d => d.canWin !== 'no');
    const rows = contenders.map(d => el('tr', {},
      el('th', {scope: 'row'}, d.driver),
      el('td', {class: 'num'}, d.points),
      el('td', {}, d.canWin),
      el('td', {class: 'num'}, d.bestPosition == null ? '?' : d.bestPosition + '–' + d.worstPosition),
      el('td', {class: 'num'}, (100 * d.probability).toFixed(1) + '%')));
    const sentences = contenders.flatMap(d => d.needs.filter(n => n.position === 1 && n.verdict !== 'cannot').map(n => n.sentence));
    $('#outlook').replaceChildren(
      el('p', {}, 'Before ' + outlook.remaining.join(', ') + ': ' + contenders.length + ' of ' + outlook.drivers.length
        + ' drivers can still win the title.'),
      el('div', {class: 'scroll'}, el('table', {},
        el('caption', {class: 'visually-hidden'}, 'Who can still win'),
        el('thead', {}, el('tr', {}, ...['Driver', 'Points', 'Can win', 'Final position', 'Title odds'].map((h, i) =>
          el('th', {scope: 'col', class: [1, 3, 4].includes(i) ? 'num' : null}, h)))),
        el('tbody', {}, ...rows))),
      el('ul', {class: 'needs'}, ...sentences.map(s => el('li', {}, s))),
      ...constructorsOutlook(outlook.constructors || []),
      el('p', {class: 'muted'}, 'Odds: ' + outlook.odds + '.'));
  }

  /** The constructors' title outlook, where the championship has a constructors' table. */
  function constructorsOutlook(teams) {
    const contenders = teams.filter(t => t.canWin !== 'no');
    if (contenders.length === 0) return [];
    const rows = contenders.map(t => el('tr', {},
      el('th', {scope: 'row'}, t.constructor),
      el('td', {class: 'num'}, t.points),
      el('td', {}, t.canWin),
      el('td', {class: 'num'}, t.bestPosition == null ? '?' : t.bestPosition + '–' + t.worstPosition),
      el('td', {class: 'num'}, t.probability == null ? '' : (100 * t.probability).toFixed(1) + '%')));
    return [
      el('p', {}, contenders.length + ' of ' + teams.length + ' constructors can still win the constructors\' title.'),
      el('div', {class: 'scroll'}, el('table', {},
        el('caption', {class: 'visually-hidden'}, 'Which constructors can still win'),
        el('thead', {}, el('tr', {}, ...['Constructor', 'Points', 'Can win', 'Final position', 'Title odds'].map((h, i) =>
          el('th', {scope: 'col', class: [1, 3, 4].includes(i) ? 'num' : null}, h)))),
        el('tbody', {}, ...rows)))];
  }

  async function renderCharts(run) {
    state.charts.forEach(c => c.destroy());
    state.charts = [];
    if (run.length === 0 || typeof uPlot === 'undefined') return;
    const tables = await Promise.all(run.map(r => get(base + '/standings?after=' + encodeURIComponent(r.slug))));
    const drivers = tables[tables.length - 1].standings.slice(0, 10).map(r => r.driver);
    const xs = run.map((r, i) => i + 1);
    const pointsOf = d => tables.map(t => Number((t.standings.find(r => r.driver === d) || {}).points || 0));
    const positionOf = d => tables.map(t => (t.standings.find(r => r.driver === d) || {}).position ?? null);
    const colours = ['#d62728', '#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
    const series = drivers.map((d, i) => ({label: d, stroke: colours[i % colours.length], width: 2, points: {show: true}}));
    const width = Math.max(240, Math.min(560, document.querySelector('#chart-points').parentElement.clientWidth - 8));
    const axes = [{values: (u, ticks) => ticks.map(t => Number.isInteger(t) && run[t - 1] ? run[t - 1].name : '')}, {}];
    const options = (title, reverse) => ({width, height: 260, series: [{label: 'after'}, ...series], axes,
      scales: {x: {time: false}, y: reverse ? {dir: -1, range: (u, min, max) => [1, Math.max(max, drivers.length)]} : {}},
      legend: {live: true}});
    state.charts.push(new uPlot(options('points', false), [xs, ...drivers.map(pointsOf)], $('#chart-points')));
    state.charts.push(new uPlot(options('position', true), [xs, ...drivers.map(positionOf)], $('#chart-positions')));
  }

  async function renderRaces(run) {
    const sections = await Promise.all(run.map(async race => {
      const [results, grid] = await Promise.all([
        get(base + '/races/' + encodeURIComponent(race.slug) + '/results'),
        get(base + '/races/' + encodeURIComponent(race.slug) + '/grid').catch(() => null)]);
      const slot = new Map((grid ? grid.grid : []).map(s => [s.driver, s.slot]));
      const rows = results.results.map(r => {
        const start = slot.get(r.driver);
        const change = start == null || r.position == null ? '' : start > r.position ? '▲' + (start - r.position)
          : start < r.position ? '▼' + (r.position - start) : '=';
        const shownTime = r.position === 1 ? (r.time || '') : (r.gap || statusWord(r.status));
        return el('tr', {},
          el('td', {class: 'num'}, r.position == null ? '–' : r.position),
          el('th', {scope: 'row'}, el('span', {class: 'driver'}, r.driver), el('span', {class: 'country'}, countryCode(r.country))),
          el('td', {class: 'num'}, shownTime),
          el('td', {}, r.status),
          el('td', {class: 'num'}, r.points),
          el('td', {class: 'num'}, start == null ? '' : start + ' ' + change),
          el('td', {class: 'penalties'}, ...r.penalties.map(p => el('div', {}, el('strong', {}, p.decision), ' — ' + p.reason))));
      });
      return el('details', {open: race === run[run.length - 1] ? '' : null},
        el('summary', {}, race.name, el('span', {class: 'muted'}, ' · results ' + race.results)),
        el('div', {class: 'scroll'}, el('table', {},
          el('caption', {class: 'visually-hidden'}, race.name + ' classification'),
          el('thead', {}, el('tr', {}, ...['Pos', 'Driver', 'Time', 'Status', 'Points', 'Grid', 'Stewards'].map((h, i) =>
            el('th', {scope: 'col', class: [0, 2, 4, 5].includes(i) ? 'num' : null}, h)))),
          el('tbody', {}, ...rows))));
    }));
    $('#races').replaceChildren(...sections);
  }

  function statusWord(status) {
    return {'retired': 'DNF', 'did not start': 'DNS', 'disqualified': 'DSQ', 'not classified': 'NC'}[status] || '';
  }

  async function renderGrid(races) {
    const next = races.find(r => r.results === 'not run');
    if (!next) {
      $('#grid').replaceChildren(el('p', {class: 'muted'}, 'Every race has been run.'));
      return;
    }
    try {
      const grid = await get(base + '/races/' + encodeURIComponent(next.slug) + '/grid');
      $('#grid').replaceChildren(el('h3', {}, next.name + ' (' + grid.rule + ')'), el('ol', {class: 'grid'},
        ...grid.grid.map(s => el('li', {}, el('span', {class: 'driver'}, s.driver), s.note ? el('span', {class: 'muted'}, ' ' + s.note) : null))));
    } catch (e) {
      $('#grid').replaceChildren(el('p', {class: 'muted'}, next.name + ': ' + e.message));
    }
  }

  async function renderHistory() {
    const history = await get(base + '/history');
    $('#history').replaceChildren(...history.history.slice().reverse().map(r => el('li', {class: r.standing ? null : 'reverted'},
      el('strong', {}, 'r' + r.revision), ' ' + r.summary + ' — ' + r.author + ': ' + r.reason,
      el('span', {class: 'muted'}, ' ' + new Date(r.at).toLocaleString()))));
  }

  function follow() {
    const live = $('#live');
    const events = new EventSource(base + '/events');
    events.onopen = () => { live.textContent = '● live'; live.classList.add('on'); };
    events.onerror = () => { live.textContent = 'reconnecting…'; live.classList.remove('on'); };
    events.addEventListener('revision', async () => {
      await load(true);
      live.textContent = '● updated';
      setTimeout(() => { live.textContent = '● live'; }, 4000);
    });
  }

  $('#after').addEventListener('change', async () => {
    state.after = $('#after').value;
    const info = await get(base);
    await renderStandings(info.races.filter(r => r.results !== 'not run'), false);
  });

  load(false).then(follow).catch(e => {
    $('#title').textContent = 'Could not load this championship';
    $('#revision').textContent = e.message;
  });
})();
