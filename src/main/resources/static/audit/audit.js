/* 审计页面公用函数. Every value from the server is rendered with textContent (never innerHTML). */
'use strict';
const Audit = (() => {
  const ZONE = 'Asia/Shanghai';

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = String(v);
      else if (k === 'href') node.setAttribute('href', safeHref(v));
      else node.setAttribute(k, String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function safeHref(href) {
    const s = String(href);
    return /^(\/|\?|#|[a-z0-9.-]+\.html)/i.test(s) && !/^\/\//.test(s) ? s : '#';
  }

  async function api(path) {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      window.location.href = '/audit/login';
      throw new Error('请先登录');
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || ('请求失败 (' + response.status + ')'));
    return body;
  }

  function time(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return d.toLocaleString('zh-CN', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hour12: false });
  }

  function percent(v) {
    return v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%';
  }

  function num(v, digits) {
    return v === null || v === undefined ? '—' : Number(v).toFixed(digits === undefined ? 1 : digits);
  }

  function yesNo(v) {
    return v === null || v === undefined ? '—' : (v ? '是' : '否');
  }

  function showError(container, error) {
    container.replaceChildren(el('div', { class: 'error-box', text: error.message || String(error) }));
  }

  async function header(current) {
    const me = await api('/api/audit/me');
    const logout = el('form', { method: 'post', action: '/audit/logout' },
      el('input', { type: 'hidden', name: me.csrf ? me.csrf.parameterName : '_csrf', value: me.csrf ? me.csrf.token : '' }),
      el('button', { type: 'submit', text: '退出' }));
    const nav = el('nav', {},
      el('a', { href: '/audit/', class: current === 'search' ? 'current' : null, text: '案件查询' }),
      el('a', { href: '/audit/scorecard.html', class: current === 'scorecard' ? 'current' : null, text: '改革成效' }));
    document.getElementById('top').replaceChildren(el('h1', { text: '审批服务审计查询 (只读)' }), nav,
      el('div', { class: 'user' }, el('span', { text: me.name + ' (' + me.userId + ')' }), logout));
    return me;
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
    return q.toString();
  }

  return { el, api, time, percent, num, yesNo, showError, header, query };
})();
