/* Desk tools: saved replies ("/" picker), agent assist, contact history, search, labels, priority, assignee.
   Loaded after desk.js, which calls DeskTools.ticketShown(t) when a ticket is drawn and DeskTools.replyExtras()
   when a reply is sent. Every label comes from TEXT in the agent's desk language. */
(function () {
  'use strict';

  const TEXT = {
    en: {
      tools: 'Ticket tools', labels: 'Labels', addLabel: 'Add label', labelPlaceholder: 'e.g. vip', remove: 'Remove label',
      priority: 'Priority', p1: '1 – most urgent', p2: '2 – high', p3: '3 – normal', p4: '4 – low',
      assignee: 'Assignee', assign: 'Assign', nobody: 'Nobody yet',
      assist: 'Suggested FAQ answers', insert: 'Insert', noAssist: 'No FAQ answer fits this problem.',
      contact: 'This user', userName: 'Name', userHandle: 'Username', userId: 'Platform id', lang: 'Language', zone: 'Time zone', unknown: 'unknown',
      none: 'None', avgRating: 'Average rating', langEn: 'English', langZh: 'Chinese',
      search: 'Search tickets', searchBtn: 'Search', searchPlaceholder: 'words, hash, address…', status: 'Status',
      anyAgent: 'Any agent', anyCategory: 'Any category', category: 'Category', label: 'Label', from: 'From', to: 'To', results: n => n + ' found', close: 'Close results',
      pickerHint: 'Saved replies: type to filter, ↑↓ to choose, Enter to insert, Esc to close',
      noReplies: 'No saved reply matches.', inserted: 'Inserted into the reply box; edit it before sending.',
      st_queued: 'Queued', 'st_waiting-user': 'Waiting for user', st_assigned: 'Assigned', st_resolved: 'Resolved', st_closed: 'Closed',
      ticket: n => 'Ticket #' + n, statusAny: 'Status: any', earlierCount: n => 'Earlier tickets (' + n + ')',
      load: (name, n) => name + ' (' + n + ' open)',
      mergeInto: n => 'Merge into #' + n, merged: n => 'Merged; this user\'s request is now ticket #' + n + '.',
      contacts: 'Same person on', thisContact: ' (this ticket)', kv: (k, v) => k + ': ' + v, webVisitor: 'Web chat visitor', showId: 'Show id', hideId: 'Hide id',
      linkedByUser: 'linked by the user', linkedBy: n => 'linked by ' + n, unlink: 'Unlink', earlierHere: n => n + ' earlier',
      linkTitle: 'Link another contact of this person', linkPlaceholder: 'name, @username, platform id or #ticket',
      find: 'Find', link: 'Link', alreadyLinked: 'Linked', noContacts: 'No contact matches.', latest: n => 'latest #' + n,
      linkedDone: 'Linked: the panel now shows both histories.', unlinkedDone: 'Unlinked.',
      ch_web: 'Web chat', ch_telegram: 'Telegram', ch_discord: 'Discord', ch_terminal: 'Terminal'
    },
    zh: {
      tools: '工单工具', labels: '标签', addLabel: '添加标签', labelPlaceholder: '例如 vip', remove: '移除标签',
      priority: '优先级', p1: '1 – 最紧急', p2: '2 – 高', p3: '3 – 普通', p4: '4 – 低',
      assignee: '负责人', assign: '指派', nobody: '尚无',
      assist: '推荐的常见问题答案', insert: '插入', noAssist: '没有适合这个问题的常见问题答案。',
      contact: '该用户', userName: '名字', userHandle: '用户名', userId: '平台 ID', lang: '语言', zone: '时区', unknown: '未知',
      none: '无', avgRating: '平均评分', langEn: '英文', langZh: '中文',
      search: '搜索工单', searchBtn: '搜索', searchPlaceholder: '关键词、哈希、地址……', status: '状态',
      anyAgent: '全部客服', anyCategory: '全部分类', category: '分类', label: '标签', from: '开始日期', to: '结束日期', results: n => '找到 ' + n + ' 个', close: '关闭结果',
      pickerHint: '快捷回复：输入以筛选，↑↓ 选择，Enter 插入，Esc 关闭',
      noReplies: '没有匹配的快捷回复。', inserted: '已插入回复框，发送前可以修改。',
      st_queued: '排队中', 'st_waiting-user': '等待用户', st_assigned: '已分配', st_resolved: '已解决', st_closed: '已关闭',
      ticket: n => '工单 #' + n, statusAny: '状态：全部', earlierCount: n => '以往工单（' + n + '）',
      load: (name, n) => name + '（' + n + ' 个未结）',
      mergeInto: n => '合并到 #' + n, merged: n => '已合并，该用户的请求现在是工单 #' + n + '。',
      contacts: '同一个人的账号', thisContact: '（本工单）', kv: (k, v) => k + '：' + v, webVisitor: '网页聊天访客', showId: '显示 ID', hideId: '隐藏 ID',
      linkedByUser: '用户自己关联', linkedBy: n => '由 ' + n + ' 关联', unlink: '取消关联', earlierHere: n => '以往 ' + n + ' 个',
      linkTitle: '关联此人的其他账号', linkPlaceholder: '名字、@用户名、平台 ID 或 #工单号',
      find: '查找', link: '关联', alreadyLinked: '已关联', noContacts: '没有匹配的联系人。', latest: n => '最近 #' + n,
      linkedDone: '已关联：面板现在显示两边的记录。', unlinkedDone: '已取消关联。',
      ch_web: '网页聊天', ch_telegram: 'Telegram', ch_discord: 'Discord', ch_terminal: '终端'
    }
  };
  // Read on every use: the desk's language toggle may switch it while the page stays open.
  const currentLang = () => {
    const saved = localStorage.getItem('desk.lang');
    if (saved === 'en' || saved === 'zh') return saved;
    return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  };
  const T = new Proxy({}, { get: (_, key) => TEXT[currentLang()][key] });
  const API = '/api/desk';
  const state = { csrf: null, ticket: null, replies: [], pickerIndex: 0, faqId: null, faqText: null, agents: [] };
  const $ = id => document.getElementById(id);

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  async function request(method, path, body) {
    const init = { method, credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } };
    if (method !== 'GET') {
      if (!state.csrf) {
        const me = await request('GET', '/session');
        state.csrf = me && me.csrf;
      }
      init.headers['Content-Type'] = 'application/json';
      init.headers['X-CSRF-Token'] = state.csrf;
      init.body = JSON.stringify(body || {});
    }
    const res = await fetch(API + path, init);
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) throw new Error(data && data.error ? data.error : 'Error ' + res.status);
    return data;
  }

  function showError(e) {
    const box = $('action-error');
    if (box) box.textContent = e && e.message ? e.message : String(e);
  }

  function announce(text) {
    const live = $('live');
    if (live) live.textContent = text;
  }

  // ---- the tools panel beside the ticket card

  function panel() {
    let p = $('tools-panel');
    if (p) return p;
    p = el('section', 'card tools-panel');
    p.id = 'tools-panel';
    p.setAttribute('aria-label', T.tools);
    p.innerHTML = '';
    const org = el('div', 'tools-row');
    const labels = el('div', 'tools-labels');
    labels.append(el('span', 'tools-key', T.labels));
    const chips = el('span', 'chips'); chips.id = 'tools-chips';
    const form = el('form', 'tools-inline'); form.id = 'tools-label-form';
    const input = el('input'); input.id = 'tools-label-input'; input.placeholder = T.labelPlaceholder; input.maxLength = 32;
    input.setAttribute('aria-label', T.addLabel);
    const add = el('button', 'btn', T.addLabel); add.type = 'submit'; add.id = 'tools-label-add';
    form.append(input, add);
    labels.append(chips, form);

    const prio = el('label', 'tools-inline');
    prio.append(el('span', 'tools-key', T.priority));
    const sel = el('select'); sel.id = 'tools-priority'; sel.setAttribute('aria-label', T.priority);
    [1, 2, 3, 4].forEach(n => { const o = el('option', null, T['p' + n]); o.value = String(n); sel.append(o); });
    prio.append(sel);

    const assign = el('form', 'tools-inline'); assign.id = 'tools-assign-form';
    const al = el('label', 'tools-key', T.assignee); al.htmlFor = 'tools-assignee';
    const as = el('select'); as.id = 'tools-assignee';
    const ab = el('button', 'btn', T.assign); ab.type = 'submit'; ab.id = 'tools-assign';
    assign.append(al, as, ab);
    org.append(labels, prio, assign);

    const assist = el('div', 'tools-assist');
    assist.append(el('h3', null, T.assist));
    const list = el('ol', 'assist-list'); list.id = 'tools-assist';
    assist.append(list);

    const contact = el('div', 'tools-contact');
    contact.append(el('h3', null, T.contact));
    const cbody = el('div'); cbody.id = 'tools-contact';
    contact.append(cbody);

    p.append(org, assist, contact);
    const card = $('ticket-card');
    card.after(p);

    form.addEventListener('submit', e => {
      e.preventDefault();
      const v = input.value.trim();
      if (!v) return;
      act('label', { label: v }).then(() => { input.value = ''; });
    });
    sel.addEventListener('change', () => act('priority', { priority: Number(sel.value) }));
    assign.addEventListener('submit', e => {
      e.preventDefault();
      if (as.value) act('transfer', { agent: as.value });
    });
    return p;
  }

  async function act(action, body) {
    const t = state.ticket;
    if (!t) return;
    try {
      const s = await request('POST', '/tickets/' + t.id + '/' + action, Object.assign({ version: t.version }, body));
      state.ticket = Object.assign({}, t, s);
      if (action === 'transfer') state.agents = (await request('GET', '/agents')).agents;
      drawOrganise(state.ticket);
      showError('');
    } catch (e) {
      showError(e);
    }
  }

  function drawOrganise(t) {
    // Only when something changed: a live refresh must not reset a select the agent is choosing in.
    const key = JSON.stringify([t.id, t.labels, t.priority, t.assignee, state.agents]);
    if (state.organiseKey === key) return;
    state.organiseKey = key;
    const chips = $('tools-chips');
    chips.replaceChildren();
    (t.labels || []).forEach(l => {
      const chip = el('span', 'chip', l);
      chip.dataset.label = l;
      const x = el('button', 'chip-x', '×'); x.type = 'button';
      x.setAttribute('aria-label', T.remove + ' ' + l);
      x.addEventListener('click', () => act('unlabel', { label: l }));
      chip.append(x);
      chips.append(chip);
    });
    $('tools-priority').value = String(t.priority);
    const as = $('tools-assignee');
    const current = t.assignee || '';
    as.replaceChildren();
    if (!current) { const o = el('option', null, T.nobody); o.value = ''; as.append(o); }
    state.agents.forEach(a => {
      const o = el('option', null, T.load(a.name, a.open));
      o.value = a.name;
      if (a.name === current) o.selected = true;
      as.append(o);
    });
  }

  function drawAssist(answers) {
    const list = $('tools-assist');
    list.replaceChildren();
    if (!answers.length) { list.append(el('li', 'muted', T.noAssist)); return; }
    answers.forEach(a => {
      const li = el('li', 'assist-item');
      li.append(el('strong', null, a.question), el('p', null, a.answer));
      const b = el('button', 'btn assist-insert', T.insert); b.type = 'button';
      b.dataset.faq = a.faqId;
      b.addEventListener('click', () => {
        const box = $('reply-text');
        box.value = a.answer;
        state.faqId = a.faqId;
        state.faqText = a.answer;
        box.focus();
        announce(T.inserted);
      });
      li.append(b);
      list.append(li);
    });
  }

  function channelName(ch) {
    return T['ch_' + ch] || ch;
  }

  function who(c) {
    const parts = [];
    if (c.name) parts.push(c.name);
    if (c.username) parts.push('@' + c.username);
    return parts.length ? parts.join(' ') : (c.channel === 'web' ? T.webVisitor : T.unknown);
  }

  function langName(l) {
    return l === 'zh' ? T.langZh : l === 'en' ? T.langEn : T.unknown;
  }

  // Every contact of the person: platform and name; the platform id only when the agent expands it.
  function contactItem(c, linked) {
    const li = el('li', 'contact-person');
    li.dataset.channel = c.channel;
    li.append(el('strong', null, channelName(c.channel)), document.createTextNode(' · ' + who(c)
      + (c.current ? T.thisContact : '')));
    const facts = el('div', 'muted contact-facts', T.kv(T.lang, langName(c.lang)) + ' · ' + T.kv(T.zone, c.zone || T.unknown)
      + ' · ' + T.earlierHere(c.ticketCount)
      + (c.linkedBy ? ' · ' + (c.linkedBy === 'user' ? T.linkedByUser : T.linkedBy(c.linkedBy)) : ''));
    li.append(facts);
    if (c.platformId) {
      const idBox = el('span', 'contact-id');
      idBox.hidden = true;
      idBox.textContent = T.kv(T.userId, c.platformId);
      const toggle = el('button', 'link-btn contact-id-toggle', T.showId);
      toggle.type = 'button';
      toggle.addEventListener('click', () => {
        idBox.hidden = !idBox.hidden;
        toggle.textContent = idBox.hidden ? T.showId : T.hideId;
      });
      li.append(toggle, idBox);
    }
    if (linked && c.linkedBy) {
      const un = el('button', 'btn contact-unlink', T.unlink);
      un.type = 'button';
      un.dataset.contact = c.id;
      un.addEventListener('click', async () => {
        try {
          drawContact(await request('DELETE', '/tickets/' + state.ticket.id + '/contact/links/' + encodeURIComponent(c.id)));
          showError('');
          announce(T.unlinkedDone);
        } catch (e) {
          showError(e);
        }
      });
      li.append(un);
    }
    return li;
  }

  function drawContact(c) {
    const box = $('tools-contact');
    box.replaceChildren();
    const contacts = c.contacts && c.contacts.length ? c.contacts : [Object.assign({ current: true, ticketCount: c.ticketCount }, c)];
    const linked = contacts.length > 1;
    const people = el('ul', 'contact-people'); people.id = 'contact-people';
    people.setAttribute('aria-label', T.contacts);
    contacts.forEach(x => people.append(contactItem(x, linked)));
    const dl = el('dl', 'kv');
    dl.append(el('dt', null, T.avgRating), el('dd', null, c.averageRating == null ? T.none : c.averageRating + '★'));
    box.append(people, dl, el('h4', null, T.earlierCount(c.ticketCount)));
    const own = contacts.find(x => x.current);
    const ul = el('ul', 'contact-tickets');
    if (!c.tickets.length) ul.append(el('li', 'muted', T.none));
    c.tickets.forEach(e => {
      const li = ticketLink(e, linked);
      // Only the same contact's tickets can be merged: another platform's ticket is another conversation.
      const mine = !e.contact || !own || e.contact === own.id;
      if (mine && OPEN.includes(e.status) && state.ticket && OPEN.includes(state.ticket.status)) li.append(mergeButton(e.id));
      ul.append(li);
    });
    box.append(ul, linkPicker());
  }

  // A searchable picker of other contacts: by name, @username, platform id or ticket number.
  function linkPicker() {
    const wrap = el('div', 'contact-link');
    wrap.append(el('h4', null, T.linkTitle));
    const form = el('form', 'tools-inline'); form.id = 'contact-link-form';
    const q = el('input'); q.type = 'search'; q.id = 'contact-link-q'; q.maxLength = 100;
    q.placeholder = T.linkPlaceholder; q.setAttribute('aria-label', T.linkTitle);
    const go = el('button', 'btn', T.find); go.type = 'submit'; go.id = 'contact-link-find';
    form.append(q, go);
    const results = el('ul', 'contact-candidates'); results.id = 'contact-link-results';
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const text = q.value.trim();
      if (!text) return;
      try {
        const found = await request('GET', '/contacts?ticket=' + state.ticket.id + '&q=' + encodeURIComponent(text));
        results.replaceChildren();
        if (!found.contacts.length) results.append(el('li', 'muted', T.noContacts));
        found.contacts.forEach(x => {
          const li = el('li', 'contact-candidate');
          li.dataset.channel = x.channel;
          li.append(el('strong', null, channelName(x.channel)), document.createTextNode(' · ' + who(x) + ' · ' + T.latest(x.latestTicket) + ' '));
          if (x.linked) {
            li.append(el('span', 'chip', T.alreadyLinked));
          } else {
            const b = el('button', 'btn contact-link-btn', T.link); b.type = 'button';
            b.dataset.contact = x.id;
            b.addEventListener('click', async () => {
              try {
                drawContact(await request('POST', '/tickets/' + state.ticket.id + '/contact/links', { contact: x.id }));
                showError('');
                announce(T.linkedDone);
              } catch (e) {
                showError(e);
              }
            });
            li.append(b);
          }
          results.append(li);
        });
      } catch (e) {
        showError(e);
      }
    });
    wrap.append(form, results);
    return wrap;
  }

  const OPEN = ['queued', 'assigned', 'waiting-user'];

  // The ticket shown is the duplicate: it closes, and the agent is taken to the ticket that keeps everything.
  function mergeButton(into) {
    const b = el('button', 'merge-into', T.mergeInto(into));
    b.type = 'button';
    b.addEventListener('click', async () => {
      const t = state.ticket;
      try {
        await request('POST', '/tickets/' + t.id + '/merge', { into, version: t.version });
        showError('');
        announce(T.merged(into));
        if (window.DeskHooks) window.DeskHooks.openTicket(String(into));
      } catch (e) {
        showError(e);
      }
    });
    return b;
  }

  function statusText(s) {
    return T['st_' + s] || s;
  }

  /** The category's name in the desk's language, as the queue shows it; the id only when the server has no name. */
  function categoryName(e) {
    const names = e.categoryName;
    return (names && names[currentLang()]) || e.category || '';
  }

  function ticketLink(e, withPlatform) {
    const li = el('li');
    const a = el('a', null, T.ticket(e.id));
    a.href = '#ticket-' + e.id;
    a.addEventListener('click', ev => { ev.preventDefault(); if (window.DeskHooks) window.DeskHooks.openTicket(String(e.id)); });
    li.append(a, document.createTextNode(' · ' + (withPlatform && e.channel ? channelName(e.channel) + ' · ' : '')
      + statusText(e.status) + ' · ' + categoryName(e) + ' · '
      + new Date(e.openedAt).toLocaleDateString(currentLang() === 'zh' ? 'zh-CN' : 'en-GB')
      + (e.rating != null ? ' · ' + e.rating + '★' : '')));
    (e.labels || []).forEach(l => li.append(el('span', 'chip', l)));
    return li;
  }

  async function ticketShown(t) {
    const first = !state.ticket || String(state.ticket.id) !== String(t.id);
    state.ticket = t;
    panel();
    if (first) {
      state.faqId = null;
      const id = t.id;
      try {
        const [agents, assist, contact, replies] = await Promise.all([request('GET', '/agents'),
          request('GET', '/tickets/' + id + '/assist'), request('GET', '/tickets/' + id + '/contact'),
          request('GET', '/saved-replies?ticket=' + id)]);
        if (!state.ticket || state.ticket.id !== id) return;
        state.agents = agents.agents;
        fillSearchAgents(agents.agents);
        state.replies = replies.replies;
        drawAssist(assist.answers);
        drawContact(contact);
      } catch (e) {
        showError(e);
      }
    }
    drawOrganise(t);
  }

  /** Extra fields for the reply desk.js sends: the FAQ topic, when the reply started from an assist answer. */
  function replyExtras() {
    const id = state.faqId;
    state.faqId = null;
    return id ? { faqId: id } : {};
  }

  // ---- "an agent is typing" for the user: at most one ping every few seconds while keys are pressed

  const TYPING_EVERY_MS = 3000;
  function typingPing() {
    const t = state.ticket;
    const box = $('reply-text');
    // Only the holder's typing is shown to the user (the server checks too); a "/" is the picker, not a reply.
    if (!t || !box.value.trim() || box.value.startsWith('/') || !window.DeskHooks || t.assignee !== window.DeskHooks.me()) return;
    const now = Date.now();
    if (state.typedAt && now - state.typedAt < TYPING_EVERY_MS) return;
    state.typedAt = now;
    request('POST', '/tickets/' + t.id + '/typing', {}).catch(() => { /* a missed hint is harmless */ });
  }

  // ---- the "/" picker in the reply box

  function picker() {
    let p = $('reply-picker');
    if (p) return p;
    p = el('div', 'reply-picker');
    p.id = 'reply-picker';
    p.hidden = true;
    const hint = el('p', 'hint', T.pickerHint);
    const ul = el('ul'); ul.id = 'reply-picker-list'; ul.setAttribute('role', 'listbox');
    p.append(hint, ul);
    $('reply-text').after(p);
    return p;
  }

  function matchesPicker() {
    const box = $('reply-text');
    const m = /^\/(\S*)$/.exec(box.value);
    if (!m) return null;
    const q = m[1].toLowerCase();
    return state.replies.filter(r => r.name.includes(q) || r.title.toLowerCase().includes(q));
  }

  function drawPicker() {
    const p = picker();
    const found = matchesPicker();
    const box = $('reply-text');
    if (found == null) { p.hidden = true; box.removeAttribute('aria-activedescendant'); return; }
    p.hidden = false;
    state.pickerIndex = Math.min(state.pickerIndex, Math.max(0, found.length - 1));
    const ul = $('reply-picker-list');
    ul.replaceChildren();
    if (!found.length) ul.append(el('li', 'muted', T.noReplies));
    found.forEach((r, i) => {
      const li = el('li', i === state.pickerIndex ? 'picked' : null);
      li.id = 'reply-option-' + r.name;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', i === state.pickerIndex ? 'true' : 'false');
      li.append(el('strong', null, r.title), el('span', 'muted', ' /' + r.name));
      li.addEventListener('mousedown', e => { e.preventDefault(); choose(r); });
      ul.append(li);
      if (i === state.pickerIndex) box.setAttribute('aria-activedescendant', li.id);
    });
  }

  function choose(r) {
    const box = $('reply-text');
    box.value = r.text;
    state.faqId = null;
    picker().hidden = true;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    announce(T.inserted);
  }

  function wirePicker() {
    const box = $('reply-text');
    if (!box) return;
    box.addEventListener('input', () => { state.pickerIndex = 0; drawPicker(); typingPing(); });
    box.addEventListener('keydown', e => {
      const found = matchesPicker();
      if (found == null || picker().hidden) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = Math.max(1, found.length);
        state.pickerIndex = (state.pickerIndex + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
        drawPicker();
      } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        e.stopImmediatePropagation();
        if (found[state.pickerIndex]) choose(found[state.pickerIndex]);
      } else if (e.key === 'Escape') {
        picker().hidden = true;
      }
    }, true);
  }

  // ---- search, at the top of the queue

  function fillSearchAgents(agents) {
    const agent = $('search-agent');
    if (!agent || agent.options.length > 1) return;
    agents.map(a => a.name).sort().forEach(name => {
      const o = el('option', null, name); o.value = name; agent.append(o);
    });
  }

  function wireSearch() {
    const pane = $('queue-pane');
    const anchor = $('queue-count');
    if (!pane || !anchor) return;
    const form = el('form', 'tools-search'); form.id = 'search-form';
    form.setAttribute('role', 'search');
    const q = el('input'); q.id = 'search-q'; q.type = 'search'; q.placeholder = T.searchPlaceholder; q.maxLength = 200;
    q.setAttribute('aria-label', T.search);
    const label = el('input'); label.id = 'search-label'; label.placeholder = T.label; label.setAttribute('aria-label', T.label);
    const status = el('select'); status.id = 'search-status'; status.setAttribute('aria-label', T.status);
    ['', 'queued', 'assigned', 'waiting-user', 'resolved', 'closed'].forEach(s => {
      const o = el('option', null, s ? statusText(s) : T.statusAny); o.value = s; status.append(o);
    });
    // Categories by name in the desk's language; the id goes to the server.
    const category = el('select'); category.id = 'search-category'; category.setAttribute('aria-label', T.category);
    const anyCategory = el('option', null, T.anyCategory); anyCategory.value = ''; category.append(anyCategory);
    const fillCategories = () => {
      if (category.options.length > 1) return;
      request('GET', '/categories').then(r => r.categories.forEach(c => {
        const o = el('option', null, c.names[currentLang()] || c.id); o.value = c.id; category.append(o);
      })).catch(showError);
    };
    category.addEventListener('focus', fillCategories);
    category.addEventListener('mousedown', fillCategories);
    const agent = el('select'); agent.id = 'search-agent'; agent.setAttribute('aria-label', T.anyAgent);
    const anyAgent = el('option', null, T.anyAgent); anyAgent.value = ''; agent.append(anyAgent);
    // Filled when first used: at page load the agent may not be signed in yet.
    const fillAgents = () => {
      if (agent.options.length > 1) return;
      request('GET', '/agents').then(r => fillSearchAgents(r.agents)).catch(showError);
    };
    agent.addEventListener('focus', fillAgents);
    agent.addEventListener('mousedown', fillAgents);
    const from = el('input'); from.type = 'date'; from.id = 'search-from'; from.setAttribute('aria-label', T.from);
    const to = el('input'); to.type = 'date'; to.id = 'search-to'; to.setAttribute('aria-label', T.to);
    const go = el('button', 'btn btn-primary', T.searchBtn); go.type = 'submit'; go.id = 'search-go';
    form.append(q, status, agent, category, label, from, to, go);
    const results = el('div', 'search-results'); results.id = 'search-results'; results.hidden = true;
    anchor.before(form, results);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const p = new URLSearchParams();
      if (q.value.trim()) p.set('q', q.value.trim());
      if (status.value) p.set('status', status.value);
      if (label.value.trim()) p.set('label', label.value.trim());
      if (category.value) p.set('category', category.value);
      if (agent.value) p.set('agent', agent.value);
      if (from.value) p.set('from', from.value);
      if (to.value) p.set('to', to.value);
      try {
        const r = await request('GET', '/search?' + p.toString());
        results.replaceChildren();
        const head = el('p', 'count', T.results(r.count));
        const x = el('button', 'btn', T.close); x.type = 'button';
        x.addEventListener('click', () => { results.hidden = true; });
        head.append(' ', x);
        const ul = el('ul'); ul.id = 'search-list';
        r.tickets.forEach(t => ul.append(ticketLink(t)));
        results.append(head, ul);
        results.hidden = false;
        showError('');
      } catch (err) {
        showError(err);
      }
    });
  }

  wirePicker();
  wireSearch();
  /** Redraws what this file drew once at load, after the desk switched language. */
  function relang() {
    ['search-form', 'search-results'].forEach(id => { const e = $(id); if (e) e.remove(); });
    wireSearch();
  }

  window.DeskTools = { ticketShown, replyExtras, relang, get lang() { return currentLang(); } };
})();
