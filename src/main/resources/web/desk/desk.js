'use strict';
// Agent desk: sign-in, queue with filters and SLA countdowns, ticket view with actions, live updates by long poll.
// Server text is only ever set with textContent (never innerHTML).
(() => {
  const API = '/api/desk';
  const $ = id => document.getElementById(id);
  const OPEN_STATUSES = ['queued', 'assigned', 'waiting-user'];
  const WARN_MS = 10 * 60 * 1000;

  const STATUS_LABEL = {
    queued: 'Queued', assigned: 'Assigned', 'waiting-user': 'Waiting for user',
    resolved: 'Resolved', closed: 'Closed',
  };
  const ROLE_LABEL = { agent: 'Agent', supervisor: 'Supervisor' };
  const LANG_LABEL = { en: 'English', zh: 'Chinese' };
  const DETAIL_LABEL = {
    account: 'Account', description: 'Description', time: 'Time', device: 'Device',
    tx_hash: 'Transaction hash', chain: 'Chain', coin: 'Coin', amount: 'Amount',
    address: 'Address', screenshot: 'Screenshot',
  };
  const REASON_LABEL = {
    confirmed: 'User confirmed a ticket', human: 'Asked for a person',
    complaint: 'Complaint', supervisor: 'Asked for a supervisor',
  };
  const EVENT_LABEL = {
    opened: 'Opened', 'user-message': 'User message', claimed: 'Claimed',
    reply: 'Reply', note: 'Internal note', asked: 'Asked for a detail',
    detail: 'Detail received', resolved: 'Resolved', reopened: 'Reopened',
    escalated: 'Escalated', transferred: 'Transferred', 'sla-breach': 'SLA breached',
    rating: 'Rating', alert: 'Alert', banned: 'User banned',
    unbanned: 'User unbanned', erased: 'Data erased', closed: 'Closed',
    assist: 'FAQ answer used', labelled: 'Label added', unlabelled: 'Label removed', priority: 'Priority changed',
    merged: 'Merged into another ticket', 'merged-in': 'Duplicate merged in', assigned: 'Assigned',
    'auto-closed': 'Closed automatically', 'follow-up': 'Follow-up sent', reminder: 'Reminder sent',
    'user-deleted': 'User deleted a message', 'reply-edited': 'Reply edited', 'reply-deleted': 'Reply deleted',
    linked: 'Contact linked', unlinked: 'Contact unlinked',
  };
  // Channel ids as agents call them.
  const CHANNEL_LABEL = { web: 'Web chat', telegram: 'Telegram', discord: 'Discord', terminal: 'Terminal' };
  const ACTION_DONE = {
    claim: 'Claimed', reply: 'Reply sent', note: 'Note added',
    ask: 'Question sent', transfer: 'Transferred', escalate: 'Escalated',
    resolve: 'Resolved', reopen: 'Reopened',
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

  // ---------- language: one per agent, switchable, remembered (localStorage 'desk.lang')

  // English text is the key; Chinese copy uses full-width punctuation.
  const ZH = {
    "Queued": "排队中",
    "Assigned": "已分配",
    "Waiting for user": "等待用户",
    "Resolved": "已解决",
    "Closed": "已关闭",
    "Agent": "客服",
    "Supervisor": "主管",
    "English": "英文",
    "Chinese": "中文",
    "Account": "账户",
    "Description": "问题描述",
    "Time": "时间",
    "Device": "设备",
    "Transaction hash": "交易哈希",
    "Chain": "链",
    "Coin": "币种",
    "Amount": "金额",
    "Address": "地址",
    "Screenshot": "截图",
    "User confirmed a ticket": "用户确认建单",
    "Asked for a person": "要求人工",
    "Complaint": "投诉",
    "Asked for a supervisor": "要求主管",
    "Opened": "已创建",
    "User message": "用户消息",
    "Claimed": "已认领",
    "Reply": "回复",
    "Internal note": "内部备注",
    "FAQ answer used": "使用了常见问题答案",
    "Label added": "已添加标签",
    "Label removed": "已移除标签",
    "Priority changed": "优先级已更改",
    "Merged into another ticket": "已合并到其他工单",
    "Duplicate merged in": "已并入重复工单",
    "User deleted a message": "用户删除了一条消息",
    "Reply edited": "回复已修改",
    "Reply deleted": "回复已删除",
    "Contact linked": "已关联联系人",
    "Contact unlinked": "已取消关联联系人",
    "Closed automatically": "已自动关闭",
    "Follow-up sent": "已发送跟进",
    "Reminder sent": "已发送提醒",
    "Web chat": "网页聊天",
    "Terminal": "终端",
    "Asked for a detail": "索取信息",
    "Detail received": "收到信息",
    "Reopened": "已重新打开",
    "Escalated": "已升级",
    "Transferred": "已转交",
    "SLA breached": "超出时限",
    "Rating": "评分",
    "Alert": "警报",
    "User banned": "用户已封禁",
    "User unbanned": "用户已解封",
    "Data erased": "数据已删除",
    "Reply sent": "回复已发送",
    "Note added": "备注已添加",
    "Question sent": "已向用户询问",
    "The server cannot be reached.": "无法连接服务器。",
    "Your session has ended. Please sign in again.": "会话已结束，请重新登录。",
    "Unexpected answer from the server.": "服务器响应异常。",
    "Signed in as": "当前用户",
    "support-bot · agent desk": "support-bot · 客服工作台",
    "Enter your agent token.": "请输入访问令牌。",
    "Sign-in failed": "登录失败",
    "Any": "全部",
    "Loading…": "加载中…",
    "Status": "状态",
    "Priority": "优先级",
    "⚑ Urgent": "⚑ 紧急",
    "Channel": "渠道",
    "Language": "语言",
    "Assignee": "负责人",
    "Unassigned": "未分配",
    "⚠ Low rating": "⚠ 差评",
    "SLA": "时限",
    "breached": "已违约",
    "no deadline": "无时限",
    "overdue": "已超时",
    "due soon": "即将到期",
    "left": "剩余",
    "Due": "截止",
    "Ticket": "工单",
    "Category": "类别",
    "Tier": "级别",
    "Reason": "原因",
    "⚠ Low rating alert": "⚠ 差评警报",
    "⚠ Alert": "⚠ 警报",
    "Raw value": "原始值",
    "No messages": "暂无消息",
    "User": "用户",
    "Bot": "机器人",
    "Options offered": "提供的选项",
    "Attachments": "附件",
    "Nothing yet": "暂无",
    "✎ Internal": "✎ 内部",
    "Write a reply first.": "请先输入回复内容。",
    "Write a note first.": "请先输入备注内容。",
    "Enter the agent to transfer to.": "请输入要转交的客服名称。",
    "Connected again": "已重新连接",
    "Connection lost; retrying…": "连接中断，正在重试…",
    "Agent desk": "客服工作台",
    "Agent token": "访问令牌",
    "Sign in": "登录",
    "Dashboard": "仪表板",
    "Saved replies": "快捷回复",
    "Sign out": "退出",
    "Queue": "队列",
    "Filters": "筛选",
    "Mine only": "只看我的",
    "No tickets match these filters.": "没有符合筛选条件的工单。",
    "Select a ticket from the queue.": "请从队列中选择一个工单。",
    "← Back to queue": "← 返回队列",
    "Conversation": "对话记录",
    "Collected details": "已收集的信息",
    "None yet": "暂无",
    "FAQ already tried": "已尝试的常见问题",
    "None": "无",
    "Notes and history": "备注和记录",
    "Internal notes are never shown to the user.": "内部备注不会显示给用户。",
    "Actions": "操作",
    "Claim": "认领",
    "Resolve": "解决",
    "Reopen": "重新打开",
    "Reply to the user": "回复用户",
    "Send reply": "发送回复",
    "Ctrl+Enter sends": "Ctrl+Enter 发送",
    "Internal note (not sent to the user)": "内部备注（不发送给用户）",
    "Add note": "添加备注",
    "Ask the user for a detail": "向用户索取信息",
    "Ask": "询问",
    "Transfer to agent (name)": "转交给客服（名称）",
    "Transfer": "转交",
    "Escalate to a supervisor: reason": "升级给主管：原因",
    "Escalate": "升级",
    "Open": "未结",
    "All": "全部",
    "Desk": "工作台",
    "Summary": "概要",
    "Error {0}": "出错了（{0}）",
    "Notifications": "通知",
    "Sound": "声音",
    "Notifications are blocked in this browser's site settings.": "此浏览器的网站设置已阻止通知。",
    "The user replied on #{0}": "用户在 #{0} 中回复了",
    "New ticket #{0}: {1} (P{2})": "新工单 #{0}：{1}（P{2}）",
    "{0} new tickets": "{0} 个新工单",
    "Showing {0} of {1}": "显示 {0} 个，共 {1} 个",
    "Ticket #{0}": "工单 #{0}",
    "Preview of {0}": "{0} 的图片预览",
    "Opened at": "创建时间",
    "P1 (most urgent)": "P1（最紧急）",
    "SLA met, {0} to spare": "时限内完成，提前 {0}",
    "SLA missed by {0}": "超出时限 {0}",
    "Resolved at": "解决时间",
    "user's time": "用户当地时间",
    "Raw value: {0}": "原始值：{0}",
    "Desk language": "工作台语言",
    "The agent desk needs JavaScript.": "客服工作台需要启用 JavaScript。",
  };
  const LANGS = ['en', 'zh'];
  let lang = initialLang();

  function initialLang() {
    try {
      const saved = localStorage.getItem('desk.lang');
      if (LANGS.includes(saved)) return saved;
    } catch (e) {
      // Storage blocked (private mode): fall back to the browser's language.
    }
    return /^zh\b/i.test(navigator.language || '') ? 'zh' : 'en';
  }

  function tr(key, ...args) {
    const text = lang === 'zh' && Object.prototype.hasOwnProperty.call(ZH, key) ? ZH[key] : key;
    return text.replace(/\{(\d)\}/g, (_, i) => (args[Number(i)] == null ? '' : String(args[Number(i)])));
  }

  function colon() {
    return lang === 'zh' ? '：' : ': ';
  }

  function locale() {
    return lang === 'zh' ? 'zh-CN' : 'en-GB';
  }

  /** The category's name in the desk's language; the id (kept for hover) only when the server has no name. */
  function categoryName(t) {
    const names = t && t.categoryName;
    const name = names && typeof names === 'object' ? names[lang] : null;
    return name ? String(name) : String(t.category == null ? '' : t.category);
  }

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
    return Object.prototype.hasOwnProperty.call(map, key) ? tr(map[key]) : str(key);
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
    // Absolute dates in the agent's zone: "today" means nothing in a ticket read the next morning.
    e.textContent = withDate === false ? d.toLocaleTimeString(locale(), { timeStyle: 'short' })
      : d.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
    e.title = d.toLocaleString(locale(), { dateStyle: 'full', timeStyle: 'long' });
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
      throw new HttpError(0, tr('The server cannot be reached.'));
    }
    let data = null;
    const text = await res.text();
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = null; }
    }
    if (!res.ok) {
      const msg = data && typeof data.error === 'string' && data.error ? data.error : tr('Error {0}', res.status);
      throw new HttpError(res.status, msg);
    }
    return data;
  }

  /** An error from anything the agent did or the page does: 401 means back to the sign-in view. */
  function handleError(e) {
    if (!e || e.name === 'AbortError') return;
    if (e.status === 401) {
      showSignIn(tr('Your session has ended. Please sign in again.'));
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
      showSignIn(tr('Unexpected answer from the server.'));
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

    renderWho();
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

  function renderWho() {
    if (!state.me) return;
    $('whoami').replaceChildren(srOnly(tr('Signed in as') + colon()), el('strong', null, state.me.agent), ' ',
      el('span', 'role-badge', label(ROLE_LABEL, state.me.role)));
  }

  /** Static texts carry their English key in data-i18n; everything drawn by script is redrawn. */
  function applyLang() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach(e => {
      if (!e.dataset.i18n) e.dataset.i18n = e.textContent.trim();
      setText(e, tr(e.dataset.i18n));
    });
    document.querySelectorAll('[data-i18n-aria]').forEach(e => e.setAttribute('aria-label', tr(e.dataset.i18nAria)));
    document.querySelectorAll('.lang-toggle').forEach(b => {
      // The button names the other language in that language, so an agent who cannot read this one finds it.
      const other = lang === 'zh' ? 'en' : 'zh';
      b.textContent = other === 'zh' ? '中文' : 'English';
      b.lang = other === 'zh' ? 'zh-CN' : 'en';
      b.setAttribute('aria-label', tr('Desk language') + colon() + b.textContent);
      b.dataset.lang = lang;
    });
  }

  function setLang(next) {
    if (!LANGS.includes(next) || next === lang) return;
    lang = next;
    try {
      localStorage.setItem('desk.lang', lang);
    } catch (e) {
      // Not remembered, but the switch still applies to this page.
    }
    applyLang();
    if (window.DeskTools) window.DeskTools.relang();
    renderWho();
    for (const li of $('queue').children) delete li.dataset.key;
    const any = $('filter-channel').querySelector('option[value="any"]');
    if (any) any.textContent = tr('Any');
    if (state.me) renderQueue();
    else document.title = tr('support-bot · agent desk');
    state.openKeys = {};
    if (state.openId != null) refreshTicket().catch(handleError);
    document.querySelectorAll('.sla').forEach(e => updateSla(e, Date.now()));
  }

  document.querySelectorAll('.lang-toggle').forEach(b =>
    b.addEventListener('click', () => setLang(lang === 'zh' ? 'en' : 'zh')));

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
    document.title = tr('support-bot · agent desk');
    $('token').focus();
  }

  $('sign-in-form').addEventListener('submit', async e => {
    e.preventDefault();
    const input = $('token'), button = $('sign-in'), error = $('sign-in-error');
    const token = input.value.trim();
    if (!token) {
      error.textContent = tr('Enter your agent token.');
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
      error.textContent = (err && err.message) || tr('Sign-in failed');
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
      let text = null;
      if (fresh.length === 1) {
        const t = fresh[0];
        text = tr('New ticket #{0}: {1} (P{2})', t.id, categoryName(t), str(t.priority));
      } else if (fresh.length > 1) {
        text = tr('{0} new tickets', fresh.length);
      }
      if (text) {
        announce(text);
        notify(text, 'new');
      }
      // A user's answer moves my ticket from "waiting for user" back to "assigned".
      const before = new Map(state.tickets.map(t => [str(t.id), t.status]));
      list.filter(t => state.me && t.assignee === state.me.agent && t.status === 'assigned'
        && before.get(str(t.id)) === 'waiting-user').forEach(t => notify(tr('The user replied on #{0}', t.id), 'reply-' + t.id));
    }
    state.known = ids;
  }

  // ---------- notifications: browser notifications and an optional sound, each remembered per browser

  const prefs = {
    get(key) { try { return localStorage.getItem(key) === 'on'; } catch (e) { return false; } },
    set(key, on) { try { localStorage.setItem(key, on ? 'on' : 'off'); } catch (e) { /* private mode */ } },
  };

  function notify(text, tag) {
    if (prefs.get('desk.notify') && 'Notification' in window && Notification.permission === 'granted') {
      try {
        const n = new Notification(tr('support-bot · agent desk'), { body: text, tag });
        n.onclick = () => { window.focus(); n.close(); };
      } catch (e) {
        // Some browsers allow notifications only from a service worker; the live region still announced it.
      }
    }
    if (prefs.get('desk.sound')) beep();
  }

  function beep() {
    try {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      const ctx = state.audio || (state.audio = new Ctx());
      const osc = ctx.createOscillator(), gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.15, ctx.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.3);
      osc.connect(gain).connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.3);
    } catch (e) {
      // No audio device: the notification and the live region are enough.
    }
  }

  $('notify-on').checked = prefs.get('desk.notify') && 'Notification' in window && Notification.permission === 'granted';
  $('sound-on').checked = prefs.get('desk.sound');
  $('notify-on').addEventListener('change', async () => {
    const box = $('notify-on');
    if (!box.checked) {
      prefs.set('desk.notify', false);
      return;
    }
    // Asked on this click only: browsers ignore (or penalise) permission prompts nobody asked for.
    const permission = 'Notification' in window ? await Notification.requestPermission() : 'denied';
    prefs.set('desk.notify', permission === 'granted');
    box.checked = permission === 'granted';
    if (permission !== 'granted') showError(tr("Notifications are blocked in this browser's site settings."));
  });
  $('sound-on').addEventListener('change', () => {
    prefs.set('desk.sound', $('sound-on').checked);
    if ($('sound-on').checked) beep();
  });

  function updateChannelOptions() {
    const sel = $('filter-channel');
    const current = sel.value;
    const channels = [...new Set(state.tickets.map(t => t.channel).filter(c => typeof c === 'string' && c))].sort();
    if (current !== 'any' && !channels.includes(current)) channels.push(current);
    const key = channels.join('\n');
    if (sel.dataset.options === key) return;
    sel.dataset.options = key;
    const any = el('option', null, tr('Any'));
    any.value = 'any';
    sel.replaceChildren(any, ...channels.map(c => {
      const o = el('option', null, label(CHANNEL_LABEL, c));
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
    setText($('queue-count'), !state.me ? '' : !loaded ? tr('Loading…')
      : tr('Showing {0} of {1}', shown.length, state.tickets.length));
    if (focusedId != null && document.activeElement !== active) {
      const again = rowFor(focusedId);
      if (again) again.focus();
    }
    const queued = state.tickets.filter(t => t.status === 'queued').length;
    document.title = (queued ? '(' + queued + ') ' : '') + tr('support-bot · agent desk');
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
    top.append(el('span', 'row-id', '#' + str(t.id)), el('span', 'row-cat', t.category == null ? '—' : categoryName(t)), slaEl(t.sla));

    const meta = el('span', 'row-meta');
    const status = el('span', 'tag tag-status');
    status.append(srOnly(tr('Status') + colon()), label(STATUS_LABEL, t.status));
    meta.append(status);
    const pr = el('span');
    pr.append(srOnly(tr('Priority') + colon()), 'P' + str(t.priority));
    meta.append(pr);
    if (t.urgent) meta.append(el('span', 'tag tag-urgent', tr('⚑ Urgent')));
    const ch = el('span');
    ch.append(srOnly(tr('Channel') + colon()), label(CHANNEL_LABEL, t.channel));
    const lg = el('span');
    lg.append(srOnly(tr('Language') + colon()), str(t.lang).toUpperCase());
    const as = el('span');
    as.append(srOnly(tr('Assignee') + colon()), t.assignee ? '→ ' + t.assignee : tr('Unassigned'));
    meta.append(ch, lg, as);
    if (t.alert) meta.append(el('span', 'tag tag-alert', tr('⚠ Low rating')));
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
    // A resolved ticket keeps the verdict of its resolve time instead of counting down any further.
    e.dataset.outcome = sla && (sla.outcome === 'met' || sla.outcome === 'missed') ? sla.outcome : '';
    e.dataset.margin = sla && Number.isFinite(Number(sla.marginSeconds)) ? String(Number(sla.marginSeconds) * 1000) : '0';
    e.dataset.resolvedAt = sla && sla.resolvedAt ? str(sla.resolvedAt) : '';
    e.append(el('span', 'sla-icon'), srOnly(tr('SLA') + colon()), el('span', 'sla-time'), el('span', 'sla-label'));
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
    if (e.dataset.outcome) {
      const margin = formatLeft(Math.abs(Number(e.dataset.margin) || 0));
      if (e.dataset.outcome === 'met') { cls = 'sla-ok sla-met'; icon = '✓'; text = tr('SLA met, {0} to spare', margin); }
      else { cls = 'sla-breached sla-missed'; icon = '✗'; text = tr('SLA missed by {0}', margin); }
      const resolved = parseTime(e.dataset.resolvedAt);
      const title = resolved == null ? '' : tr('Resolved at') + colon()
        + new Date(resolved).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
      if (e.className !== 'sla ' + cls) e.className = 'sla ' + cls;
      setText(e.querySelector('.sla-icon'), icon);
      setText(e.querySelector('.sla-time'), '');
      setText(e.querySelector('.sla-label'), text);
      if (e.title !== title) e.title = title;
      return;
    }
    if (due == null) {
      if (breached) { cls = 'sla-breached'; icon = '✗'; text = tr('breached'); }
      else { cls = 'sla-ok sla-none'; icon = '–'; text = tr('no deadline'); }
    } else {
      const left = due - now;
      time = formatLeft(left);
      if (left < 0) { cls = 'sla-breached'; icon = '✗'; text = tr('overdue'); }
      else if (breached) { cls = 'sla-breached'; icon = '✗'; text = tr('breached'); }
      else if (left < WARN_MS) { cls = 'sla-warn'; icon = '⚠'; text = tr('due soon'); }
      else { cls = 'sla-ok'; icon = '✓'; text = tr('left'); }
    }
    const className = 'sla ' + cls;
    if (e.className !== className) e.className = className;
    setText(e.querySelector('.sla-icon'), icon);
    setText(e.querySelector('.sla-time'), time);
    setText(e.querySelector('.sla-label'), time ? ' ' + text : text);
    const title = due == null ? '' : tr('Due') + colon() + new Date(due).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' })
      + (breached ? ' · ' + tr('breached') + colon() + e.dataset.breached : '');
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

  window.DeskHooks = { openTicket: id => openTicket(id, { push: true, focus: true }), me: () => (state.me ? state.me.agent : null) };

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
      $('ticket-title').textContent = tr('Ticket #{0}', id);
      $('ticket-card').replaceChildren(el('p', 'muted', tr('Loading…')));
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
    setText($('ticket-title'), tr('Ticket #{0}', id) + (t.category ? ' · ' + categoryName(t) : ''));
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
    add(tr('Ticket'), '#' + str(t.id));
    add(tr('Category'), t.category == null ? null : categoryName(t));
    add(tr('Status'), label(STATUS_LABEL, t.status));
    add(tr('Tier'), label(ROLE_LABEL, t.tier));
    const pr = el('span', null, 'P' + str(t.priority));
    if (t.urgent) pr.append(' ', el('span', 'tag tag-urgent', tr('⚑ Urgent')));
    add(tr('Priority'), pr);
    add(tr('Language'), label(LANG_LABEL, t.lang));
    add(tr('Channel'), label(CHANNEL_LABEL, t.channel));
    add(tr('Assignee'), t.assignee || tr('Unassigned'));
    add(tr('Reason'), t.reason == null ? null : label(REASON_LABEL, t.reason));
    add(tr('Opened at'), t.openedAt ? timeEl(t.openedAt) : null);
    add(tr('SLA'), slaEl(t.sla));
    if (t.rating != null) {
      const r = el('span', null, '★'.repeat(Math.max(0, Math.min(5, Number(t.rating) || 0))) + ' ' + str(t.rating) + '/5');
      if (t.alert) r.append(' ', el('span', 'tag tag-alert', tr('⚠ Low rating alert')));
      add(tr('Rating'), r);
    } else if (t.alert) {
      add(tr('Alert'), el('span', 'tag tag-alert', tr('⚠ Alert')));
    }
    $('ticket-card').replaceChildren(dl);
  }

  function renderDetails(details) {
    const dl = $('ticket-details');
    const entries = details && typeof details === 'object' ? Object.entries(details) : [];
    dl.replaceChildren();
    for (const [key, d] of entries) {
      const dd = el('dd');
      const value = d && typeof d === 'object' ? d.value : d;
      const display = key === 'time' && parseTime(value) != null ? timeWithUserZone(str(value))
        : d && typeof d === 'object' && d.display != null ? str(d.display) : str(value);
      const shown = el('span', 'detail-value' + (key === 'tx_hash' || key === 'address' ? ' mono' : ''), display);
      dd.append(shown);
      // Once, as display text; the stored value only on demand (hover, or expand for keyboard and touch).
      if (value != null && str(value) !== display) {
        shown.title = tr('Raw value: {0}', str(value));
        const raw = el('details', 'detail-raw');
        raw.append(el('summary', null, tr('Raw value')), el('code', null, str(value)));
        dd.append(raw);
      }
      dl.append(el('dt', null, label(DETAIL_LABEL, key)), dd);
    }
    $('ticket-details-empty').hidden = entries.length > 0;
  }

  /** "4 Dec 2026, 15:00 (user's time: 2026-12-04 15:00 +08:00)": the agent's zone first, the user's beside it. */
  function timeWithUserZone(iso) {
    const d = new Date(parseTime(iso));
    const local = d.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/.exec(iso);
    if (!m || !m[3]) return local;
    const zone = m[3] === 'Z' ? 'UTC' : m[3];
    return local + (lang === 'zh' ? '（' : ' (') + tr("user's time") + colon() + m[1] + ' ' + m[2] + ' ' + zone + (lang === 'zh' ? '）' : ')');
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
    if (!list.length) box.append(el('li', 'empty', tr('No messages')));
    if (first || atBottom) box.scrollTop = box.scrollHeight;
  }

  function lineEl(ticketId, l) {
    const from = l.from === 'user' ? 'user' : l.from === 'agent' ? 'agent' : 'bot';
    const li = el('li', 'line line-' + from);
    if (l.seq != null) li.dataset.seq = str(l.seq);
    const head = el('div', 'line-head');
    const who = from === 'user' ? tr('User') : from === 'agent' ? tr('Agent') + (l.by ? ' · ' + l.by : '') : tr('Bot');
    head.append(el('span', 'line-who', who));
    if (l.time) head.append(timeEl(l.time));
    li.append(head);
    if (l.text != null && l.text !== '') li.append(el('div', 'line-text', l.text));
    const buttons = Array.isArray(l.buttons) ? l.buttons.filter(b => b && b.label != null) : [];
    if (buttons.length) {
      li.append(el('div', 'line-buttons', tr('Options offered') + colon() + buttons.map(b => '[' + str(b.label) + ']').join(' ')));
    }
    const files = Array.isArray(l.attachments) ? l.attachments : [];
    if (files.length && l.seq != null) {
      const ul = el('ul', 'files');
      ul.setAttribute('aria-label', tr('Attachments'));
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
          img.alt = tr('Preview of {0}', name);
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
    if (!list.length) box.append(el('li', 'empty', tr('Nothing yet')));
  }

  function eventEl(e) {
    const type = str(e.type);
    const li = el('li', 'event event-' + type.replace(/[^a-z0-9-]/gi, '').toLowerCase());
    const head = el('div', 'event-head');
    if (type === 'note') head.append(el('span', 'tag tag-note', tr('✎ Internal')));
    head.append(el('span', 'event-type', label(EVENT_LABEL, type)));
    const actor = e.actor === 'user' ? tr('User') : e.actor === 'bot' ? tr('Bot') : str(e.actor);
    if (actor) head.append(el('span', 'event-actor', actor));
    if (e.at) head.append(timeEl(e.at));
    li.append(head);
    if (e.text != null && e.text !== '') li.append(el('div', 'event-text', e.text));
    const files = Array.isArray(e.attachments) ? e.attachments.filter(f => f && f.fileName != null) : [];
    if (files.length) li.append(el('div', 'small muted', tr('Attachments') + colon() + files.map(f => str(f.fileName)).join(', ')));
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
    const text = required($('reply-text'), tr('Write a reply first.'));
    if (text != null) act('reply', Object.assign({ text }, window.DeskTools ? window.DeskTools.replyExtras() : {}), $('reply-text'));
  });
  $('note-form').addEventListener('submit', e => {
    e.preventDefault();
    const text = required($('note-text'), tr('Write a note first.'));
    if (text != null) act('note', { text }, $('note-text'));
  });
  $('ask-form').addEventListener('submit', e => {
    e.preventDefault();
    act('ask', { detail: $('ask-detail').value });
  });
  $('transfer-form').addEventListener('submit', e => {
    e.preventDefault();
    const agent = required($('transfer-agent'), tr('Enter the agent to transfer to.'));
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
          announce(tr('Connected again'));
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
          announce(tr('Connection lost; retrying…'));
        }
        await sleep(2000);
      }
    }
  }

  applyLang();
  boot();
})();
