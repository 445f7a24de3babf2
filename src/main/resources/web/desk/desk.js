'use strict';
// Agent desk: sign-in, queue with filters and SLA countdowns, ticket view with actions, live updates by long poll.
// Server text is only ever set with textContent (never innerHTML).
(() => {
  const API = '/api/desk';
  const $ = id => document.getElementById(id);
  const OPEN_STATUSES = ['queued', 'assigned', 'waiting-user'];
  const WARN_MS = 10 * 60 * 1000;

  const STATUS_LABEL = {
    queued: 'Queued / 排队中', assigned: 'Assigned / 已分配', 'waiting-user': 'Waiting for user / 等待用户',
    resolved: 'Resolved / 已解决', closed: 'Closed / 已关闭',
  };
  const ROLE_LABEL = { agent: 'Agent / 客服', supervisor: 'Supervisor / 主管' };
  const LANG_LABEL = { en: 'English / 英文', zh: 'Chinese / 中文' };
  const DETAIL_LABEL = {
    account: 'Account / 账户', description: 'Description / 问题描述', time: 'Time / 时间', device: 'Device / 设备',
    tx_hash: 'Transaction hash / 交易哈希', chain: 'Chain / 链', coin: 'Coin / 币种', amount: 'Amount / 金额',
    address: 'Address / 地址', screenshot: 'Screenshot / 截图',
  };
  const REASON_LABEL = {
    confirmed: 'User confirmed a ticket / 用户确认建单', human: 'Asked for a person / 要求人工',
    complaint: 'Complaint / 投诉', supervisor: 'Asked for a supervisor / 要求主管',
  };
  const EVENT_LABEL = {
    opened: 'Opened / 已创建', 'user-message': 'User message / 用户消息', claimed: 'Claimed / 已认领',
    reply: 'Reply / 回复', note: 'Internal note / 内部备注', asked: 'Asked for a detail / 索取信息',
    detail: 'Detail received / 收到信息', resolved: 'Resolved / 已解决', reopened: 'Reopened / 已重新打开',
    escalated: 'Escalated / 已升级', transferred: 'Transferred / 已转交', 'sla-breach': 'SLA breached / 超出时限',
    rating: 'Rating / 评分', alert: 'Alert / 警报', banned: 'User banned / 用户已封禁',
    unbanned: 'User unbanned / 用户已解封', erased: 'Data erased / 数据已删除', closed: 'Closed / 已关闭',
  };
  const ACTION_DONE = {
    claim: 'Claimed / 已认领', reply: 'Reply sent / 回复已发送', note: 'Note added / 备注已添加',
    ask: 'Question sent / 已向用户询问', transfer: 'Transferred / 已转交', escalate: 'Escalated / 已升级',
    resolve: 'Resolved / 已解决', reopen: 'Reopened / 已重新打开',
  };

  const state = {
    me: null,            // {agent, role, csrf}
    tickets: [],         // last queue answer, in queue order
    known: null,         // ids seen so far (null until the first queue answer: nothing is "new" on load)
    openId: null,        // id (string) of the ticket on screen
    openKeys: {},        // JSON of the parts last rendered, to skip redundant redraws
    busy: false,         // an action request is running
    gen: 0,              // bumped on sign-in/sign-out: stale loops and answers see it and stop
    aborter: null,       // aborts the current long poll
    version: 0,          // last change version seen
    queueSeq: 0,         // newest queue request (older answers are dropped)
    ticketSeq: 0,        // newest ticket request
    drafts: new Map(),   // ticket id -> {reply, note}: half-written text survives switching tickets
  };

  // ---------- helpers

  const sleep = ms => new Promise(res => setTimeout(res, ms));
  const str = v => (v == null ? '' : String(v));

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = String(text);
    return e;
  }

  function srOnly(text) {
    return el('span', 'sr-only', text);
  }

  function label(map, key) {
    return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : str(key);
  }

  function parseTime(iso) {
    if (iso == null) return null;
    const t = Date.parse(String(iso));
    return Number.isFinite(t) ? t : null;
  }

  function timeEl(iso, withDate) {
    const t = parseTime(iso);
    const e = el('time');
    if (t == null) {
      e.textContent = str(iso);
      return e;
    }
    const d = new Date(t);
    e.dateTime = d.toISOString();
    e.textContent = withDate === false ? d.toLocaleTimeString() : d.toLocaleString();
    e.title = d.toLocaleString();
    return e;
  }

  function formatSize(n) {
    const b = Number(n);
    if (!Number.isFinite(b) || b < 0) return '';
    if (b < 1024) return b + ' B';
    if (b < 1024 * 1024) return (b / 1024).toFixed(1) + ' KB';
    return (b / 1024 / 1024).toFixed(1) + ' MB';
  }

  /** "12m", "1h 05m", "2d 03h", "-3m" (overdue; any overdue shows at least -1m). */
  function formatLeft(ms) {
    const neg = ms < 0;
    const m = neg ? Math.ceil(-ms / 60000) : Math.floor(ms / 60000);
    let s;
    if (m >= 48 * 60) s = Math.floor(m / 1440) + 'd ' + String(Math.floor((m % 1440) / 60)).padStart(2, '0') + 'h';
    else if (m >= 60) s = Math.floor(m / 60) + 'h ' + String(m % 60).padStart(2, '0') + 'm';
    else s = m + 'm';
    return (neg ? '-' : '') + s;
  }

  function announce(text) {
    $('live').textContent = text;
  }

  function showError(text) {
    $('action-error').textContent = text || '';
  }

  // ---------- HTTP

  class HttpError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function request(method, path, body, signal) {
    const init = { method, credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } };
    if (method !== 'GET') {
      init.headers['Content-Type'] = 'application/json';
      if (state.me && state.me.csrf) init.headers['X-CSRF-Token'] = state.me.csrf;
      init.body = JSON.stringify(body || {});
    }
    if (signal) init.signal = signal;
    let res;
    try {
      res = await fetch(API + path, init);
    } catch (e) {
      if (e && e.name === 'AbortError') throw e;
      throw new HttpError(0, 'The server cannot be reached. / 无法连接服务器。');
    }
    let data = null;
    const text = await res.text();
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = null; }
    }
    if (!res.ok) {
      const msg = data && typeof data.error === 'string' && data.error ? data.error : 'Error ' + res.status + ' / 出错了';
      throw new HttpError(res.status, msg);
    }
    return data;
  }

  /** An error from anything the agent did or the page does: 401 means back to the sign-in view. */
  function handleError(e) {
    if (!e || e.name === 'AbortError') return;
    if (e.status === 401) {
      showSignIn('Your session has ended. Please sign in again. / 会话已结束,请重新登录。');
      return;
    }
    showError(e.message || String(e));
  }

  // ---------- session

  async function boot() {
    try {
      signedIn(await request('GET', '/session'));
    } catch (e) {
      showSignIn(e && e.status === 401 ? '' : (e && e.message) || '');
    }
  }

  function signedIn(me) {
    if (!me || typeof me.agent !== 'string' || !me.agent) {
      showSignIn('Unexpected answer from the server. / 服务器响应异常。');
      return;
    }
    stopLoops();
    state.me = { agent: me.agent, role: me.role === 'supervisor' ? 'supervisor' : 'agent', csrf: str(me.csrf) };
    state.tickets = [];
    state.known = null;
    state.version = 0;
    state.drafts.clear();
    setBusy(false);
    $('loading').hidden = true;
    $('signin-view').hidden = true;
    $('desk-view').hidden = false;
    $('sign-in-error').textContent = '';
    showError('');
    announce('');

    const who = $('whoami');
    who.replaceChildren(srOnly('Signed in as / 当前用户: '), el('strong', null, state.me.agent), ' ',
      el('span', 'role-badge', label(ROLE_LABEL, state.me.role)));
    $('dashboard-link').hidden = state.me.role !== 'supervisor';

    renderQueue();
    refreshQueue().catch(handleError);
    const m = /^#ticket-(\d+)$/.exec(location.hash);
    if (m) openTicket(m[1], { push: false, focus: true });
    else {
      closeTicket({ focusRow: false });
      $('queue-heading').focus();
    }
    pollLoop(state.gen);
  }

  function stopLoops() {
    state.gen++;
    if (state.aborter) state.aborter.abort();
    state.aborter = null;
    state.queueSeq++;
    state.ticketSeq++;
  }

  function showSignIn(message) {
    stopLoops();
    state.me = null;
    state.tickets = [];
    state.known = null;
    state.drafts.clear();
    setBusy(false);
    closeTicket({ focusRow: false });
    clearActionInputs();
    $('queue').replaceChildren();
    $('whoami').replaceChildren();
    $('dashboard-link').hidden = true;
    showError('');
    announce('');
    $('loading').hidden = true;
    $('desk-view').hidden = true;
    $('signin-view').hidden = false;
    $('sign-in-error').textContent = message || '';
    document.title = 'support-bot · agent desk / 客服工作台';
    $('token').focus();
  }

  $('sign-in-form').addEventListener('submit', async e => {
    e.preventDefault();
    const input = $('token'), button = $('sign-in'), error = $('sign-in-error');
    const token = input.value.trim();
    if (!token) {
      error.textContent = 'Enter your agent token. / 请输入访问令牌。';
      input.focus();
      return;
    }
    button.disabled = true;
    error.textContent = '';
    try {
      const me = await request('POST', '/session', { token });
      input.value = '';
      signedIn(me);
    } catch (err) {
      error.textContent = (err && err.message) || 'Sign-in failed / 登录失败';
      input.focus();
      input.select();
    } finally {
      button.disabled = false;
    }
  });

  $('logout').addEventListener('click', async () => {
    const button = $('logout');
    button.disabled = true;
    try {
      await request('DELETE', '/session');
    } catch (e) {
      // Signed out here regardless; a server error just means the session ends on its own.
    } finally {
      button.disabled = false;
    }
    if (history.state && history.state.deskTicket) history.replaceState(null, '', location.pathname + location.search);
    showSignIn('');
  });

  // ---------- queue

  function filters() {
    return {
      status: $('filter-status').value,
      priority: $('filter-priority').value,
      channel: $('filter-channel').value,
      lang: $('filter-lang').value,
      mine: $('filter-mine').checked,
    };
  }

  function matches(t, f) {
    if (f.status === 'open') {
      if (!OPEN_STATUSES.includes(t.status)) return false;
    } else if (f.status !== 'all' && t.status !== f.status) return false;
    if (f.priority !== 'any' && str(t.priority) !== f.priority) return false;
    if (f.channel !== 'any' && str(t.channel) !== f.channel) return false;
    if (f.lang !== 'any' && str(t.lang) !== f.lang) return false;
    if (f.mine && (!state.me || t.assignee !== state.me.agent)) return false;
    return true;
  }

  async function refreshQueue() {
    const seq = ++state.queueSeq, gen = state.gen;
    const data = await request('GET', '/tickets');
    if (seq !== state.queueSeq || gen !== state.gen) return;
    const list = Array.isArray(data && data.tickets) ? data.tickets.filter(t => t && typeof t === 'object' && t.id != null) : [];
    announceNew(list);
    state.tickets = list;
    updateChannelOptions();
    renderQueue();
  }

  function announceNew(list) {
    const ids = new Set(list.map(t => str(t.id)));
    if (state.known) {
      const fresh = list.filter(t => !state.known.has(str(t.id)) && OPEN_STATUSES.includes(t.status));
      if (fresh.length === 1) {
        const t = fresh[0];
        announce('New ticket #' + t.id + ': ' + str(t.category) + ' (P' + str(t.priority) + ') / 新工单 #' + t.id);
      } else if (fresh.length > 1) {
        announce(fresh.length + ' new tickets / ' + fresh.length + ' 个新工单');
      }
    }
    state.known = ids;
  }

  function updateChannelOptions() {
    const sel = $('filter-channel');
    const current = sel.value;
    const channels = [...new Set(state.tickets.map(t => t.channel).filter(c => typeof c === 'string' && c))].sort();
    if (current !== 'any' && !channels.includes(current)) channels.push(current);
    const key = channels.join('\n');
    if (sel.dataset.options === key) return;
    sel.dataset.options = key;
    const any = el('option', null, 'Any / 全部');
    any.value = 'any';
    sel.replaceChildren(any, ...channels.map(c => {
      const o = el('option', null, c);
      o.value = c;
      return o;
    }));
    sel.value = current;
  }

  function renderQueue() {
    const queue = $('queue');
    const active = document.activeElement;
    const focusedId = active && active.classList && active.classList.contains('ticket-row') ? active.dataset.id : null;
    const f = filters();
    const seen = new Set();
    const shown = state.tickets.filter(t => matches(t, f) && !seen.has(str(t.id)) && seen.add(str(t.id)));
    // Keyed update: a ticket keeps its row element across live refreshes (focus, a click in progress, or a
    // reference held by a test stay valid); only rows whose data changed are redrawn, and only inside.
    const existing = new Map();
    for (const li of queue.children) {
      const b = li.querySelector('.ticket-row');
      if (b) existing.set(b.dataset.id, li);
    }
    const items = shown.map(t => {
      const id = str(t.id);
      let li = existing.get(id);
      if (!li) li = newRow(id);
      const key = JSON.stringify(t);
      if (li.dataset.key !== key) {
        li.dataset.key = key;
        fillRow(li.firstChild, t);
      }
      return li;
    });
    const same = items.length === queue.children.length && items.every((li, i) => queue.children[i] === li);
    if (!same) queue.replaceChildren(...items);
    markCurrentRow();
    const loaded = !!(state.me && state.known);
    $('queue-empty').hidden = shown.length > 0 || !loaded;
    setText($('queue-count'), !state.me ? '' : !loaded ? 'Loading… / 加载中…'
      : 'Showing ' + shown.length + ' of ' + state.tickets.length + ' / 显示 ' + shown.length + ' 个,共 ' + state.tickets.length + ' 个');
    if (focusedId != null && document.activeElement !== active) {
      const again = rowFor(focusedId);
      if (again) again.focus();
    }
    const queued = state.tickets.filter(t => t.status === 'queued').length;
    document.title = (queued ? '(' + queued + ') ' : '') + 'support-bot · agent desk / 客服工作台';
  }

  function rowFor(id) {
    return [...$('queue').querySelectorAll('.ticket-row')].find(b => b.dataset.id === str(id)) || null;
  }

  function newRow(id) {
    const li = el('li');
    const b = el('button', 'ticket-row');
    b.type = 'button';
    b.dataset.id = id;
    b.addEventListener('click', () => openTicket(id, { push: true, focus: true }));
    li.append(b);
    return li;
  }

  function fillRow(b, t) {
    b.className = 'ticket-row';
    const p = Number(t.priority);
    if (p >= 1 && p <= 5) b.classList.add('p' + p);

    const top = el('span', 'row-top');
    top.append(el('span', 'row-id', '#' + str(t.id)), el('span', 'row-cat', t.category == null ? '—' : t.category), slaEl(t.sla));

    const meta = el('span', 'row-meta');
    const status = el('span', 'tag tag-status');
    status.append(srOnly('Status / 状态: '), label(STATUS_LABEL, t.status));
    meta.append(status);
    const pr = el('span');
    pr.append(srOnly('Priority / 优先级: '), 'P' + str(t.priority));
    meta.append(pr);
    if (t.urgent) meta.append(el('span', 'tag tag-urgent', '⚑ Urgent / 紧急'));
    const ch = el('span');
    ch.append(srOnly('Channel / 渠道: '), str(t.channel));
    const lg = el('span');
    lg.append(srOnly('Language / 语言: '), str(t.lang).toUpperCase());
    const as = el('span');
    as.append(srOnly('Assignee / 负责人: '), t.assignee ? '→ ' + t.assignee : 'Unassigned / 未分配');
    meta.append(ch, lg, as);
    if (t.alert) meta.append(el('span', 'tag tag-alert', '⚠ Low rating / 差评'));
    else if (t.rating != null) meta.append(el('span', null, '★' + str(t.rating)));

    b.replaceChildren(top, meta);
  }

  ['filter-status', 'filter-priority', 'filter-channel', 'filter-lang', 'filter-mine'].forEach(id =>
    $(id).addEventListener('change', renderQueue));

  // ---------- SLA countdowns

  function slaDue(sla) {
    if (!sla || typeof sla !== 'object') return null;
    const times = [sla.firstResponseDue, sla.nextResponseDue, sla.resolutionDue].map(parseTime).filter(t => t != null);
    return times.length ? Math.min(...times) : null;
  }

  function slaEl(sla) {
    const e = el('span', 'sla');
    const due = slaDue(sla);
    e.dataset.due = due == null ? '' : String(due);
    e.dataset.breached = sla && Array.isArray(sla.breached) ? sla.breached.filter(x => x != null).join(',') : '';
    e.append(el('span', 'sla-icon'), srOnly('SLA / 时限: '), el('span', 'sla-time'), el('span', 'sla-label'));
    e.querySelector('.sla-icon').setAttribute('aria-hidden', 'true');
    updateSla(e, Date.now());
    return e;
  }

  function setText(node, text) {
    if (node && node.textContent !== text) node.textContent = text;
  }

  function updateSla(e, now) {
    const due = e.dataset.due ? Number(e.dataset.due) : null;
    const breached = !!e.dataset.breached;
    let cls, icon, time = '', text;
    if (due == null) {
      if (breached) { cls = 'sla-breached'; icon = '✗'; text = 'breached / 已超时'; }
      else { cls = 'sla-ok sla-none'; icon = '–'; text = 'no deadline / 无时限'; }
    } else {
      const left = due - now;
      time = formatLeft(left);
      if (left < 0) { cls = 'sla-breached'; icon = '✗'; text = 'overdue / 已超时'; }
      else if (breached) { cls = 'sla-breached'; icon = '✗'; text = 'breached / 已违约'; }
      else if (left < WARN_MS) { cls = 'sla-warn'; icon = '⚠'; text = 'due soon / 即将到期'; }
      else { cls = 'sla-ok'; icon = '✓'; text = 'left / 剩余'; }
    }
    const className = 'sla ' + cls;
    if (e.className !== className) e.className = className;
    setText(e.querySelector('.sla-icon'), icon);
    setText(e.querySelector('.sla-time'), time);
    setText(e.querySelector('.sla-label'), time ? ' ' + text : text);
    const title = due == null ? '' : 'Due / 截止: ' + new Date(due).toLocaleString()
      + (breached ? ' · breached / 已违约: ' + e.dataset.breached : '');
    if (e.title !== title) e.title = title;
  }

  setInterval(() => {
    const now = Date.now();
    document.querySelectorAll('.sla').forEach(e => updateSla(e, now));
  }, 1000);

  // ---------- ticket view

  function saveDraft() {
    if (state.openId == null) return;
    const reply = $('reply-text').value, note = $('note-text').value;
    if (reply || note) state.drafts.set(state.openId, { reply, note });
    else state.drafts.delete(state.openId);
  }

  function clearActionInputs() {
    ['reply-text', 'note-text', 'transfer-agent', 'escalate-reason'].forEach(id => { $(id).value = ''; });
  }

  function markCurrentRow() {
    $('queue').querySelectorAll('.ticket-row').forEach(b => {
      if (b.dataset.id === state.openId) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    });
  }

  window.DeskHooks = { openTicket: id => openTicket(id, { push: true, focus: true }) };

  function ticketUrlHash(id) {
    return '#ticket-' + id;
  }

  function openTicket(id, opts) {
    id = str(id);
    if (!/^\d+$/.test(id) || !state.me) return;
    const changed = state.openId !== id;
    if (changed) {
      saveDraft();
      clearActionInputs();
      const draft = state.drafts.get(id);
      if (draft) {
        $('reply-text').value = draft.reply;
        $('note-text').value = draft.note;
      }
      state.openId = id;
      state.openKeys = {};
      showError('');
      $('ticket-title').textContent = 'Ticket #' + id + ' / 工单 #' + id;
      $('ticket-card').replaceChildren(el('p', 'muted', 'Loading… / 加载中…'));
      ['ticket-details', 'faq-tried', 'transcript', 'events'].forEach(x => $(x).replaceChildren());
      $('ticket-details-empty').hidden = true;
      $('faq-tried-empty').hidden = true;
    }
    if (opts && opts.push !== false) {
      const hash = ticketUrlHash(id);
      if (location.hash !== hash) {
        if (history.state && history.state.deskTicket) history.replaceState({ deskTicket: id }, '', hash);
        else history.pushState({ deskTicket: id }, '', hash);
      }
    }
    document.body.classList.add('ticket-open');
    $('ticket-placeholder').hidden = true;
    $('ticket').hidden = false;
    markCurrentRow();
    if (opts && opts.focus) $('ticket-title').focus();
    refreshTicket().catch(handleError);
  }

  function closeTicket(opts) {
    const id = state.openId;
    saveDraft();
    clearActionInputs();
    state.openId = null;
    state.openKeys = {};
    state.ticketSeq++;
    document.body.classList.remove('ticket-open');
    $('ticket').hidden = true;
    $('ticket-placeholder').hidden = false;
    markCurrentRow();
    if (opts && opts.focusRow) {
      const r = id != null ? rowFor(id) : null;
      if (r) r.focus();
      else $('queue-heading').focus();
    }
  }

  $('back').addEventListener('click', () => {
    closeTicket({ focusRow: true });
    // Drop the history entry the ticket added, so the browser's Back button does not reopen it.
    if (history.state && history.state.deskTicket) history.back();
    else if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  window.addEventListener('popstate', () => {
    if (!state.me) return;
    const m = /^#ticket-(\d+)$/.exec(location.hash);
    if (m) {
      if (m[1] !== state.openId) openTicket(m[1], { push: false, focus: true });
    } else if (state.openId != null) {
      closeTicket({ focusRow: true });
    }
  });

  async function refreshTicket() {
    const id = state.openId;
    if (id == null) return;
    const seq = ++state.ticketSeq, gen = state.gen;
    let t;
    try {
      t = await request('GET', '/tickets/' + encodeURIComponent(id));
    } catch (e) {
      if (seq !== state.ticketSeq || gen !== state.gen || id !== state.openId) return;
      if (e && (e.status === 404 || e.status === 403)) {
        showError(e.message);
        closeTicket({ focusRow: true });
        return;
      }
      throw e;
    }
    if (seq !== state.ticketSeq || gen !== state.gen || id !== state.openId) return;
    if (!t || typeof t !== 'object') return;
    renderTicket(t);
  }

  /** Redraws one part only when its data changed, so focus, selection and scroll survive live updates. */
  function changedPart(name, data) {
    const key = JSON.stringify(data === undefined ? null : data);
    if (state.openKeys[name] === key) return false;
    state.openKeys[name] = key;
    return true;
  }

  function renderTicket(t) {
    const id = str(t.id != null ? t.id : state.openId);
    setText($('ticket-title'), 'Ticket #' + id + ' / 工单 #' + id + (t.category ? ' · ' + t.category : ''));
    const summary = Object.assign({}, t);
    delete summary.details; delete summary.faqTried; delete summary.events; delete summary.transcript;
    if (changedPart('card', summary)) renderCard(t);
    if (changedPart('details', t.details)) renderDetails(t.details);
    if (changedPart('faq', t.faqTried)) renderFaq(t.faqTried);
    if (changedPart('transcript', t.transcript)) renderTranscript(id, t.transcript);
    if (changedPart('events', t.events)) renderEvents(t.events);
    if (window.DeskTools) window.DeskTools.ticketShown(t);
  }

  function renderCard(t) {
    const dl = el('dl', 'kv');
    const add = (name, value) => {
      const dd = el('dd');
      if (value instanceof Node) dd.append(value);
      else dd.textContent = value == null || value === '' ? '—' : String(value);
      dl.append(el('dt', null, name), dd);
    };
    add('Ticket / 工单', '#' + str(t.id));
    add('Category / 类别', t.category);
    add('Status / 状态', label(STATUS_LABEL, t.status));
    add('Tier / 级别', label(ROLE_LABEL, t.tier));
    const pr = el('span', null, 'P' + str(t.priority));
    if (t.urgent) pr.append(' ', el('span', 'tag tag-urgent', '⚑ Urgent / 紧急'));
    add('Priority / 优先级', pr);
    add('Language / 语言', label(LANG_LABEL, t.lang));
    add('Channel / 渠道', t.channel);
    add('Assignee / 负责人', t.assignee || 'Unassigned / 未分配');
    add('Reason / 原因', t.reason == null ? null : label(REASON_LABEL, t.reason));
    add('Opened / 创建时间', t.openedAt ? timeEl(t.openedAt) : null);
    add('SLA / 时限', slaEl(t.sla));
    if (t.rating != null) {
      const r = el('span', null, '★'.repeat(Math.max(0, Math.min(5, Number(t.rating) || 0))) + ' ' + str(t.rating) + '/5');
      if (t.alert) r.append(' ', el('span', 'tag tag-alert', '⚠ Low rating alert / 差评警报'));
      add('Rating / 评分', r);
    } else if (t.alert) {
      add('Alert / 警报', el('span', 'tag tag-alert', '⚠ Alert / 警报'));
    }
    $('ticket-card').replaceChildren(dl);
  }

  function renderDetails(details) {
    const dl = $('ticket-details');
    const entries = details && typeof details === 'object' ? Object.entries(details) : [];
    dl.replaceChildren();
    for (const [key, d] of entries) {
      const dd = el('dd');
      const display = d && typeof d === 'object' ? (d.display != null ? d.display : d.value) : d;
      dd.append(el('span', key === 'tx_hash' || key === 'address' ? 'mono' : null, str(display)));
      const value = d && typeof d === 'object' ? d.value : null;
      if (value != null && str(value) !== str(display)) {
        const raw = el('span', 'detail-raw');
        raw.append(srOnly('Raw value / 原始值: '), el('code', null, str(value)));
        dd.append(raw);
      }
      dl.append(el('dt', null, label(DETAIL_LABEL, key)), dd);
    }
    $('ticket-details-empty').hidden = entries.length > 0;
  }

  function renderFaq(faq) {
    const list = Array.isArray(faq) ? faq.filter(x => x != null) : [];
    $('faq-tried').replaceChildren(...list.map(x => el('li', null, str(x))));
    $('faq-tried-empty').hidden = list.length > 0;
  }

  function fileUrl(ticketId, seq, index) {
    return API + '/tickets/' + encodeURIComponent(ticketId) + '/files/' + encodeURIComponent(str(seq)) + '/' + index;
  }

  function renderTranscript(ticketId, lines) {
    const box = $('transcript');
    const first = !box.firstChild;
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    const list = Array.isArray(lines) ? lines.filter(l => l && typeof l === 'object') : [];
    box.replaceChildren(...list.map(l => lineEl(ticketId, l)));
    if (!list.length) box.append(el('li', 'empty', 'No messages / 暂无消息'));
    if (first || atBottom) box.scrollTop = box.scrollHeight;
  }

  function lineEl(ticketId, l) {
    const from = l.from === 'user' ? 'user' : l.from === 'agent' ? 'agent' : 'bot';
    const li = el('li', 'line line-' + from);
    if (l.seq != null) li.dataset.seq = str(l.seq);
    const head = el('div', 'line-head');
    const who = from === 'user' ? 'User / 用户' : from === 'agent' ? 'Agent / 客服' + (l.by ? ' · ' + l.by : '') : 'Bot / 机器人';
    head.append(el('span', 'line-who', who));
    if (l.time) head.append(timeEl(l.time));
    li.append(head);
    if (l.text != null && l.text !== '') li.append(el('div', 'line-text', l.text));
    const buttons = Array.isArray(l.buttons) ? l.buttons.filter(b => b && b.label != null) : [];
    if (buttons.length) {
      li.append(el('div', 'line-buttons', 'Options offered / 提供的选项: ' + buttons.map(b => '[' + str(b.label) + ']').join(' ')));
    }
    const files = Array.isArray(l.attachments) ? l.attachments : [];
    if (files.length && l.seq != null) {
      const ul = el('ul', 'files');
      ul.setAttribute('aria-label', 'Attachments / 附件');
      files.forEach((f, i) => {
        if (!f || typeof f !== 'object') return;
        const name = str(f.fileName) || 'file ' + (i + 1);
        const a = el('a');
        a.href = fileUrl(ticketId, l.seq, i);
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.append(el('span', null, name + (f.size != null ? ' (' + formatSize(f.size) + ')' : '')));
        const type = str(f.contentType).toLowerCase();
        if (type.startsWith('image/') && type !== 'image/svg+xml') {
          const img = el('img');
          img.src = a.href;
          img.alt = 'Preview of ' + name + ' / 图片预览';
          img.loading = 'lazy';
          img.decoding = 'async';
          a.append(img);
        }
        const item = el('li');
        item.append(a);
        ul.append(item);
      });
      li.append(ul);
    }
    return li;
  }

  function renderEvents(events) {
    const list = Array.isArray(events) ? events.filter(e => e && typeof e === 'object') : [];
    const box = $('events');
    box.replaceChildren(...list.map(eventEl));
    if (!list.length) box.append(el('li', 'empty', 'Nothing yet / 暂无'));
  }

  function eventEl(e) {
    const type = str(e.type);
    const li = el('li', 'event event-' + type.replace(/[^a-z0-9-]/gi, '').toLowerCase());
    const head = el('div', 'event-head');
    if (type === 'note') head.append(el('span', 'tag tag-note', '✎ Internal / 内部'));
    head.append(el('span', 'event-type', label(EVENT_LABEL, type)));
    const actor = e.actor === 'user' ? 'User / 用户' : e.actor === 'bot' ? 'Bot / 机器人' : str(e.actor);
    if (actor) head.append(el('span', 'event-actor', actor));
    if (e.at) head.append(timeEl(e.at));
    li.append(head);
    if (e.text != null && e.text !== '') li.append(el('div', 'event-text', e.text));
    const files = Array.isArray(e.attachments) ? e.attachments.filter(f => f && f.fileName != null) : [];
    if (files.length) li.append(el('div', 'small muted', 'Attachments / 附件: ' + files.map(f => str(f.fileName)).join(', ')));
    return li;
  }

  // ---------- actions

  const ACTION_BUTTONS = ['claim', 'resolve', 'reopen', 'reply-send', 'note-send', 'ask-send', 'transfer-send', 'escalate-send'];

  function setBusy(busy) {
    state.busy = busy;
    ACTION_BUTTONS.forEach(id => { $(id).disabled = busy; });
    $('ticket').setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  async function act(action, body, clear) {
    if (state.busy || state.openId == null || !state.me) return;
    const id = state.openId, gen = state.gen;
    const focused = document.activeElement;
    setBusy(true);
    showError('');
    try {
      await request('POST', '/tickets/' + encodeURIComponent(id) + '/' + action, body);
      if (gen !== state.gen) return;
      if (clear && state.openId === id) {
        clear.value = '';
        saveDraft();
      }
      announce(label(ACTION_DONE, action) + ' · #' + id);
      await Promise.all([refreshQueue(), refreshTicket()]);
    } catch (e) {
      if (gen === state.gen || (e && e.status === 401)) handleError(e);
      // Someone else acted first (the message names who holds it now): show the ticket as it is.
      if (e && e.status === 409 && gen === state.gen) Promise.all([refreshQueue(), refreshTicket()]).catch(handleError);
    } finally {
      if (gen === state.gen) setBusy(false);
      if (focused && focused.isConnected && !focused.disabled && (document.activeElement === document.body || !document.activeElement)) {
        focused.focus();
      }
    }
  }

  function required(input, message) {
    const v = input.value.trim();
    if (!v) {
      showError(message);
      input.focus();
      return null;
    }
    return v;
  }

  $('claim').addEventListener('click', () => act('claim', {}));
  $('resolve').addEventListener('click', () => act('resolve', {}));
  $('reopen').addEventListener('click', () => act('reopen', {}));

  $('reply-form').addEventListener('submit', e => {
    e.preventDefault();
    const text = required($('reply-text'), 'Write a reply first. / 请先输入回复内容。');
    if (text != null) act('reply', Object.assign({ text }, window.DeskTools ? window.DeskTools.replyExtras() : {}), $('reply-text'));
  });
  $('note-form').addEventListener('submit', e => {
    e.preventDefault();
    const text = required($('note-text'), 'Write a note first. / 请先输入备注内容。');
    if (text != null) act('note', { text }, $('note-text'));
  });
  $('ask-form').addEventListener('submit', e => {
    e.preventDefault();
    act('ask', { detail: $('ask-detail').value });
  });
  $('transfer-form').addEventListener('submit', e => {
    e.preventDefault();
    const agent = required($('transfer-agent'), 'Enter the agent to transfer to. / 请输入要转交的客服名称。');
    if (agent != null) act('transfer', { agent }, $('transfer-agent'));
  });
  $('escalate-form').addEventListener('submit', e => {
    e.preventDefault();
    act('escalate', { reason: $('escalate-reason').value.trim() }, $('escalate-reason'));
  });

  // Ctrl+Enter (Cmd+Enter on a Mac) sends from the text areas; Enter alone is a new line.
  ['reply-text', 'note-text'].forEach(id => $(id).addEventListener('keydown', e => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
      e.preventDefault();
      const form = $(id).form;
      if (form.requestSubmit) form.requestSubmit();
      else form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  }));

  // ---------- live updates

  async function refreshAll() {
    await Promise.all([refreshQueue(), refreshTicket()]);
  }

  async function pollLoop(gen) {
    let failing = false;
    while (gen === state.gen) {
      const ctrl = new AbortController();
      state.aborter = ctrl;
      const started = Date.now();
      try {
        const data = await request('GET', '/changes?since=' + encodeURIComponent(state.version), null, ctrl.signal);
        if (gen !== state.gen) return;
        const v = Number(data && data.version);
        const moved = Number.isFinite(v) && v !== state.version;
        if (Number.isFinite(v)) state.version = v;
        if (failing) {
          failing = false;
          announce('Connected again / 已重新连接');
        }
        await refreshAll();
        // A server that answers at once without news must not make us spin.
        if (!moved && Date.now() - started < 1000) await sleep(1000);
      } catch (e) {
        if (gen !== state.gen || (e && e.name === 'AbortError')) return;
        if (e && e.status === 401) {
          handleError(e);
          return;
        }
        if (!failing) {
          failing = true;
          announce('Connection lost; retrying… / 连接中断,正在重试…');
        }
        await sleep(2000);
      }
    }
  }

  boot();
})();
