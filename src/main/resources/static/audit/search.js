'use strict';
(() => {
  const { el, api, time, yesNo, showError, header, query } = Audit;
  const form = document.getElementById('filters');
  const results = document.getElementById('results');
  const PAGE_SIZE = 20;
  let page = 0;

  function filters() {
    const data = {};
    new FormData(form).forEach((v, k) => { data[k] = String(v).trim(); });
    return data;
  }

  function fill(select, options) {
    for (const o of options) select.appendChild(el('option', { value: o.value, text: o.label }));
  }

  async function run() {
    const f = filters();
    document.getElementById('export').setAttribute('href', '/api/audit/cases.csv?' + query(f));
    history.replaceState(null, '', '?' + query(Object.assign({}, f, { page: page || '' })));
    try {
      const result = await api('/api/audit/cases?' + query(Object.assign({}, f, { page, size: PAGE_SIZE })));
      render(result);
    } catch (e) {
      showError(results, e);
    }
  }

  function render(result) {
    document.getElementById('summary').textContent = '共 ' + result.total + ' 件';
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    document.getElementById('pageinfo').textContent = '第 ' + (result.page + 1) + ' / ' + pages + ' 页';
    document.getElementById('prev').disabled = result.page <= 0;
    document.getElementById('next').disabled = result.page + 1 >= pages;
    const head = el('tr', {}, ['案件编号', '改革事项', '申请事项', '主管部门', '申请人', '统一社会信用代码', '状态',
      '提交时间', '决定时间', '用时 (工作日)', '按时'].map(t => el('th', { text: t })));
    const rows = result.rows.map(r => el('tr', {},
      el('td', {}, el('a', { href: 'case.html?n=' + encodeURIComponent(r.caseNumber || ''), class: 'case-link',
        text: r.caseNumber || r.processInstanceId })),
      el('td', { text: r.reformName }),
      el('td', { text: r.itemName || '' }),
      el('td', { text: r.departmentName || '' }),
      el('td', { text: r.applicantName || '' }),
      el('td', { text: r.creditCode || '' }),
      el('td', {}, el('span', { text: r.statusLabel || '' }),
        r.tolerantAcceptance ? el('span', { class: 'tag tolerant', text: '容缺' }) : null,
        r.supervisionEvents > 0 ? el('span', { class: 'tag supervision', text: '督办 ' + r.supervisionEvents }) : null),
      el('td', { text: time(r.submittedAt) }),
      el('td', { text: time(r.decidedAt) }),
      el('td', { class: 'num', text: r.daysToDecision === null ? '—'
        : r.daysToDecision + (r.promisedDays === null ? '' : ' / ' + r.promisedDays) }),
      el('td', { class: r.onTime === false ? 'bad' : r.onTime ? 'ok' : '', text: yesNo(r.onTime) })));
    results.replaceChildren(result.rows.length === 0 ? el('p', { class: 'muted', text: '没有符合条件的案件' })
      : el('table', { id: 'case-table' }, el('thead', {}, head), el('tbody', {}, rows)));
  }

  form.addEventListener('submit', e => { e.preventDefault(); page = 0; run(); });
  document.getElementById('prev').addEventListener('click', () => { page = Math.max(0, page - 1); run(); });
  document.getElementById('next').addEventListener('click', () => { page += 1; run(); });

  (async () => {
    try {
      await header('search');
      const options = await api('/api/audit/options');
      fill(document.getElementById('reform'), options.reforms);
      fill(document.getElementById('department'), options.departments);
      fill(document.getElementById('status'), options.statuses);
      const initial = new URLSearchParams(window.location.search);
      for (const [k, v] of initial) {
        if (k === 'page') page = Math.max(0, parseInt(v, 10) || 0);
        else if (form.elements[k]) form.elements[k].value = v;
      }
      await run();
    } catch (e) {
      showError(results, e);
    }
  })();
})();
