'use strict';
// Saved replies screen: everyone signed in sees the list; supervisors create, edit and delete desk replies and
// see the audit trail. One language, the desk's (localStorage 'desk.lang'). Server text is set with textContent.
(() => {
  const API = '/api/desk';
  const $ = id => document.getElementById(id);
  const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
  const MAX_TEXT = 4000;  // DeskService.MAX_TEXT_CHARS
  const MAX_TITLE = 80;
  // SavedReplyText's variables; the detail keys are DetailType's.
  const DETAIL_KEYS = ['tx_hash', 'chain', 'coin', 'amount', 'address', 'time', 'device', 'account', 'description'];

  const LANG = (() => {
    try {
      const saved = localStorage.getItem('desk.lang');
      if (saved === 'en' || saved === 'zh') return saved;
    } catch (e) {
      // Storage blocked: the browser's language decides.
    }
    return /^zh\b/i.test(navigator.language || '') ? 'zh' : 'en';
  })();
  const L = (en, zh) => (LANG === 'zh' ? zh : en);
  const LANG_NAME = { en: L('English', '英文'), zh: L('Chinese', '中文') };

  const state = { me: null, csrf: null, replies: [], editing: null };

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = String(text);
    return e;
  }

  async function request(method, path, body) {
    const init = { method, credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } };
    if (method !== 'GET') {
      init.headers['Content-Type'] = 'application/json';
      if (state.csrf) init.headers['X-CSRF-Token'] = state.csrf;
      if (body) init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(API + path, init);
    } catch (e) {
      throw Object.assign(new Error(L('The server cannot be reached.', '无法连接服务器。')), { status: 0 });
    }
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!res.ok) {
      const why = data && typeof data.error === 'string' ? data.error : 'HTTP ' + res.status;
      throw Object.assign(new Error(why), { status: res.status });
    }
    return data;
  }

  function applyLang() {
    document.documentElement.lang = L('en', 'zh-CN');
    if (LANG === 'zh') {
      document.querySelectorAll('[data-zh]').forEach(e => { e.textContent = e.dataset.zh; });
      document.querySelectorAll('[data-zh-aria]').forEach(e => e.setAttribute('aria-label', e.dataset.zhAria));
    }
    const b = $('replies-lang');
    b.textContent = L('中文', 'English');
    b.lang = L('zh-CN', 'en');
    b.setAttribute('aria-label', L('Desk language: 中文', '工作台语言：English'));
    b.addEventListener('click', () => {
      try {
        localStorage.setItem('desk.lang', L('zh', 'en'));
      } catch (e) {
        return;
      }
      location.reload();
    });
    $('variables-hint').textContent = L('Variables, filled in for each ticket: {name} (the user), {ticket} (e.g. #1042), {detail.KEY} with KEY one of ',
      '变量，按工单自动填入：{name}（用户）、{ticket}（例如 #1042）、{detail.KEY}，KEY 可为 ') + DETAIL_KEYS.join(', ')
      + L('. A detail the ticket lacks reads "(not given)".', '。工单缺少的信息显示为“（未提供）”。');
  }

  const supervisor = () => state.me && state.me.role === 'supervisor';

  // ---------- the list

  function render() {
    const rows = state.replies.map(r => {
      const tr = el('tr');
      tr.dataset.name = r.name;
      const name = el('th', null, '/' + r.name);
      name.scope = 'row';
      const title = el('td', null, (r.titles && r.titles[LANG]) || r.title);
      const text = el('td', 'text', (r.texts && r.texts[LANG]) || r.text);
      text.lang = LANG === 'zh' ? 'zh-CN' : 'en';
      const source = el('td', null, r.source === 'config' ? L('Shipped file', '配置文件') : L('Made in the desk', '工作台创建'));
      tr.append(name, title, text, source);
      if (supervisor()) {
        const manage = el('td', 'manage');
        const edit = el('button', 'btn', L('Edit', '编辑'));
        edit.type = 'button';
        edit.dataset.action = 'edit';
        edit.setAttribute('aria-label', L('Edit /', '编辑 /') + r.name);
        edit.addEventListener('click', () => openForm(r));
        manage.append(edit);
        if (r.source === 'desk') {
          const del = el('button', 'btn btn-danger', L('Delete', '删除'));
          del.type = 'button';
          del.dataset.action = 'delete';
          del.setAttribute('aria-label', L('Delete /', '删除 /') + r.name);
          del.addEventListener('click', () => remove(r));
          manage.append(del);
        } else {
          manage.append(el('span', 'small muted', L('(a save here overrides the file)', '（在此保存将覆盖文件中的版本）')));
        }
        tr.append(manage);
      }
      return tr;
    });
    $('replies-table').tBodies[0].replaceChildren(...rows);
    document.querySelectorAll('.manage-col').forEach(c => { c.hidden = !supervisor(); });
  }

  async function load() {
    const data = await request('GET', '/saved-replies');
    state.replies = Array.isArray(data && data.replies) ? data.replies : [];
    render();
    if (supervisor()) await loadAudit();
  }

  async function loadAudit() {
    const data = await request('GET', '/saved-replies/audit');
    const list = Array.isArray(data && data.audit) ? data.audit.slice(-20).reverse() : [];
    $('audit').replaceChildren(...list.map(c => {
      const li = el('li');
      const when = el('time', null, new Date(c.at).toLocaleString(L('en-GB', 'zh-CN')));
      when.dateTime = c.at;
      const what = c.action === 'deleted' ? L(' deleted /', ' 删除了 /') : L(' saved /', ' 保存了 /');
      li.append(when, ' · ', String(c.by), what + String(c.name));
      return li;
    }));
    $('audit-empty').hidden = list.length > 0;
  }

  // ---------- the form

  const FIELDS = ['f-name', 'f-title-en', 'f-title-zh', 'f-text-en', 'f-text-zh'];

  function openForm(reply) {
    state.editing = reply ? reply.name : null;
    $('form-heading').textContent = reply ? L('Edit /', '编辑 /') + reply.name : L('New saved reply', '新建快捷回复');
    $('f-name').value = reply ? reply.name : '';
    $('f-name').disabled = !!reply;
    for (const lang of ['en', 'zh']) {
      $('f-title-' + lang).value = reply && reply.titles ? reply.titles[lang] || '' : '';
      $('f-text-' + lang).value = reply && reply.texts ? reply.texts[lang] || '' : '';
    }
    $('form-error').textContent = '';
    FIELDS.forEach(id => $(id).removeAttribute('aria-invalid'));
    $('reply-form').hidden = false;
    (reply ? $('f-title-en') : $('f-name')).focus();
  }

  function closeForm() {
    $('reply-form').hidden = true;
    state.editing = null;
    $('new-reply').focus();
  }

  /** The first problem, with the field it is in; the server checks the same and more (secrets). */
  function problem(body) {
    if (!NAME.test(body.name)) {
      return ['f-name', L('Name: 1 to 40 lowercase letters, digits or "-", starting with a letter or digit.',
        '名称：1 至 40 个小写字母、数字或“-”，以字母或数字开头。')];
    }
    if (state.editing == null && state.replies.some(r => r.name === body.name)) {
      return ['f-name', L('A saved reply named /' + body.name + ' already exists: edit it instead.',
        '已有名为 /' + body.name + ' 的快捷回复，请直接编辑它。')];
    }
    for (const lang of ['en', 'zh']) {
      const title = body.title[lang];
      if (!title || title.length > MAX_TITLE) {
        return ['f-title-' + lang, L('Give the ' + LANG_NAME[lang] + ' title (1 to 80 characters).',
          '请填写' + LANG_NAME[lang] + '标题（1 至 80 个字符）。')];
      }
      const text = body.text[lang];
      if (!text) {
        return ['f-text-' + lang, L('Write the ' + LANG_NAME[lang] + ' text: users get the one in their language.',
          '请填写' + LANG_NAME[lang] + '文本：用户会收到其语言的版本。')];
      }
      if (text.length > MAX_TEXT) {
        return ['f-text-' + lang, L('The ' + LANG_NAME[lang] + ' text is too long: ' + text.length + ' characters, at most ' + MAX_TEXT + '.',
          LANG_NAME[lang] + '文本太长：共 ' + text.length + ' 个字符，最多 ' + MAX_TEXT + ' 个。')];
      }
      for (const m of text.match(/\{[^{}\s]{1,40}\}/g) || []) {
        const known = m === '{name}' || m === '{ticket}' || DETAIL_KEYS.some(k => m === '{detail.' + k + '}');
        if (!known) {
          return ['f-text-' + lang, L('The ' + LANG_NAME[lang] + ' text uses ' + m + ', which is not a variable. Use {name}, {ticket} or {detail.KEY}.',
            LANG_NAME[lang] + '文本中的 ' + m + ' 不是变量。请使用 {name}、{ticket} 或 {detail.KEY}。')];
        }
      }
    }
    return null;
  }

  async function save(e) {
    e.preventDefault();
    const body = {
      name: state.editing != null ? state.editing : $('f-name').value.trim(),
      title: { en: $('f-title-en').value.trim(), zh: $('f-title-zh').value.trim() },
      text: { en: $('f-text-en').value.trim(), zh: $('f-text-zh').value.trim() },
    };
    FIELDS.forEach(id => $(id).removeAttribute('aria-invalid'));
    const bad = problem(body);
    if (bad) {
      $(bad[0]).setAttribute('aria-invalid', 'true');
      $('form-error').textContent = bad[1];
      $(bad[0]).focus();
      return;
    }
    const button = $('save-reply');
    button.disabled = true;
    try {
      await request('POST', '/saved-replies', body);
      $('reply-form').hidden = true;
      state.editing = null;
      $('replies-live').textContent = L('Saved /' + body.name + '.', '已保存 /' + body.name + '。');
      await load();
    } catch (err) {
      // Only what the server refused after our own checks (a recovery phrase in the text, a lost session).
      $('form-error').textContent = L('Not saved: ', '未保存：') + err.message;
    } finally {
      button.disabled = false;
    }
  }

  async function remove(r) {
    const sure = window.confirm(L('Delete the saved reply /' + r.name + '? Agents can no longer pick it.',
      '删除快捷回复 /' + r.name + '？删除后客服将无法再选用它。'));
    if (!sure) return;
    try {
      await request('DELETE', '/saved-replies/' + encodeURIComponent(r.name));
      $('replies-live').textContent = L('Deleted /' + r.name + '.', '已删除 /' + r.name + '。');
      $('replies-error').textContent = '';
      await load();
    } catch (err) {
      $('replies-error').textContent = L('Not deleted: ', '未删除：') + err.message;
    }
  }

  // ---------- start

  async function boot() {
    applyLang();
    try {
      state.me = await request('GET', '/session');
      state.csrf = state.me && state.me.csrf;
    } catch (e) {
      $('loading').hidden = true;
      if (e.status === 401) {
        $('sign-in-needed').hidden = false;
        return;
      }
      $('replies-view').hidden = false;
      $('replies-error').textContent = e.message;
      return;
    }
    const role = state.me.role === 'supervisor' ? L('Supervisor', '主管') : L('Agent', '客服');
    $('whoami').replaceChildren(el('strong', null, state.me.agent), ' ', el('span', 'role-badge', role));
    $('read-only').hidden = supervisor();
    $('new-wrap').hidden = !supervisor();
    $('audit-panel').hidden = !supervisor();
    $('loading').hidden = true;
    $('replies-view').hidden = false;
    $('new-reply').addEventListener('click', () => openForm(null));
    $('cancel-reply').addEventListener('click', closeForm);
    $('reply-form').addEventListener('submit', save);
    try {
      await load();
    } catch (e) {
      $('replies-error').textContent = e.message;
    }
  }

  boot();
})();
