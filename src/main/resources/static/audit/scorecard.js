'use strict';
(() => {
  const { el, api, percent, num, showError, header, query } = Audit;
  const form = document.getElementById('filters');
  const container = document.getElementById('scorecard');
  const HEADERS = ['改革事项 / 申请事项', '案件数', '已决定', '申请至决定中位数 (工作日)', '90% 分位 (工作日)',
    '按时率', '人均到场', '最多跑一次', '件均材料', '容缺受理', '督办次数', '回访覆盖率', '满意率',
    '改革前 (材料 / 天数)', '实测压减 (材料 / 时间)', '报告所称成效'];

  function cells(label, f, b, cls) {
    return el('tr', { class: cls },
      el('td', {}, label),
      el('td', { class: 'num', text: f.cases }),
      el('td', { class: 'num', text: f.decided }),
      el('td', { class: 'num', text: num(f.medianDays) }),
      el('td', { class: 'num', text: num(f.p90Days) }),
      el('td', { class: 'num', text: percent(f.onTimeRate) }),
      el('td', { class: 'num', text: num(f.visitsPerCase, 2) }),
      el('td', { class: 'num', text: percent(f.atMostOneVisitRate) }),
      el('td', { class: 'num', text: num(f.materialsPerCase) }),
      el('td', { class: 'num', text: f.tolerantCases }),
      el('td', { class: 'num', text: f.supervisionEvents }),
      el('td', { class: 'num', text: percent(f.followUpCoverage) }),
      el('td', { class: 'num', text: percent(f.satisfactionRate) }),
      el('td', { class: 'num', text: b ? (b.materials ?? '—') + ' / ' + (b.days ?? '—') : '' }),
      el('td', { class: 'num', text: b ? reduction(b.materialsReduction) + ' / ' + reduction(b.daysReduction) : '' }),
      el('td', { class: 'muted', text: b && b.claim ? b.claim : '' }));
  }

  function reduction(v) {
    return v === null || v === undefined ? '—' : (v >= 0 ? '−' : '+') + Math.abs(v).toFixed(1) + '%';
  }

  async function run() {
    const f = {};
    new FormData(form).forEach((v, k) => { f[k] = String(v); });
    document.getElementById('export').setAttribute('href', '/api/audit/scorecard.csv?' + query(f));
    try {
      const card = await api('/api/audit/scorecard?' + query(f));
      const rows = [];
      for (const r of card.reforms) {
        rows.push(cells(el('span', { text: r.name + ' (' + r.key + ')' }), r.figures, null, 'reform'));
        for (const i of r.items) {
          rows.push(cells(el('span', { text: i.name + (i.code ? ' ' + i.code : '') }), i.figures, i.baseline, 'item'));
        }
      }
      container.replaceChildren(el('table', { id: 'scorecard-table' },
        el('thead', {}, el('tr', {}, HEADERS.map(h => el('th', { text: h })))), el('tbody', {}, rows)));
    } catch (e) {
      showError(container, e);
    }
  }

  form.addEventListener('submit', e => { e.preventDefault(); run(); });
  (async () => {
    try {
      await header('scorecard');
      await run();
    } catch (e) {
      showError(container, e);
    }
  })();
})();
