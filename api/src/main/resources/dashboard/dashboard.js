/*
 * Lead Cadence manager dashboard: sign in with a manager's token or the dealership key (exchanged once
 * for an HttpOnly cookie), then today's and month-to-date tiles against the benchmarks, the funnel and
 * the speed-to-lead distribution as uPlot charts, per-source and per-agent tables and the leads at risk,
 * all from /v1/reports/*. Text from the server only ever goes into text nodes (never parsed as HTML).
 */
(function () {
  'use strict';

  /** The at-risk list is the live part; the figures move more slowly. */
  var RISK_POLL_MS = 30000;
  var REPORT_POLL_MS = 120000;
  var RESIZE_DEBOUNCE_MS = 150;
  var CHART_HEIGHT = 260;
  var COLORS = { funnel: '#1d5fd1', speed: '#1b7a3d', axis: '#5b6776', grid: '#e6e9ee', label: '#17202b' };

  /** The tiles: which figure of a report's total row, how to show it and which way is better. */
  var TILES = [
    { metric: 'leads', label: 'Leads', value: function (row) { return row.leads; }, format: count },
    { metric: 'firstResponseSeconds', label: 'Median first response', lowerIsBetter: true,
      value: function (row) { return row.firstResponseSeconds && row.firstResponseSeconds.median; }, format: seconds },
    { metric: 'attemptedWithin5MinRate', label: 'Attempted within 5 min',
      value: function (row) { return row.attemptedWithin5MinRate; }, format: percent },
    { metric: 'contactRate', label: 'Contact rate', value: function (row) { return row.contactRate; }, format: percent },
    { metric: 'appointmentRate', label: 'Appointment rate',
      value: function (row) { return row.appointmentRate; }, format: percent }
  ];

  /** The per-group tables' columns (after the group's own name). */
  var COLUMNS = [
    { label: 'Leads', value: function (row) { return row.leads; }, format: count },
    { label: 'Median first response', value: function (row) { return row.firstResponseSeconds && row.firstResponseSeconds.median; }, format: seconds },
    { label: 'Within 5 min', value: function (row) { return row.attemptedWithin5MinRate; }, format: percent },
    { label: 'Contact rate', value: function (row) { return row.contactRate; }, format: percent },
    { label: 'Appointment rate', value: function (row) { return row.appointmentRate; }, format: percent },
    { label: 'Sold', value: function (row) { return row.soldRate; }, format: percent }
  ];

  var state = {
    me: null,
    period: 'monthToDate',
    zone: null,
    charts: {},
    riskTimer: null,
    reportTimer: null
  };

  var page = window.LeadCadencePage;
  var byId = page.byId;
  var el = page.el;

  function replaceChildren(node, children) {
    node.textContent = '';
    children.forEach(function (child) { node.appendChild(child); });
  }

  // ---------------------------------------------------------------------------------------------
  // Formatting

  function isNumber(value) { return typeof value === 'number' && isFinite(value); }

  function count(value) { return isNumber(value) ? value.toLocaleString('en-US') : '—'; }

  function percent(value) {
    if (!isNumber(value)) { return '—'; }
    var p = value * 100;
    return (p >= 10 || p === 0 ? Math.round(p) : Math.round(p * 10) / 10) + '%';
  }

  function seconds(value) {
    if (!isNumber(value)) { return '—'; }
    var s = Math.round(value);
    if (s < 60) { return s + ' s'; }
    var m = Math.floor(s / 60);
    if (m < 60) { return m + ' min' + (s % 60 && m < 10 ? ' ' + (s % 60) + ' s' : ''); }
    var h = Math.floor(m / 60);
    if (h < 48) { return h + ' h' + (m % 60 ? ' ' + (m % 60) + ' min' : ''); }
    return Math.round(h / 24) + ' days';
  }

  function minutes(value) { return isNumber(value) ? seconds(value * 60) : '—'; }

  /**
   * A benchmark ({low, high, target}, any of them absent) as text: "40–50%" for a range, "≤ 5 min" for
   * a time to stay under, "target 100%" for a share to reach.
   */
  function benchmarkText(benchmark, format, lowerIsBetter) {
    if (!benchmark) { return null; }
    var low = isNumber(benchmark.low) ? format(benchmark.low) : null;
    var high = isNumber(benchmark.high) ? format(benchmark.high) : null;
    if (low && high) { return low === high ? low : low.replace('%', '') + '–' + high; }
    if (low) { return '≥ ' + low; }
    if (high) { return '≤ ' + high; }
    if (isNumber(benchmark.target)) { return (lowerIsBetter ? '≤ ' : 'target ') + format(benchmark.target); }
    return null;
  }

  /**
   * 'meets' or 'below' the benchmark (null when either is missing): a time must stay under the range's
   * top (or the target), a rate must reach the range's bottom (or the target); beyond the range is no fault.
   */
  function against(benchmark, value, lowerIsBetter) {
    if (!benchmark || !isNumber(value)) { return null; }
    var bound = lowerIsBetter
      ? (isNumber(benchmark.high) ? benchmark.high : benchmark.target)
      : (isNumber(benchmark.low) ? benchmark.low : benchmark.target);
    if (!isNumber(bound)) { return null; }
    return (lowerIsBetter ? value <= bound : value >= bound) ? 'meets' : 'below';
  }

  function dateTime(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) { return iso || ''; }
    var options = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
    if (state.zone) { options.timeZone = state.zone; }
    try {
      return new Intl.DateTimeFormat('en-US', options).format(date);
    } catch (e) {
      delete options.timeZone;
      return new Intl.DateTimeFormat('en-US', options).format(date);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP

  var api = page.createApi(function () {
    if (state.me) { signedOut('Your session has ended. Please sign in again.'); }
  });

  /** A report's JSON, or a rejected promise with a message for the page. */
  function report(path) {
    return api('GET', path).then(function (reply) {
      if (reply.ok && reply.data) { return reply.data; }
      var errors = reply.data && reply.data.errors;
      var detail = errors && errors.length ? (errors[0].field ? errors[0].field + ' ' : '') + errors[0].message : 'HTTP ' + reply.status;
      throw new Error(path.split('?')[0] + ': ' + detail);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Sign-in

  function show(view) {
    document.body.setAttribute('data-view', view);
    byId('loading').hidden = view !== 'loading';
    byId('signin').hidden = view !== 'signin';
    byId('board').hidden = view !== 'board';
    byId('sign-out').hidden = view !== 'board';
    byId('who').hidden = view !== 'board';
  }

  function checkSession() {
    return page.checkSession(api, signedIn, signedOut);
  }

  function signedIn(me) {
    if (me.role === 'AGENT') {
      // The reports are the dealership's: an agent's token is refused there, so say so here.
      api('DELETE', '/v1/session').catch(function () { return null; });
      signedOut('The dashboard is for managers: sign in with a manager\'s token or the dealership key.');
      return;
    }
    state.me = me;
    var who = byId('who');
    who.textContent = [me.name, me.role === 'DEALERSHIP' ? null : me.dealershipName].filter(Boolean).join(' · ');
    who.setAttribute('data-role', me.role);
    show('board');
    refreshReports();
    refreshRisk();
    state.reportTimer = setInterval(whenVisible(refreshReports), REPORT_POLL_MS);
    state.riskTimer = setInterval(whenVisible(refreshRisk), RISK_POLL_MS);
  }

  /** A poll that skips while the tab is hidden (the page catches up when it is shown again). */
  function whenVisible(refresh) {
    return function () { if (!document.hidden) { refresh(); } };
  }

  function onVisibilityChange() {
    if (!document.hidden && state.me) {
      refreshReports();
      refreshRisk();
    }
  }

  function signedOut(message) {
    state.me = null;
    clearInterval(state.reportTimer);
    clearInterval(state.riskTimer);
    Object.keys(state.charts).forEach(function (name) {
      state.charts[name].chart.destroy();
      state.charts[name].observer.disconnect();
    });
    state.charts = {};
    show('signin');
    byId('updated').textContent = '';
    byId('signin-error').textContent = message || '';
    byId('token').focus();
  }

  var onSignIn = page.signInHandler({
    api: api,
    emptyMessage: 'Enter a manager token or the dealership key.',
    refusedMessage: 'That credential was not accepted. Check it and try again.',
    afterSignIn: checkSession
  });

  var onSignOut = page.signOutHandler(api, signedOut);

  // ---------------------------------------------------------------------------------------------
  // Reports

  function refreshReports() {
    if (!state.me) { return Promise.resolve(); }
    var period = state.period;
    var q = '?period=' + encodeURIComponent(period);
    return Promise.all([
      report('/v1/reports/funnel?period=today'),
      report('/v1/reports/funnel?period=monthToDate'),
      report('/v1/reports/funnel' + q + '&groupBy=source'),
      report('/v1/reports/funnel' + q + '&groupBy=agent'),
      report('/v1/reports/speed-to-lead' + q)
    ]).then(function (r) {
      if (!state.me || period !== state.period) { return; }
      state.zone = r[0].zone || state.zone;
      byId('zone-note').textContent = state.zone ? 'Times in ' + state.zone + '.' : '';
      renderTiles('today', r[0]);
      renderTiles('mtd', r[1]);
      renderFunnel(r[2], r[4]);
      renderSpeed(r[4]);
      renderGroups(byId('sources-table'), 'Source', r[2]);
      renderGroups(byId('agents-table'), 'Agent', r[3]);
      byId('board-error').textContent = '';
      byId('board').setAttribute('data-loaded', period);
      byId('updated').textContent = 'Updated ' + new Date().toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
    }).catch(function (e) {
      if (state.me) { byId('board-error').textContent = 'Could not load the reports: ' + e.message; }
    });
  }

  function renderTiles(which, funnel) {
    byId(which + '-range').textContent = funnel.from === funnel.to || !funnel.to
      ? '(' + (funnel.from || '') + ')' : '(' + funnel.from + ' to ' + funnel.to + ')';
    var total = funnel.total || {};
    var benchmarks = funnel.benchmarks || {};
    replaceChildren(byId('tiles-' + which), TILES.map(function (tile) {
      var value = tile.value(total);
      var benchmark = benchmarks[tile.metric];
      var target = benchmarkText(benchmark, tile.format, tile.lowerIsBetter);
      var verdict = against(benchmark, value, tile.lowerIsBetter);
      return el('li', {
        className: 'tile' + (verdict ? ' ' + verdict : ''),
        'data-metric': tile.metric,
        'data-value': isNumber(value) ? value : ''
      }, [
        el('span', { className: 'tile-label', text: tile.label }),
        el('span', { className: 'tile-value', text: tile.format(value) }),
        target ? el('span', { className: 'tile-benchmark', title: benchmark.basis || null }, [
          'Benchmark ' + target,
          verdict ? el('span', { className: 'verdict', text: verdict === 'meets' ? ' ✓ on target' : ' ✗ below' }) : null
        ]) : el('span', { className: 'tile-benchmark', text: ' ' })
      ]);
    }));
  }

  /** leads → attempted → contacted → appointment → sold, as counts (rates are shares of leads). */
  function funnelStages(total, speed) {
    var leads = total.leads || 0;
    var attempted = (speed.buckets || []).reduce(function (sum, b) { return sum + (b.leads || 0); }, 0);
    function share(rate) { return isNumber(rate) ? Math.round(rate * leads) : 0; }
    return [
      { label: 'Leads', value: leads },
      { label: 'Attempted', value: attempted },
      { label: 'Contacted', value: share(total.contactRate) },
      { label: 'Appointment', value: share(total.appointmentRate) },
      { label: 'Sold', value: share(total.soldRate) }
    ];
  }

  function renderFunnel(funnel, speed) {
    var stages = funnelStages(funnel.total || {}, speed);
    var leads = stages[0].value;
    barChart('funnel', byId('funnel-chart'), stages, COLORS.funnel, 'Leads at each stage');
    replaceChildren(byId('funnel-table'), stages.map(function (s) {
      return el('tr', null, [el('th', { scope: 'row', text: s.label }), el('td', { className: 'num', text: count(s.value) }),
        el('td', { className: 'num', text: leads ? percent(s.value / leads) : '—' })]);
    }));
  }

  function renderSpeed(speed) {
    var bars = (speed.buckets || []).map(function (b) { return { label: b.label, value: b.leads || 0 }; });
    bars.push({ label: 'Not yet', value: speed.notYetAttempted || 0 });
    barChart('speed', byId('speed-chart'), bars, COLORS.speed, 'Leads by time to first attempt');
    byId('speed-summary').textContent = 'Time from a lead\'s arrival to its first attempt. Median '
      + seconds(speed.medianSeconds) + ', 90th percentile ' + seconds(speed.p90Seconds) + '.';
    replaceChildren(byId('speed-table'), bars.map(function (b) {
      return el('tr', null, [el('th', { scope: 'row', text: b.label === 'Not yet' ? 'Not yet attempted' : b.label }),
        el('td', { className: 'num', text: count(b.value) })]);
    }));
  }

  function renderGroups(table, title, funnel) {
    var groups = funnel.groups || [];
    var head = el('thead', null, [el('tr', null, [el('th', { scope: 'col', text: title })].concat(COLUMNS.map(function (c) {
      return el('th', { scope: 'col', className: 'num', text: c.label });
    })))]);
    var body = el('tbody', null, groups.map(function (row) {
      return el('tr', { 'data-key': row.key }, [el('th', { scope: 'row', text: groupName(row) })].concat(COLUMNS.map(function (c) {
        return el('td', { className: 'num', text: c.format(c.value(row)) });
      })));
    }));
    if (!groups.length) {
      body.appendChild(el('tr', null, [el('td', { colspan: COLUMNS.length + 1, className: 'empty', text: 'No leads in this period.' })]));
    }
    replaceChildren(table, [head, body]);
  }

  /** A group's name to show: its label (an agent's name for groupBy=agent), else its key. */
  function groupName(row) {
    if (row.key === null || row.key === undefined || row.key === 'none') { return '(none)'; }
    return String(row.label || row.key);
  }

  // ---------------------------------------------------------------------------------------------
  // Leads at risk

  function refreshRisk() {
    if (!state.me) { return Promise.resolve(); }
    return report('/v1/reports/at-risk').then(function (risk) {
      if (!state.me) { return; }
      renderRisk(risk.items || []);
    }).catch(function (e) {
      if (state.me) { byId('board-error').textContent = 'Could not load the leads at risk: ' + e.message; }
    });
  }

  function renderRisk(items) {
    byId('risk-count').textContent = '(' + items.length + ')';
    byId('risk-empty').hidden = items.length > 0;
    byId('risk-table').hidden = items.length === 0;
    replaceChildren(byId('risk-rows'), items.map(function (item) {
      return el('tr', { 'data-lead-id': item.leadId, className: 'risk' }, [
        el('th', { scope: 'row', text: item.name || 'Lead ' + item.leadId }),
        el('td', null, [item.grade ? el('span', { className: 'grade', 'data-grade': item.grade, text: item.grade }) : '—']),
        el('td', { text: item.source || '—' }),
        el('td', { text: item.agentName || 'Unassigned' }),
        el('td', { text: dateTime(item.receivedAt) }),
        el('td', { className: 'num overdue', text: minutes(item.minutesOverdue) })
      ]);
    }));
  }

  // ---------------------------------------------------------------------------------------------
  // Charts (uPlot: categories on a numeric x axis, one bar series, the value written above each bar)

  function barChart(name, container, bars, color, seriesLabel) {
    var previous = state.charts[name];
    if (previous) {
      previous.chart.destroy();
      previous.observer.disconnect();
      delete state.charts[name];
    }
    var labels = bars.map(function (b) { return b.label; });
    var xs = bars.map(function (b, i) { return i; });
    var values = bars.map(function (b) { return b.value; });
    var max = Math.max.apply(null, values.concat([1]));
    var width = chartWidth(container);
    // On a phone the category names would run into each other: smaller and slanted.
    var narrow = width < 520;
    var options = {
      width: width,
      height: CHART_HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      select: { show: false },
      scales: {
        x: { time: false, range: [-0.5, bars.length - 0.5] },
        y: { range: [0, Math.ceil(max * 1.15) || 1] }
      },
      axes: [
        { stroke: COLORS.axis, grid: { show: false }, ticks: { show: false },
          font: (narrow ? 11 : 12) + 'px system-ui, sans-serif', rotate: narrow ? -30 : 0, size: narrow ? 64 : 36,
          splits: function () { return xs; },
          values: function (u, splits) { return splits.map(function (i) { return labels[i] || ''; }); } },
        { stroke: COLORS.axis, grid: { stroke: COLORS.grid }, size: 44,
          values: function (u, splits) { return splits.map(function (v) { return Number.isInteger(v) ? String(v) : ''; }); } }
      ],
      series: [
        {},
        { label: seriesLabel, fill: color, stroke: color, width: 0, points: { show: false },
          paths: uPlot.paths.bars({ size: [0.6, 90] }) }
      ],
      hooks: { draw: [drawValues] }
    };
    var chart = new uPlot(options, [xs, values], container);
    // Redrawn at the new width when the card's width changes (window resized, a scroll bar appeared).
    var redraw = null;
    var observer = new ResizeObserver(function () {
      if (state.charts[name] && state.charts[name].chart === chart && chartWidth(container) !== width) {
        clearTimeout(redraw);
        redraw = setTimeout(function () {
          if (state.charts[name] && state.charts[name].chart === chart) { barChart(name, container, bars, color, seriesLabel); }
        }, RESIZE_DEBOUNCE_MS);
      }
    });
    observer.observe(container);
    state.charts[name] = { chart: chart, observer: observer };
    // What the chart really holds (read back from uPlot), for tests and for anyone inspecting the page.
    container.setAttribute('data-labels', JSON.stringify(labels));
    container.setAttribute('data-values', JSON.stringify(chart.data[1]));
    container.setAttribute('aria-label', seriesLabel + ': ' + bars.map(function (b) { return b.label + ' ' + b.value; }).join(', '));
    return chart;
  }

  /** Each bar's value above it, so the chart reads without hovering. */
  function drawValues(u) {
    var ctx = u.ctx;
    var ratio = window.devicePixelRatio || 1;
    ctx.save();
    ctx.fillStyle = COLORS.label;
    ctx.font = 'bold ' + Math.round(13 * ratio) + 'px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    u.data[1].forEach(function (value, i) {
      var x = u.valToPos(u.data[0][i], 'x', true);
      var y = u.valToPos(value, 'y', true);
      ctx.fillText(String(value), x, y - 4 * ratio);
    });
    ctx.restore();
  }

  function chartWidth(container) {
    return Math.max(240, Math.floor(container.clientWidth || container.parentNode.clientWidth || 600));
  }

  // ---------------------------------------------------------------------------------------------

  function onPeriodChange(event) {
    if (event.target.name !== 'period' || !event.target.checked) { return; }
    state.period = event.target.value;
    byId('board').removeAttribute('data-loaded');
    refreshReports();
  }

  document.addEventListener('DOMContentLoaded', function () {
    byId('signin-form').addEventListener('submit', onSignIn);
    byId('sign-out').addEventListener('click', onSignOut);
    byId('period').addEventListener('change', onPeriodChange);
    document.addEventListener('visibilitychange', onVisibilityChange);
    if (typeof uPlot === 'undefined') {
      show('signin');
      byId('signin-error').textContent = 'The chart library did not load; reload the page.';
      return;
    }
    show('loading');
    checkSession();
  });
}());
