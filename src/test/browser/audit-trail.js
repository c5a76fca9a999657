// Browser test of the auditors' pages (issue 7): an auditor logs in, finds a case by its number, opens its audit
// trail and sees the BPMN diagram with the path the case took highlighted. Screenshots are kept.
// Run by AuditBrowserTest (JUnit) against the application on a random port; standalone:
//   BASE_URL=http://localhost:8080 CASE_NUMBER=GX-2026-000001 node audit-trail.js
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const BASE = process.env.BASE_URL || 'http://localhost:8080';
const CASE = process.env.CASE_NUMBER;
const USER = process.env.AUDIT_USER || 'auditor1';
const PASSWORD = process.env.AUDIT_PASSWORD || 'demo';
const SHOTS = process.env.SCREENSHOT_DIR || path.join(__dirname, '..', '..', '..', 'target', 'browser-screenshots');
const HOSTILE = process.env.HOSTILE_TEXT || '';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

function check(condition, message) {
  if (!condition) throw new Error('检查失败: ' + message);
  console.log('ok - ' + message);
}

(async () => {
  if (!CASE) throw new Error('CASE_NUMBER 未设置');
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'] });
  const problems = [];
  try {
    const page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
      viewport: { width: 1500, height: 1100 } });
    page.on('dialog', async d => { problems.push('页面弹出了对话框 (脚本被注入?): ' + d.message()); await d.dismiss(); });
    page.on('pageerror', e => problems.push('页面脚本错误: ' + e.message));

    await page.goto(BASE + '/audit/');
    await page.waitForSelector('#username', { timeout: 20000 });
    check(page.url().endsWith('/audit/login'), '未登录时转到登录页');
    check((await page.textContent('h2')).includes('审计查询'), '登录页为中文');
    await page.fill('#username', USER);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/audit\/(\?.*)?$/), page.click('button[type=submit]')]);
    await page.waitForSelector('#case-table, #results p', { timeout: 20000 });
    check((await page.textContent('header.top')).includes(USER), '已登录, 页头显示审计人员');

    await page.fill('#caseNumber', CASE);
    await Promise.all([
      page.waitForResponse(r => r.url().includes('/api/audit/cases?') && r.url().includes('caseNumber='), { timeout: 20000 }),
      page.click('#search')]);
    await page.waitForFunction(() => document.getElementById('summary').textContent === '共 1 件', null,
      { timeout: 20000 });
    const link = page.locator('a.case-link', { hasText: CASE });
    await link.waitFor({ timeout: 20000 });
    check(await page.locator('#case-table tbody tr').count() === 1, '按案件编号查到 1 件');
    if (HOSTILE) {
      check((await page.textContent('#case-table')).includes(HOSTILE), '查询结果中的申请人名称 (HTML/脚本/公式) 按原文显示');
      check(await page.locator('#case-table img, #case-table script').count() === 0, '查询结果中没有注入的元素');
      check(await page.evaluate(() => window.__xss === undefined), '查询页注入的脚本没有执行');
    }
    await page.screenshot({ path: path.join(SHOTS, 'audit-search.png'), fullPage: true });

    await Promise.all([page.waitForURL(/case\.html\?n=/), link.click()]);
    await page.waitForSelector('#diagram[data-state=ready], #diagram[data-state=error]', { timeout: 30000 });
    check(await page.getAttribute('#diagram', 'data-state') === 'ready', '流程图已显示');
    const done = await page.locator('#diagram .djs-element.audit-done').count();
    const flows = await page.locator('#diagram .djs-element.audit-flow').count();
    check(done >= 5, '已办理的环节在流程图中高亮 (' + done + ' 个)');
    check(flows >= 5, '经过的连线在流程图中高亮 (' + flows + ' 条)');
    const stroke = await page.locator('#diagram .djs-element.audit-flow .djs-visual > path').first()
      .evaluate(el => getComputedStyle(el).stroke);
    check(stroke === 'rgb(26, 127, 55)', '高亮连线为绿色 (' + stroke + ')');
    const steps = await page.textContent('#steps');
    check(steps.includes('窗口核验材料') && steps.includes('部门审查并决定'), '办理环节列出人工环节');
    check((await page.textContent('#title')).includes(CASE), '轨迹页显示案件编号');
    if (HOSTILE) {
      check((await page.textContent('#facts')).includes(HOSTILE), '申请人名称中的 HTML 按原文显示, 未被执行');
      check(await page.evaluate(() => window.__xss === undefined), '注入的脚本没有执行');
      check(await page.locator('#facts img, #facts script').count() === 0, '轨迹页没有注入的元素');
    }
    await page.locator('#diagram').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'audit-trail.png'), fullPage: true });

    await page.goto(BASE + '/audit/scorecard.html');
    await page.waitForSelector('#scorecard-table', { timeout: 20000 });
    check((await page.textContent('#scorecard-table')).includes('容缺受理'), '改革成效页列出容缺受理');
    await page.screenshot({ path: path.join(SHOTS, 'audit-scorecard.png'), fullPage: true });
    check(problems.length === 0, '页面无脚本错误或对话框' + (problems.length ? ': ' + problems.join('; ') : ''));
  } finally {
    await browser.close();
  }
  console.log('browser test passed; screenshots in ' + SHOTS);
})().catch(e => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
