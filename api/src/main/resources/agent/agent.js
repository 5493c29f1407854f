/*
 * Lead Cadence agent page: sign in with an agent token (exchanged once for an HttpOnly cookie), work
 * the open tasks, record call outcomes, and follow the live task stream. Plain JS, no dependencies.
 * The token is read from the form, sent in one POST body and cleared: it never reaches a URL,
 * storage or the console.
 */
(function () {
  'use strict';

  var OUTCOME_LABELS = {
    CONTACTED: 'Contacted',
    NO_ANSWER: 'No answer',
    LEFT_VOICEMAIL: 'Left voicemail',
    APPOINTMENT_SET: 'Appointment set',
    WRONG_NUMBER: 'Wrong number',
    NOT_INTERESTED: 'Not interested'
  };
  var KIND_LABELS = {
    CALL: 'Call',
    CALL_BACK_NOW: 'Call back now',
    LEAD_REPLIED: 'Lead replied',
    ESCALATION: 'Escalation'
  };
  var STREAM_EVENTS = ['task.created', 'task.updated', 'task.overdue', 'lead.replied'];
  var REFRESH_DEBOUNCE_MS = 300;
  var LONG_BODY_CHARS = 280;
  var FALLBACK_POLL_MS = 30000;
  /** After an outcome: re-read the task (and its touch history) at these delays. */
  var AFTER_OUTCOME_POLLS_MS = [1000, 2000, 3000, 5000, 8000, 12000, 20000, 30000, 45000, 60000];
  /** And around the lead's next step, when it is due within NEXT_STEP_WATCH_MS: this long after it. */
  var NEXT_STEP_POLLS_MS = [1000, 2500, 5000, 8000, 12000, 20000, 30000, 45000, 60000];
  var NEXT_STEP_WATCH_MS = 10 * 60 * 1000;

  var state = {
    me: null,
    tasks: [],
    nextCursor: null,
    selectedId: null,
    selected: null,
    stream: null,
    streamRetry: null,
    refreshTimer: null,
    detailTimer: null,
    pollTimers: [],
    fallbackTimer: null,
    ticker: null,
    seenTouches: null,
    busy: false
  };

  var page = window.LeadCadencePage;
  var byId = page.byId;
  var el = page.el;
  var errorText = page.errorText;

  var api = page.createApi(function () { signedOut('Your session has ended. Please sign in again.'); });

  // ---------------------------------------------------------------------------------------------
  // Views

  function show(view) {
    document.body.setAttribute('data-view', view);
    byId('loading').hidden = view !== 'loading';
    byId('signin').hidden = view !== 'signin';
    byId('workspace').hidden = view !== 'tasks';
    byId('sign-out').hidden = view !== 'tasks';
    byId('who').hidden = view !== 'tasks';
  }

  function checkSession() {
    return page.checkSession(api, signedIn, signedOut);
  }

  function signedIn(me) {
    state.me = me;
    var who = byId('who');
    who.textContent = [me.name, me.dealershipName].filter(Boolean).join(' · ');
    who.setAttribute('data-agent-id', me.agentId);
    show('tasks');
    openStream();
    refreshTasks();
    startTicker();
    startFallbackPoll();
  }

  function signedOut(message) {
    var wasSignedIn = state.me !== null;
    state.me = null;
    closeStream();
    stopTimers();
    state.tasks = [];
    state.selectedId = null;
    state.selected = null;
    byId('tasks').textContent = '';
    clearDetail();
    show('signin');
    setConnection('offline', 'Signed out');
    byId('signin-error').textContent = message || '';
    if (wasSignedIn || !message) {
      byId('token').focus();
    }
  }

  var onSignIn = page.signInHandler({
    api: api,
    emptyMessage: 'Enter your agent token.',
    refusedMessage: 'That token was not accepted. Check it and try again.',
    afterSignIn: checkSession
  });

  var onSignOut = page.signOutHandler(api, signedOut);

  // ---------------------------------------------------------------------------------------------
  // Task list

  function scheduleRefresh() {
    if (state.refreshTimer) { clearTimeout(state.refreshTimer); }
    state.refreshTimer = setTimeout(function () {
      state.refreshTimer = null;
      refreshTasks();
    }, REFRESH_DEBOUNCE_MS);
  }

  function refreshTasks() {
    if (!state.me) { return Promise.resolve(); }
    return api('GET', '/v1/tasks').then(function (reply) {
      if (!state.me) { return; }
      if (!reply.ok) {
        if (reply.status !== 401) {
          byId('tasks-error').textContent = errorText(reply, 'Could not load tasks (HTTP ' + reply.status + ').');
        }
        return;
      }
      byId('tasks-error').textContent = '';
      state.tasks = (reply.data && reply.data.items) || [];
      state.nextCursor = (reply.data && reply.data.nextCursor) || null;
      renderTasks();
    }).catch(function () {
      byId('tasks-error').textContent = 'Could not load tasks: the server is not answering.';
    });
  }

  function loadMore() {
    if (!state.nextCursor) { return; }
    var button = byId('more');
    button.disabled = true;
    api('GET', '/v1/tasks?cursor=' + encodeURIComponent(state.nextCursor)).then(function (reply) {
      if (reply.ok && reply.data) {
        var known = {};
        state.tasks.forEach(function (t) { known[t.id] = true; });
        (reply.data.items || []).forEach(function (t) { if (!known[t.id]) { state.tasks.push(t); } });
        state.nextCursor = reply.data.nextCursor || null;
        renderTasks();
      }
    }).catch(function () { return null; }).then(function () { button.disabled = false; });
  }

  function renderTasks() {
    var list = byId('tasks');
    var focusedId = document.activeElement && document.activeElement.getAttribute
      ? document.activeElement.getAttribute('data-task-id') : null;
    list.textContent = '';
    state.tasks.forEach(function (task) {
      list.appendChild(el('li', null, [taskButton(task)]));
    });
    byId('tasks-empty').hidden = state.tasks.length > 0;
    byId('task-count').textContent = state.tasks.length ? '(' + state.tasks.length + (state.nextCursor ? '+' : '') + ')' : '';
    byId('more').hidden = !state.nextCursor;
    if (focusedId) {
      var again = list.querySelector('[data-task-id="' + cssEscape(focusedId) + '"]');
      if (again) { again.focus(); }
    }
    tick();
  }

  function taskButton(task) {
    var lead = task.lead || {};
    var name = leadName(lead);
    var kind = KIND_LABELS[task.kind] || task.kind;
    var subtitle = [kind + (task.attempt ? ' #' + task.attempt : ''), lead.vehicle, lead.localTime ? lead.localTime + ' local' : null]
      .filter(Boolean).join(' · ');
    var button = el('button', {
      type: 'button',
      className: 'task' + (task.status === 'OVERDUE' ? ' is-overdue' : ''),
      'data-task-id': task.id,
      'data-lead-id': task.leadId,
      'data-kind': task.kind,
      'data-status': task.status,
      'aria-current': String(task.id) === String(state.selectedId) ? 'true' : 'false'
    }, [
      el('span', { className: 'task-title', text: name }),
      el('span', { className: 'task-side' }, [
        lead.grade ? el('span', { className: 'grade', 'data-grade': lead.grade, text: lead.grade, 'aria-label': 'Grade ' + lead.grade }) : null,
        countdown(task.dueAt, task.status)
      ]),
      el('span', { className: 'task-sub', text: subtitle })
    ]);
    button.addEventListener('click', function () { selectTask(task.id); });
    return button;
  }

  function countdown(dueAt, status) {
    return el('span', { className: 'countdown', 'data-due': dueAt || '', 'data-status': status || '' });
  }

  /** Live countdowns: every [data-due] element, once a second. */
  function tick() {
    var now = Date.now();
    var nodes = document.querySelectorAll('[data-due]');
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var due = Date.parse(node.getAttribute('data-due'));
      var status = node.getAttribute('data-status');
      if (status === 'DONE' || status === 'CANCELLED') {
        node.textContent = status === 'DONE' ? 'Done' : 'Cancelled';
        node.classList.remove('overdue');
        continue;
      }
      if (isNaN(due)) { node.textContent = ''; continue; }
      var left = due - now;
      var overdue = left < 0 || status === 'OVERDUE';
      node.textContent = left < 0 ? 'overdue ' + duration(-left) : 'due in ' + duration(left);
      node.classList.toggle('overdue', overdue);
      var row = node.closest('.task');
      if (row) { row.classList.toggle('is-overdue', overdue); }
    }
  }

  function duration(ms) {
    var s = Math.floor(ms / 1000);
    var d = Math.floor(s / 86400);
    var h = Math.floor((s % 86400) / 3600);
    var m = Math.floor((s % 3600) / 60);
    var sec = s % 60;
    if (d > 0) { return d + 'd ' + h + 'h'; }
    if (h > 0) { return h + 'h ' + pad(m) + 'm'; }
    return m + 'm ' + pad(sec) + 's';
  }

  function pad(n) { return n < 10 ? '0' + n : String(n); }

  function leadName(lead) {
    return lead.name || [lead.firstName, lead.lastName].filter(Boolean).join(' ') || 'Lead';
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(String(value)) : String(value).replace(/["\\]/g, '\\$&');
  }

  // ---------------------------------------------------------------------------------------------
  // Selected task

  function selectTask(id) {
    if (String(id) !== String(state.selectedId)) {
      stopAfterOutcomePolls();
      state.seenTouches = null;
      byId('touches').textContent = '';
      byId('touches-empty').hidden = true;
      byId('outcome-note').value = '';
      setMessage('', null);
    }
    state.selectedId = id;
    document.body.classList.add('show-detail');
    var items = byId('tasks').querySelectorAll('.task');
    for (var i = 0; i < items.length; i++) {
      items[i].setAttribute('aria-current', items[i].getAttribute('data-task-id') === String(id) ? 'true' : 'false');
    }
    var cached = state.tasks.filter(function (t) { return String(t.id) === String(id); })[0];
    if (cached && (!state.selected || String(state.selected.id) !== String(id))) {
      renderDetail(cached, false);
    }
    return loadDetail(id).then(function () {
      var heading = byId('lead-name');
      if (window.matchMedia && window.matchMedia('(max-width: 799px)').matches) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    });
  }

  function loadDetail(id) {
    return api('GET', '/v1/tasks/' + encodeURIComponent(id)).then(function (reply) {
      if (String(id) !== String(state.selectedId)) { return; }
      if (reply.ok && reply.data) {
        renderDetail(reply.data, true);
      } else if (reply.status === 404) {
        setMessage('This task is no longer yours or no longer exists.', 'error');
      } else if (reply.status !== 401) {
        setMessage(errorText(reply, 'Could not load the task (HTTP ' + reply.status + ').'), 'error');
      }
    }).catch(function () {
      setMessage('Could not load the task: the server is not answering.', 'error');
    });
  }

  function scheduleDetailRefresh() {
    if (!state.selectedId) { return; }
    if (state.detailTimer) { clearTimeout(state.detailTimer); }
    state.detailTimer = setTimeout(function () {
      state.detailTimer = null;
      if (state.selectedId) { loadDetail(state.selectedId); }
    }, REFRESH_DEBOUNCE_MS);
  }

  function clearDetail() {
    stopAfterOutcomePolls();
    document.body.classList.remove('show-detail');
    var detail = byId('detail');
    detail.removeAttribute('data-task-id');
    detail.removeAttribute('data-lead-id');
    byId('detail-empty').hidden = false;
    byId('detail-body').hidden = true;
    byId('touches').textContent = '';
    setMessage('', null);
  }

  /** Shows a task; full is true when it came from GET /v1/tasks/{id} (with its touches). */
  function renderDetail(task, full) {
    state.selected = task;
    var lead = task.lead || {};
    var detail = byId('detail');
    detail.setAttribute('data-task-id', task.id);
    detail.setAttribute('data-lead-id', task.leadId);
    detail.setAttribute('data-status', task.status);
    byId('detail-empty').hidden = true;
    byId('detail-body').hidden = false;

    byId('lead-name').textContent = leadName(lead);
    byId('lead-vehicle').textContent = lead.vehicle || 'No vehicle given';
    var grade = byId('lead-grade');
    grade.textContent = lead.grade || '–';
    grade.setAttribute('data-grade', lead.grade || '');
    grade.setAttribute('aria-label', lead.grade ? 'Grade ' + lead.grade : 'No grade');

    var kind = byId('task-kind');
    kind.textContent = (KIND_LABELS[task.kind] || task.kind) + (task.attempt ? ' · attempt ' + task.attempt : '');
    kind.setAttribute('data-kind', task.kind);
    var status = byId('task-status');
    status.textContent = task.status;
    status.setAttribute('data-status', task.status);
    var due = byId('task-due');
    due.setAttribute('data-due', task.dueAt || '');
    due.setAttribute('data-status', task.status);
    if (task.outcome) {
      due.removeAttribute('data-due');
      due.textContent = 'Outcome: ' + (OUTCOME_LABELS[task.outcome] || task.outcome);
      due.classList.remove('overdue');
    }

    var phone = lead.phone || '';
    setLink(byId('lead-tel'), phone ? 'tel:' + phone : null, phone ? 'Call ' + phone : 'No phone number');
    setLink(byId('lead-sms'), phone ? 'sms:' + phone : null, phone ? 'Text ' + phone : 'No phone number');
    setLink(byId('lead-mail'), lead.email ? 'mailto:' + lead.email : null, lead.email ? 'Email ' + lead.email : 'No email address');
    byId('lead-phone').textContent = phone || '—';
    byId('lead-email').textContent = lead.email || '—';
    byId('lead-local-time').textContent = lead.localTime
      ? lead.localTime + (lead.timeZone ? ' (' + lead.timeZone + ')' : '') : (lead.timeZone || '—');
    byId('lead-score').textContent = lead.score === null || lead.score === undefined ? '—' : String(lead.score);
    byId('lead-channels').textContent = (lead.channels && lead.channels.length) ? lead.channels.join(', ') : '—';

    var note = byId('task-note');
    note.textContent = task.note ? 'Note: ' + task.note : '';
    note.hidden = !task.note;

    byId('script').textContent = task.script || 'No script for this task. Introduce yourself, confirm the vehicle and offer a visit.';

    var open = task.status === 'OPEN' || task.status === 'OVERDUE';
    byId('outcomes').hidden = !open;
    setOutcomeButtonsBusy(state.busy);

    if (full) {
      renderTouches(task.touches || []);
    }
    tick();
  }

  function setLink(link, href, label) {
    if (href) {
      link.setAttribute('href', href);
      link.removeAttribute('aria-disabled');
      link.removeAttribute('tabindex');
    } else {
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
      link.setAttribute('tabindex', '-1');
    }
    link.setAttribute('aria-label', label);
    link.setAttribute('title', label);
  }

  function renderTouches(touches) {
    var list = byId('touches');
    var before = state.seenTouches;
    var seen = {};
    list.textContent = '';
    touches.forEach(function (touch, index) {
      var key = [touch.stepId, touch.channel, touch.performedAt, index].join('|');
      seen[key] = true;
      var when = touch.performedAt ? new Date(touch.performedAt) : null;
      var item = el('li', {
        className: 'touch' + (before && !before[key] ? ' is-new' : ''),
        'data-step-id': touch.stepId,
        'data-channel': touch.channel,
        'data-status': touch.status
      }, [
        el('div', { className: 'touch-head' }, [
          el('span', { className: 'touch-channel', text: channelLabel(touch.channel) }),
          touch.status ? el('span', { className: 'touch-status', 'data-status': touch.status, text: touch.status }) : null,
          when && !isNaN(when.getTime())
            ? el('time', { className: 'touch-time', datetime: touch.performedAt, text: when.toLocaleString() }) : null
        ]),
        touch.subject ? el('p', { className: 'touch-subject', text: touch.subject }) : null,
        touchBody(touch.body),
        touch.detail ? el('p', { className: 'touch-detail', text: touch.detail }) : null
      ]);
      list.appendChild(item);
    });
    state.seenTouches = seen;
    byId('touches-empty').hidden = touches.length > 0;
  }

  /** Short messages (texts) in full; long ones (emails) folded, one tap to open. */
  function touchBody(body) {
    if (!body) { return null; }
    if (body.length <= LONG_BODY_CHARS) { return el('p', { className: 'touch-body', text: body }); }
    return el('details', { className: 'touch-more' }, [
      el('summary', { text: 'Show message' }),
      el('p', { className: 'touch-body', text: body })
    ]);
  }

  function channelLabel(channel) {
    return { EMAIL: 'Email', SMS: 'Text', CALL: 'Call', VOICEMAIL: 'Voicemail' }[channel] || channel || 'Touch';
  }

  function setMessage(text, kind) {
    var message = byId('detail-message');
    markNextStep(null);
    message.textContent = text;
    if (kind) { message.setAttribute('data-kind', kind); } else { message.removeAttribute('data-kind'); }
  }

  function setOutcomeButtonsBusy(busy) {
    var buttons = document.querySelectorAll('[data-outcome]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].disabled = busy;
      buttons[i].setAttribute('aria-busy', busy ? 'true' : 'false');
    }
  }

  function complete(outcome) {
    var task = state.selected;
    if (!task || state.busy) { return; }
    var id = task.id;
    state.busy = true;
    setOutcomeButtonsBusy(true);
    setMessage('Saving “' + OUTCOME_LABELS[outcome] + '”…', null);
    var note = byId('outcome-note').value.trim();
    api('POST', '/v1/tasks/' + encodeURIComponent(id) + '/complete', { outcome: outcome, note: note })
      .then(function (reply) {
        if (String(id) !== String(state.selectedId)) { return; }
        if (reply.ok) {
          var done = (reply.data && reply.data.task) || {};
          var merged = Object.assign({}, state.selected, done, { lead: (done.lead || state.selected.lead), touches: state.selected.touches });
          if (!merged.status || merged.status === 'OPEN' || merged.status === 'OVERDUE') { merged.status = 'DONE'; }
          if (!merged.outcome) { merged.outcome = outcome; }
          renderDetail(merged, false);
          byId('outcome-note').value = '';
          var leadState = (reply.data && reply.data.lead) || null;
          setMessage('Saved: ' + OUTCOME_LABELS[outcome] + '.' + nextStepText(leadState), 'ok');
          markNextStep(leadState);
          removeFromList(id);
          pollAfterOutcome(id, leadState);
        } else if (reply.status === 409) {
          setMessage('This task is already done: ' + errorText(reply, 'someone completed it first.'), 'error');
          loadDetail(id);
          scheduleRefresh();
        } else if (reply.status !== 401) {
          setMessage(errorText(reply, 'Could not save the outcome (HTTP ' + reply.status + ').'), 'error');
        }
      })
      .catch(function () {
        setMessage('Could not save the outcome: the server is not answering. Try again.', 'error');
      })
      .then(function () {
        state.busy = false;
        setOutcomeButtonsBusy(false);
      });
  }

  function nextStepText(leadState) {
    if (!leadState) { return ''; }
    var parts = [];
    if (leadState.status) { parts.push('Lead is ' + String(leadState.status).toLowerCase().replace(/_/g, ' ')); }
    if (leadState.nextStepId && leadState.nextStepAt) {
      var at = new Date(leadState.nextStepAt);
      parts.push('next: ' + leadState.nextStepId + ' at ' + (isNaN(at.getTime()) ? leadState.nextStepAt : at.toLocaleTimeString()));
    }
    return parts.length ? ' ' + parts.join(', ') + '.' : '';
  }

  function removeFromList(id) {
    state.tasks = state.tasks.filter(function (t) { return String(t.id) !== String(id); });
    renderTasks();
  }

  /** The lead's next step as the cadence answered it, on the message (for people: its text; for tests: data-*). */
  function markNextStep(leadState) {
    var message = byId('detail-message');
    ['data-lead-status', 'data-next-step-id', 'data-next-channel', 'data-next-step-at'].forEach(function (name) {
      message.removeAttribute(name);
    });
    if (!leadState) { return; }
    if (leadState.status) { message.setAttribute('data-lead-status', leadState.status); }
    if (leadState.nextStepId) { message.setAttribute('data-next-step-id', leadState.nextStepId); }
    if (leadState.nextChannel) { message.setAttribute('data-next-channel', leadState.nextChannel); }
    if (leadState.nextStepAt) { message.setAttribute('data-next-step-at', leadState.nextStepAt); }
  }

  /**
   * Touches are not task events, so the stream does not announce them: after an outcome, re-read the
   * task (and its touch history) a few times, and again just after the lead's next step is due when that
   * is soon (after "No answer" the follow-up text is pulled to within a couple of minutes).
   */
  function pollAfterOutcome(id, leadState) {
    stopAfterOutcomePolls();
    var delays = AFTER_OUTCOME_POLLS_MS.slice();
    var nextAt = leadState && leadState.nextStepAt ? Date.parse(leadState.nextStepAt) : NaN;
    if (!isNaN(nextAt)) {
      var untilNext = nextAt - Date.now();
      if (untilNext > -60000 && untilNext < NEXT_STEP_WATCH_MS) {
        NEXT_STEP_POLLS_MS.forEach(function (after) { delays.push(Math.max(0, untilNext) + after); });
      }
    }
    delays.forEach(function (delay) {
      state.pollTimers.push(setTimeout(function () {
        if (String(state.selectedId) === String(id)) { loadDetail(id); }
      }, delay));
    });
  }

  function stopAfterOutcomePolls() {
    state.pollTimers.forEach(clearTimeout);
    state.pollTimers = [];
  }

  // ---------------------------------------------------------------------------------------------
  // Live stream

  function setConnection(kind, text) {
    var node = byId('connection');
    node.setAttribute('data-state', kind);
    byId('connection-text').textContent = text;
  }

  function openStream() {
    closeStream();
    if (!window.EventSource) {
      setConnection('offline', 'No live updates (refreshing every 30 s)');
      return;
    }
    setConnection('connecting', 'Connecting…');
    var source = new EventSource('/v1/tasks/stream');
    state.stream = source;
    source.onopen = function () {
      if (state.stream !== source) { return; }
      setConnection('live', 'Live');
      scheduleRefresh();
    };
    source.onerror = function () {
      if (state.stream !== source) { return; }
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. 401 or a non-stream answer): check the session, then retry.
        setConnection('offline', 'Offline');
        state.stream = null;
        source.close();
        state.streamRetry = setTimeout(function () {
          state.streamRetry = null;
          api('GET', '/v1/session').then(function (reply) {
            if (reply.status === 200 && state.me) { openStream(); }
            else if (reply.status === 401) { signedOut('Your session has ended. Please sign in again.'); }
            else if (state.me) { openStream(); }
          }).catch(function () { if (state.me) { openStream(); } });
        }, 5000);
      } else {
        setConnection('connecting', 'Reconnecting…');
      }
    };
    var onEvent = function (event) {
      if (state.stream !== source) { return; }
      var data = null;
      try { data = JSON.parse(event.data); } catch (e) { data = null; }
      setConnection('live', 'Live');
      scheduleRefresh();
      var selected = state.selected;
      if (selected && (!data || String(data.taskId) === String(selected.id) || String(data.leadId) === String(selected.leadId))) {
        scheduleDetailRefresh();
      }
    };
    STREAM_EVENTS.forEach(function (name) { source.addEventListener(name, onEvent); });
    source.onmessage = onEvent;
  }

  function closeStream() {
    if (state.streamRetry) { clearTimeout(state.streamRetry); state.streamRetry = null; }
    if (state.stream) {
      state.stream.close();
      state.stream = null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Timers

  function startTicker() {
    if (!state.ticker) { state.ticker = setInterval(tick, 1000); }
  }

  /** A safety net: if the stream is not live, re-read the list now and then. */
  function startFallbackPoll() {
    if (state.fallbackTimer) { return; }
    state.fallbackTimer = setInterval(function () {
      if (state.me && (!state.stream || state.stream.readyState !== EventSource.OPEN)) { refreshTasks(); }
    }, FALLBACK_POLL_MS);
  }

  function stopTimers() {
    [state.refreshTimer, state.detailTimer].forEach(function (t) { if (t) { clearTimeout(t); } });
    state.refreshTimer = null;
    state.detailTimer = null;
    if (state.ticker) { clearInterval(state.ticker); state.ticker = null; }
    if (state.fallbackTimer) { clearInterval(state.fallbackTimer); state.fallbackTimer = null; }
    stopAfterOutcomePolls();
  }

  // ---------------------------------------------------------------------------------------------
  // Wiring

  function init() {
    byId('signin-form').addEventListener('submit', onSignIn);
    byId('sign-out').addEventListener('click', onSignOut);
    byId('refresh').addEventListener('click', function () {
      refreshTasks();
      if (state.selectedId) { loadDetail(state.selectedId); }
    });
    byId('more').addEventListener('click', loadMore);
    byId('back').addEventListener('click', function () {
      document.body.classList.remove('show-detail');
      var current = byId('tasks').querySelector('[aria-current="true"]');
      if (current) { current.focus(); }
    });
    var outcomeButtons = document.querySelectorAll('[data-outcome]');
    for (var i = 0; i < outcomeButtons.length; i++) {
      (function (button) {
        button.addEventListener('click', function () { complete(button.getAttribute('data-outcome')); });
      })(outcomeButtons[i]);
    }
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden && state.me) {
        scheduleRefresh();
        if (!state.stream) { openStream(); }
      }
    });
    show('loading');
    checkSession();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
