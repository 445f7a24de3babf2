'use strict';
// Supervisor dashboard: summary tiles, four hand-drawn SVG charts, agent table, knowledge gaps, unhelpful FAQ.
// Server text is only ever set with textContent (never innerHTML).
(() => {
  const API = '/api/desk';
  const DAYS = 14;
  const REFRESH_MS = 60 * 1000;
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = id => document.getElementById(id);
  // One language, the agent's desk language (localStorage 'desk.lang', as the desk keeps it); switchable here too.
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
  const ROLE_LABEL = { agent: L('Agent', '客服'), supervisor: L('Supervisor', '主管') };

  let last = null;       // last dashboard answer, redrawn on resize
  let timer = null;
  let loading = false;

  // ---------- helpers

  const str = v => (v == null ? '' : String(v));
  const num = v => (typeof v === 'number' && Number.isFinite(v) ? v : null);

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = String(text);
    return e;
  }

  function svgEl(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (text != null) e.textContent = String(text);
    return e;
  }

  function trim(n, digits) {
    return String(Number(n.toFixed(digits)));
  }

  /** Minutes as "12.5 min", "1 h 35 min", "2 d 3 h"; "—" when nothing was measured. */
  function fmtMin(v) {
    v = num(v);
    if (v == null) return '—';
    if (v < 60) return trim(v, 1) + L(' min', ' 分钟');
    const m = Math.round(v);
    if (m < 24 * 60) return Math.floor(m / 60) + L(' h ', ' 小时 ') + (m % 60) + L(' min', ' 分钟');
    return Math.floor(m / 1440) + L(' d ', ' 天 ') + Math.floor((m % 1440) / 60) + L(' h', ' 小时');
  }

  function fmtPct(v) {
    v = num(v);
    return v == null ? '—' : trim(v * 100, 1) + '%';
  }

  function fmtNum(v, digits) {
    v = num(v);
    return v == null ? '—' : trim(v, digits || 0);
  }

  // ---------- HTTP

  async function get(path) {
    let res;
    try {
      res = await fetch(API + path, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
    } catch (e) {
      const err = new Error(L('The server cannot be reached.', '无法连接服务器。'));
      err.status = 0;
      throw err;
    }
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) {
      const err = new Error(data && typeof data.error === 'string' && data.error ? data.error : L('Error ' + res.status, '出错了（' + res.status + '）'));
      err.status = res.status;
      throw err;
    }
    return data;
  }

  // ---------- views

  function only(viewId) {
    ['loading', 'sign-in-needed', 'forbidden', 'dashboard-view'].forEach(id => { $(id).hidden = id !== viewId; });
  }

  function stop() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  async function load() {
    if (loading) return;
    loading = true;
    stop();
    $('refresh').disabled = true;
    try {
      const data = await get('/dashboard?days=' + DAYS);
      last = data && typeof data === 'object' ? data : {};
      only('dashboard-view');
      $('dash-error').textContent = '';
      render(last);
      const now = new Date();
      const t = el('time', null, now.toLocaleString(L('en-GB', 'zh-CN')));
      t.dateTime = now.toISOString();
      $('updated').replaceChildren(L('Updated ', '更新于 '), t, L(' · refreshes every minute', ' · 每分钟自动刷新'));
      schedule();
    } catch (e) {
      if (e.status === 401) {
        only('sign-in-needed');
      } else if (e.status === 403) {
        $('forbidden-detail').textContent = e.message;
        only('forbidden');
      } else {
        // Keep what is on screen and try again later.
        if (!last) only('dashboard-view');
        $('dash-error').textContent = e.message;
        schedule();
      }
    } finally {
      loading = false;
      $('refresh').disabled = false;
    }
  }

  function schedule() {
    stop();
    timer = setTimeout(load, REFRESH_MS);
  }

  async function boot() {
    try {
      const me = await get('/session');
      if (me && typeof me.agent === 'string') {
        const who = $('whoami');
        const badge = el('span', 'role-badge', ROLE_LABEL[me.role] || str(me.role));
        who.replaceChildren(el('strong', null, me.agent), ' ', badge);
      }
    } catch (e) {
      if (e.status === 401) {
        only('sign-in-needed');
        return;
      }
      // Anything else: the dashboard request below says what is wrong.
    }
    load();
  }

  // ---------- rendering

  function tile(id, big, sub) {
    const t = $(id);
    t.querySelector('.big').textContent = big;
    t.querySelector('.sub').textContent = sub;
  }

  function render(d) {
    const s = d.summary && typeof d.summary === 'object' ? d.summary : {};
    tile('tile-tickets', fmtNum(s.tickets), fmtNum(s.open_tickets) + L(' open', ' 个未结'));
    tile('tile-first-response', fmtMin(s.first_response_median_min),
      L('median · p90 ', '中位数 · p90 ') + fmtMin(s.first_response_p90_min));
    tile('tile-resolution', fmtMin(s.resolution_median_min),
      L('median · p90 ', '中位数 · p90 ') + fmtMin(s.resolution_p90_min));
    tile('tile-deflection', fmtPct(s.deflection_rate), L('solved without an agent', '无需人工解决'));
    tile('tile-csat', num(s.csat_average) == null ? '—' : fmtNum(s.csat_average, 2) + ' / 5',
      fmtPct(s.csat_satisfied_share) + L(' satisfied · ', ' 满意 · ') + fmtNum(s.rated_tickets) + L(' rated', ' 个评分'));
    tile('tile-escalations', fmtPct(s.escalation_rate), L('of tickets escalated', '工单升级比例'));
    tile('tile-breaches', fmtNum(s.sla_breaches), L('tickets past an SLA deadline', '超出时限的工单'));
    tile('tile-faq', fmtNum(s.faq_helpful_votes) + ' : ' + fmtNum(s.faq_unhelpful_votes),
      L('helpful : unhelpful', '有帮助 : 无帮助'));

    drawCharts(d);
    renderAgents(Array.isArray(d.agents) ? d.agents : []);
    renderGaps(Array.isArray(d.knowledgeGaps) ? d.knowledgeGaps : []);
    renderUnhelpful(Array.isArray(d.unhelpfulFaq) ? d.unhelpfulFaq : [], d.faqQuestions || {});
  }

  function drawCharts(d) {
    const days = Array.isArray(d.days) ? d.days.filter(x => x && typeof x === 'object') : [];
    const dates = days.map(x => str(x.date));
    const col = k => days.map(x => num(x[k]));
    chart($('chart-tickets'), {
      kind: 'bar', title: L('Tickets per day', '每日工单'), dates, integer: true,
      series: [
        { name: L('Opened', '新建'), values: col('opened'), color: '#1558b0' },
        { name: L('Resolved', '解决'), values: col('resolved'), color: '#b35900', hatch: true },
      ],
    });
    chart($('chart-times'), {
      kind: 'line', title: L('Median times per day, minutes', '每日中位用时（分钟）'), dates, unit: L(' min', ' 分钟'),
      series: [
        { name: L('First response', '首次响应'), values: col('firstResponseMedianMin'), color: '#1558b0' },
        { name: L('Resolution', '解决'), values: col('resolutionMedianMin'), color: '#b35900', dash: '6 4', square: true },
      ],
    });
    chart($('chart-csat'), {
      kind: 'line', title: L('Average satisfaction per day, 1–5', '每日平均满意度（1–5）'), dates, min: 1, max: 5, step: 1,
      series: [{ name: L('CSAT', '满意度'), values: col('csat'), color: '#2b6b3a' }],
    });
    chart($('chart-escalations'), {
      kind: 'bar', title: L('Escalations and SLA breaches per day', '每日升级与超时'), dates, integer: true,
      series: [
        { name: L('Escalations', '升级'), values: col('escalations'), color: '#6a3d9a' },
        { name: L('SLA breaches', '超时'), values: col('breaches'), color: '#a4161a', hatch: true },
      ],
    });
  }

  /** A step of 1, 2, 2.5 or 5 times a power of ten, giving about four grid lines up to max. */
  function niceStep(max, integer) {
    const raw = max / 4;
    const p = Math.pow(10, Math.floor(Math.log10(raw)));
    const f = raw / p;
    let step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
    if (integer) step = Math.max(1, Math.ceil(step));
    return step;
  }

  function seriesSummary(s, opts) {
    const pts = s.values.map((v, i) => [v, opts.dates[i]]).filter(p => p[0] != null);
    if (!pts.length) return s.name + L(': no data', '：无数据');
    const unit = opts.unit || '';
    if (opts.kind === 'bar') {
      const total = pts.reduce((a, p) => a + p[0], 0);
      const top = pts.reduce((a, p) => (p[0] > a[0] ? p : a), pts[0]);
      return s.name + ': total ' + trim(total, 1) + unit + ', most on ' + top[1] + ' (' + trim(top[0], 1) + unit + ')';
    }
    const lo = Math.min(...pts.map(p => p[0])), hi = Math.max(...pts.map(p => p[0]));
    const latest = pts[pts.length - 1];
    return s.name + ': from ' + trim(lo, 1) + unit + ' to ' + trim(hi, 1) + unit + ', latest ' + trim(latest[0], 1) + unit
      + ' on ' + latest[1];
  }

  /**
   * Draws a grouped bar chart or a line chart into an inline SVG sized to its box, with a title, an aria-label
   * that summarises it, a legend, and a visually hidden data table after it.
   */
  function chart(svg, opts) {
    const n = opts.dates.length;
    const width = Math.max(260, Math.round(svg.getBoundingClientRect().width || (svg.parentNode && svg.parentNode.clientWidth) || 600));
    const height = 210;
    const m = { top: 10, right: 10, bottom: 26, left: 40 };
    const pw = width - m.left - m.right, ph = height - m.top - m.bottom;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.setAttribute('font-family', 'system-ui, sans-serif');
    svg.setAttribute('font-size', '11');
    svg.replaceChildren();

    const range = n ? opts.dates[0] + ' – ' + opts.dates[n - 1] : '';
    const summary = opts.title + (range ? ', ' + range : '') + '. ' + opts.series.map(s => seriesSummary(s, opts)).join('; ') + '.';
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', summary);
    svg.append(svgEl('title', {}, summary));

    const defs = svgEl('defs');
    svg.append(defs);
    opts.series.forEach((s, i) => {
      if (!s.hatch) return;
      s.fill = 'url(#' + svg.id + '-hatch-' + i + ')';
      const pat = svgEl('pattern', { id: svg.id + '-hatch-' + i, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' });
      pat.append(svgEl('rect', { width: 6, height: 6, fill: '#fff' }), svgEl('rect', { width: 3, height: 6, fill: s.color }));
      defs.append(pat);
    });

    const values = opts.series.flatMap(s => s.values).filter(v => v != null);
    const lo = opts.min != null ? opts.min : 0;
    let hi, step;
    if (opts.max != null) {
      hi = opts.max;
      step = opts.step || (hi - lo) / 4;
    } else {
      const max = Math.max(lo + (opts.integer ? 4 : 1), ...values);
      step = niceStep(max - lo, opts.integer);
      hi = lo + Math.ceil((max - lo) / step) * step;
    }
    const y = v => m.top + ph - ((v - lo) / (hi - lo)) * ph;
    const band = n ? pw / n : pw;
    const cx = i => m.left + band * i + band / 2;

    // Grid and y axis labels.
    const grid = svgEl('g', { 'aria-hidden': 'true' });
    for (let v = lo; v <= hi + step / 1000; v += step) {
      const yy = Math.round(y(v)) + 0.5;
      grid.append(svgEl('line', { x1: m.left, x2: width - m.right, y1: yy, y2: yy, stroke: v === lo ? '#8a939e' : '#e3e7ec' }));
      grid.append(svgEl('text', { x: m.left - 6, y: yy + 4, 'text-anchor': 'end', fill: '#3d4650' }, trim(v, 1)));
    }
    // X labels: as many as fit, always including the newest day.
    const every = Math.max(1, Math.ceil(44 / Math.max(band, 1)));
    for (let i = n - 1; i >= 0; i -= every) {
      const dt = opts.dates[i];
      const text = /^\d{4}-\d{2}-\d{2}$/.test(dt) ? dt.slice(5) : dt;
      grid.append(svgEl('text', { x: cx(i), y: height - 8, 'text-anchor': 'middle', fill: '#3d4650' }, text));
    }
    svg.append(grid);

    if (!values.length) {
      svg.append(svgEl('text', { x: m.left + pw / 2, y: m.top + ph / 2, 'text-anchor': 'middle', fill: '#3d4650', 'font-size': 13 },
        L('No data yet', '暂无数据')));
    } else if (opts.kind === 'bar') {
      const k = opts.series.length;
      const bw = Math.max(2, (band * 0.76) / k);
      opts.series.forEach((s, si) => {
        const g = svgEl('g');
        s.values.forEach((v, i) => {
          if (v == null) return;
          const x = cx(i) - (bw * k) / 2 + bw * si;
          const top = y(Math.max(v, lo)), h = Math.max(0, y(lo) - top);
          const r = svgEl('rect', { x: x.toFixed(1), y: top.toFixed(1), width: bw.toFixed(1), height: Math.max(h, v > 0 ? 1 : 0).toFixed(1),
            fill: s.fill || s.color, stroke: s.color, 'stroke-width': 1 });
          r.append(svgEl('title', {}, opts.dates[i] + ' · ' + s.name + ': ' + trim(v, 1)));
          g.append(r);
        });
        svg.append(g);
      });
    } else {
      opts.series.forEach(s => {
        const g = svgEl('g');
        let d = '', pen = false;
        s.values.forEach((v, i) => {
          if (v == null) { pen = false; return; }
          d += (pen ? ' L ' : ' M ') + cx(i).toFixed(1) + ' ' + y(v).toFixed(1);
          pen = true;
        });
        g.append(svgEl('path', { d: d.trim(), fill: 'none', stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': s.dash || 'none',
          'stroke-linejoin': 'round' }));
        s.values.forEach((v, i) => {
          if (v == null) return;
          const mark = s.square
            ? svgEl('rect', { x: (cx(i) - 3.5).toFixed(1), y: (y(v) - 3.5).toFixed(1), width: 7, height: 7, fill: s.color })
            : svgEl('circle', { cx: cx(i).toFixed(1), cy: y(v).toFixed(1), r: 3.5, fill: s.color });
          mark.append(svgEl('title', {}, opts.dates[i] + ' · ' + s.name + ': ' + trim(v, 1) + (opts.unit || '')));
          g.append(mark);
        });
        svg.append(g);
      });
    }

    legendAndTable(svg, opts);
  }

  function legendAndTable(svg, opts) {
    const fig = svg.parentNode;
    let legend = fig.querySelector('.legend');
    if (!legend) {
      legend = el('ul', 'legend');
      fig.append(legend);
    }
    legend.replaceChildren(...opts.series.map(s => {
      const li = el('li');
      const sw = svgEl('svg', { viewBox: '0 0 24 12', 'aria-hidden': 'true', focusable: 'false' });
      if (opts.kind === 'bar') sw.append(svgEl('rect', { x: 1, y: 1, width: 22, height: 10, fill: s.fill || s.color, stroke: s.color }));
      else {
        sw.append(svgEl('line', { x1: 0, x2: 24, y1: 6, y2: 6, stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': s.dash || 'none' }));
        sw.append(s.square ? svgEl('rect', { x: 8.5, y: 2.5, width: 7, height: 7, fill: s.color })
          : svgEl('circle', { cx: 12, cy: 6, r: 3.5, fill: s.color }));
      }
      li.append(sw, s.name);
      return li;
    }));

    // The data behind the chart for screen readers. The wrapper is what is visually hidden: a table keeps its
    // content width whatever its own size, and would widen the page on a phone.
    let table = fig.querySelector('table');
    if (!table) {
      const wrap = el('div', 'sr-only');
      table = el('table');
      table.id = svg.id + '-data';
      wrap.append(table);
      fig.append(wrap);
    }
    const caption = el('caption', null, opts.title);
    const head = el('tr');
    const th0 = el('th', null, L('Date', '日期'));
    th0.scope = 'col';
    head.append(th0, ...opts.series.map(s => {
      const th = el('th', null, s.name);
      th.scope = 'col';
      return th;
    }));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    opts.dates.forEach((dt, i) => {
      const tr = el('tr');
      const th = el('th', null, dt);
      th.scope = 'row';
      tr.append(th, ...opts.series.map(s => el('td', null, s.values[i] == null ? '—' : trim(s.values[i], 1) + (opts.unit || ''))));
      tbody.append(tr);
    });
    table.replaceChildren(caption, thead, tbody);
  }

  function cell(text, numeric) {
    const td = el('td', numeric ? 'num' : null, text);
    return td;
  }

  function renderAgents(agents) {
    const rows = agents.filter(a => a && typeof a === 'object').map(a => {
      const tr = el('tr');
      const name = el('th', null, str(a.name));
      name.scope = 'row';
      tr.append(name, cell(ROLE_LABEL[a.role] || str(a.role)), cell(fmtNum(a.assigned), true), cell(fmtNum(a.resolved), true),
        cell(fmtMin(a.firstResponseMedianMin), true), cell(fmtNum(a.ratings), true), cell(fmtNum(a.csat, 2), true));
      return tr;
    });
    $('agents').tBodies[0].replaceChildren(...rows);
    $('agents-empty').hidden = rows.length > 0;
  }

  function renderGaps(gaps) {
    const items = gaps.filter(g => g && typeof g === 'object').map(g => {
      const li = el('li');
      li.append(el('q', null, str(g.example)), ' ');
      const c = el('span', 'count-badge', '×' + fmtNum(g.count));
      c.setAttribute('aria-hidden', 'true');
      li.append(c, el('span', 'sr-only', L('asked ' + fmtNum(g.count) + ' times', '被问 ' + fmtNum(g.count) + ' 次')));
      return li;
    });
    $('gaps').replaceChildren(...items);
    $('gaps-empty').hidden = items.length > 0;
  }

  function renderUnhelpful(list, questions) {
    const items = list.filter(u => u && typeof u === 'object').map(u => {
      const li = el('li');
      const c = el('span', 'count-badge', '×' + fmtNum(u.unhelpful));
      c.setAttribute('aria-hidden', 'true');
      // The topic's question in the desk's language; the id (kept on hover) only for a topic the FAQ no longer has.
      const q = questions[u.faqId] && questions[u.faqId][LANG];
      const name = q ? el('span', null, q) : el('code', null, str(u.faqId));
      name.title = str(u.faqId);
      li.append(name, ' ', c,
        el('span', 'sr-only', L(fmtNum(u.unhelpful) + ' unhelpful votes', fmtNum(u.unhelpful) + ' 票无帮助')));
      return li;
    });
    $('unhelpful').replaceChildren(...items);
    $('unhelpful-empty').hidden = items.length > 0;
  }

  // ---------- events

  $('refresh').addEventListener('click', load);

  /** Static texts are English in the page, with their Chinese in data-zh / data-zh-aria. */
  function applyLang() {
    document.documentElement.lang = L('en', 'zh-CN');
    if (LANG === 'zh') {
      document.querySelectorAll('[data-zh]').forEach(e => { e.textContent = e.dataset.zh; });
      document.querySelectorAll('[data-zh-aria]').forEach(e => e.setAttribute('aria-label', e.dataset.zhAria));
    }
    // Like the desk's: names the other language in that language, so an agent who cannot read this one finds it.
    const b = $('dash-lang');
    b.textContent = L('中文', 'English');
    b.lang = L('zh-CN', 'en');
    b.setAttribute('aria-label', L('Desk language: 中文', '工作台语言：English'));
    b.addEventListener('click', () => {
      try {
        localStorage.setItem('desk.lang', L('zh', 'en'));
      } catch (e) {
        return;  // not remembered: a reload would come back in this language
      }
      location.reload();
    });
  }

  applyLang();

  let resizeTimer = null, lastWidth = window.innerWidth;
  window.addEventListener('resize', () => {
    if (window.innerWidth === lastWidth) return;
    lastWidth = window.innerWidth;
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { if (last && !$('dashboard-view').hidden) drawCharts(last); }, 150);
  });

  boot();
})();
