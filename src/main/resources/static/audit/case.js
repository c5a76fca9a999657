'use strict';
(() => {
  const { el, api, time, yesNo, showError, header } = Audit;
  const caseNumber = new URLSearchParams(window.location.search).get('n') || '';

  function table(headers, rows, empty) {
    if (rows.length === 0) return el('p', { class: 'muted', text: empty || '无' });
    return el('table', {}, el('thead', {}, el('tr', {}, headers.map(h => el('th', { text: h })))),
      el('tbody', {}, rows));
  }

  function facts(h) {
    const pairs = [
      ['改革事项 (流程)', h.reformName + ' (v' + h.reformVersion + ')'], ['申请事项', h.itemName],
      ['主管部门', h.departmentName], ['申请人', h.applicantName], ['统一社会信用代码', h.creditCode],
      ['申请渠道', { ONLINE: '网上申请', COUNTER: '窗口申请' }[h.channel] || h.channel],
      ['案件状态', h.caseStatusLabel], ['流程状态', h.stateLabel], ['提交时间', time(h.submittedAt)],
      ['受理时间', time(h.acceptedAt)], ['决定时间', time(h.decidedAt)], ['办结时间', time(h.endedAt)],
      ['申请至决定', h.daysToDecision === null ? '—' : h.daysToDecision + ' 个工作日'],
      ['承诺时限', h.promisedDays === null ? '—' : h.promisedDays + ' 个工作日'],
      ['按承诺时限办结', yesNo(h.onTime)], ['到场次数', h.inPersonVisits === null ? '—' : h.inPersonVisits],
      ['容缺受理', yesNo(h.tolerantAcceptance)], ['督办次数', h.supervisionEvents],
      ['决定理由', h.decisionReason], ['终止原因', h.deleteReason], ['上级案件', h.superCaseNumber]];
    return pairs.filter(p => p[1] !== null && p[1] !== undefined && p[1] !== '')
      .flatMap(p => [el('dt', { text: p[0] }), el('dd', { text: p[1] })]);
  }

  function steps(list) {
    return table(['开始', '环节', '类型', '办理人 (部门)', '候选部门', '期限', '用时/时限 (工作日)', '结果', '理由与意见', '结束'],
      list.filter(s => s.kind !== 'gateway').map(s => el('tr', { class: 'step step-' + s.kind, 'data-activity': s.activityId },
        el('td', { text: time(s.startedAt) }),
        el('td', {}, el('span', { text: s.name || s.activityId }),
          s.kind === 'supervision' ? el('span', { class: 'tag supervision', text: '督办' }) : null,
          s.kind === 'overdue' ? el('span', { class: 'tag overdue', text: '超期' }) : null,
          s.calledCaseNumber ? el('a', { href: 'case.html?n=' + encodeURIComponent(s.calledCaseNumber),
            text: ' → ' + s.calledCaseNumber }) : null),
        el('td', { text: s.typeLabel || '' }),
        el('td', { text: s.userId ? (s.userName || s.userId) + ' (' + s.userId
          + (s.userDepartments.length ? ', ' + s.userDepartments.join('、') : '') + ')' : '' }),
        el('td', { text: s.candidateGroups.join('、') }),
        el('td', { text: time(s.dueAt) }),
        el('td', { class: s.overdue ? 'num bad' : 'num', text: s.workingDaysUsed === null ? ''
          : s.workingDaysUsed + (s.workingDaysAllowed === null ? '' : ' / ' + s.workingDaysAllowed)
            + (s.overdue ? ' 超期' : '') }),
        el('td', { text: s.outcomeLabel || '' }),
        el('td', {}, s.reason ? el('div', { text: s.reason }) : null,
          s.comments.map(c => el('div', { class: 'muted', text: time(c.time) + ' ' + (c.userId || '') + ': ' + c.message }))),
        el('td', { text: s.endedAt ? time(s.endedAt) + (s.canceled ? ' (取消)' : '') : '办理中' }))));
  }

  function operations(list) {
    return table(['时间', '操作', '环节', '操作人', '内容'], list.map(o => el('tr', {},
      el('td', { text: time(o.time) }), el('td', { text: o.typeLabel }), el('td', { text: o.step || '' }),
      el('td', { text: o.userId ? (o.userName || o.userId) + ' (' + o.userId + ')' : '系统' }),
      el('td', { text: o.property ? o.property + ': ' + [o.from, o.to].filter(Boolean).join(' → ') : '' }))),
    '无人工操作记录');
  }

  function notices(list) {
    return table(['时间', '类型', '标题', '渠道', '状态', '内容'], list.map(n => el('tr', {},
      el('td', { text: time(n.createdAt) }), el('td', { text: n.type }), el('td', { text: n.subject }),
      el('td', { text: n.channel + ' ' + n.recipient }), el('td', { text: n.status }),
      el('td', {}, el('pre', { class: 'body', text: n.body })))), '未送达通知');
  }

  function licences(list) {
    return table(['证照编号', '名称', '状态', '核发时间', '有效期至', '状态原因'], list.map(l => el('tr', {},
      el('td', { text: l.number }), el('td', { text: l.title }), el('td', { text: l.status }),
      el('td', { text: time(l.issuedAt) }), el('td', { text: l.validUntil || '长期' }),
      el('td', { text: l.statusReason || '' }))), '未核发证照');
  }

  function subCases(list) {
    return table(['案件编号', '流程', '开始', '结束', '状态'], list.map(c => el('tr', {},
      el('td', {}, c.caseNumber ? el('a', { href: 'case.html?n=' + encodeURIComponent(c.caseNumber), text: c.caseNumber })
        : el('span', { text: c.processInstanceId })),
      el('td', { text: c.reform }), el('td', { text: time(c.startedAt) }), el('td', { text: time(c.endedAt) }),
      el('td', { text: c.state }))), '无');
  }

  function variables(list) {
    return table(['时间', '变量', '类型', '值', '环节'], list.map(v => el('tr', {},
      el('td', { text: time(v.time) }), el('td', { text: v.name }), el('td', { text: v.type || '' }),
      el('td', {}, el('pre', { class: 'body', text: v.value })), el('td', { text: v.step || '' }))));
  }

  async function diagram() {
    const container = document.getElementById('diagram');
    const d = await api('/api/audit/cases/' + encodeURIComponent(caseNumber) + '/diagram');
    if (typeof BpmnJS === 'undefined') throw new Error('流程图组件未加载');
    const viewer = new BpmnJS({ container });
    await viewer.importXML(d.xml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const mark = (ids, cls) => ids.filter(id => registry.get(id)).forEach(id => canvas.addMarker(id, cls));
    mark(d.completed, 'audit-done');
    mark(d.active, 'audit-active');
    mark(d.overdue, 'audit-overdue');
    mark(d.flows, 'audit-flow');
    canvas.zoom('fit-viewport');
    container.setAttribute('data-state', 'ready');
    container.setAttribute('data-highlighted', String(d.completed.length + d.active.length + d.flows.length));
  }

  (async () => {
    try {
      await header('case');
      document.getElementById('export').setAttribute('href',
        '/api/audit/cases/' + encodeURIComponent(caseNumber) + '/trail.csv');
      const t = await api('/api/audit/cases/' + encodeURIComponent(caseNumber) + '/trail');
      document.title = t.header.caseNumber + ' · 审计轨迹';
      document.getElementById('title').textContent = '案件 ' + t.header.caseNumber;
      document.getElementById('facts').replaceChildren(...facts(t.header));
      document.getElementById('steps').replaceChildren(steps(t.steps));
      document.getElementById('operations').replaceChildren(operations(t.operations));
      document.getElementById('notices').replaceChildren(notices(t.notices));
      document.getElementById('licences').replaceChildren(licences(t.licences));
      document.getElementById('subcases').replaceChildren(subCases(t.subCases));
      document.getElementById('variables').replaceChildren(variables(t.variableChanges));
      await diagram();
    } catch (e) {
      showError(document.getElementById('error'), e);
      document.getElementById('diagram').setAttribute('data-state', 'error');
    }
  })();
})();
