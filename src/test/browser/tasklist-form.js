// Browser test of Tasklist with hostile case data (issue 9): a window clerk logs in to Tasklist, opens the task of a
// case whose applicant name is HTML/script, and the name shows as text (in the task list and the Camunda Form) and
// never runs. Run by AuditBrowserTest; standalone:
//   BASE_URL=http://localhost:8080 TASK_ID=… HOSTILE_TEXT='<img src=x onerror=…>' node tasklist-form.js
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const BASE = process.env.BASE_URL || 'http://localhost:8080';
const TASK = process.env.TASK_ID;
const USER = process.env.TASKLIST_USER || 'window1';
const PASSWORD = process.env.TASKLIST_PASSWORD || 'demo';
const SHOTS = process.env.SCREENSHOT_DIR || path.join(__dirname, '..', '..', '..', 'target', 'browser-screenshots');
const HOSTILE = process.env.HOSTILE_TEXT;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

function check(condition, message) {
  if (!condition) throw new Error('检查失败: ' + message);
  console.log('ok - ' + message);
}

(async () => {
  if (!TASK || !HOSTILE) throw new Error('TASK_ID 和 HOSTILE_TEXT 必须设置');
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'] });
  const dialogs = [];
  try {
    const page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
      viewport: { width: 1500, height: 1000 } });
    page.on('dialog', async d => { dialogs.push(d.message()); await d.dismiss(); });

    await page.goto(BASE + '/camunda/app/tasklist/default/');
    await page.waitForSelector('input[ng-model="username"]', { timeout: 30000 });
    await page.fill('input[ng-model="username"]', USER);
    await page.fill('input[ng-model="password"]', PASSWORD);
    await page.click('button.btn-primary');
    await page.waitForSelector('input[ng-model="username"]', { state: 'detached', timeout: 30000 });

    await page.goto(BASE + '/camunda/app/tasklist/default/#/?task=' + TASK);
    await page.waitForFunction(text => Array.from(document.querySelectorAll('input, textarea'))
      .some(i => i.value === text), HOSTILE, { timeout: 30000 });
    check(true, 'Tasklist 表单中申请人名称按原文显示在输入框里');
    check(await page.evaluate(() => window.__xss === undefined), '打开表单时注入的脚本没有执行');
    await page.screenshot({ path: path.join(SHOTS, 'tasklist-form.png'), fullPage: true });
    // the department's queue lists the case with its applicant (a column of the work queue)
    await page.click('text=本部门待办');
    await page.waitForFunction(text => document.body.innerText.includes(text), HOSTILE, { timeout: 30000 });
    check(true, '本部门待办列表以文字显示申请人名称');
    check(await page.evaluate(() => window.__xss === undefined), '注入的脚本没有执行');
    check(await page.locator('img[src="x"], svg[onload]').count() === 0, '页面中没有注入的元素');
    await page.screenshot({ path: path.join(SHOTS, 'tasklist-queue.png'), fullPage: true });
    check(dialogs.length === 0, '没有弹出对话框' + (dialogs.length ? ': ' + dialogs.join('; ') : ''));
  } catch (e) {
    const pages = browser.contexts().flatMap(c => c.pages());
    if (pages.length) {
      await pages[0].screenshot({ path: path.join(SHOTS, 'tasklist-form-failed.png'), fullPage: true });
      console.error('页面地址: ' + pages[0].url());
    }
    throw e;
  } finally {
    await browser.close();
  }
  console.log('tasklist browser test passed; screenshot in ' + SHOTS);
})().catch(e => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
