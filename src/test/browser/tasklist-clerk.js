// Browser test of the clerks' Tasklist (issue 6): a window clerk logs in (zh-CN), opens 本部门待办, finds a 容缺受理
// case by its case number, claims 窗口核验材料, checks the form and completes it; the reviewing department's clerk
// then sees 部门审查并决定 for that case in 本部门待办, and a clerk of another department does not.
// Run by TasklistBrowserTest (JUnit) against the application on a random port; standalone:
//   BASE_URL=http://localhost:8080 CASE_NUMBER=GX-2026-000001 node tasklist-clerk.js
// Screenshots: one per step that a person would look at, and one of every open page when a step fails.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const BASE = process.env.BASE_URL || 'http://localhost:8080';
const CASE = process.env.CASE_NUMBER;
const PASSWORD = process.env.CLERK_PASSWORD || 'demo';
const SHOTS = process.env.SCREENSHOT_DIR || path.join(__dirname, '..', '..', '..', 'target', 'browser-screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT = { timeout: 30000 };

function check(condition, message) {
  if (!condition) throw new Error('检查失败: ' + message);
  console.log('ok - ' + message);
}

const pages = new Map(); // user -> page, for the failure screenshots

/** A clerk's own browser session (own cookies and stored searches), in Chinese as a clerk in the service hall has it. */
async function logIn(browser, user) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' }, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  pages.set(user, page);
  page.on('pageerror', e => console.log('[' + user + '] 页面脚本错误: ' + e.message));
  const username = page.locator('input[ng-model=username]');
  // Tasklist loads its plugins with RequireJS, which gives up after a few seconds on a cold, busy server and leaves
  // an empty page: open it again then (a person would press reload)
  for (let attempt = 1; ; attempt++) {
    await page.goto(BASE + '/camunda/app/tasklist/');
    try {
      await username.waitFor(WAIT);
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      console.log(user + ': 任务列表未加载完成, 重新打开 (第 ' + attempt + ' 次)');
    }
  }
  check(await username.getAttribute('placeholder') === '用户名', user + ': 登录页为中文 (用户名)');
  check(await page.locator('input[ng-model=password]').getAttribute('placeholder') === '密码', user + ': 登录页为中文 (密码)');
  check((await page.locator('button[type=submit]').innerText()).trim() === '登录', user + ': 登录按钮为中文');
  await username.fill(user);
  await page.fill('input[ng-model=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.locator('.task-filter', { hasText: '本部门待办' }).waitFor(WAIT);
  check(await page.locator('.task-filter', { hasText: '我的待办' }).count() === 1, user + ': 已登录, 看到工作队列');
  return page;
}

/** Opens 本部门待办 and narrows it to the case, with Tasklist's own search (案件编号); returns the case's task items. */
async function departmentQueueFor(page, caseNumber) {
  await page.locator('.task-filter h4.name a', { hasText: '本部门待办' }).click();
  await page.locator('.task-filter.active', { hasText: '本部门待办' }).waitFor(WAIT);
  await page.click('input[placeholder="过滤任务"]');
  const byCaseNumber = page.locator('ul.dropdown-menu li a[title="案件编号"]');
  await byCaseNumber.waitFor(WAIT);
  await byCaseNumber.click();
  const value = page.locator('input[ng-model="formData.editValue"]');
  await value.waitFor(WAIT);
  await value.fill(caseNumber);
  await value.press('Enter');
  await page.waitForFunction(c => decodeURIComponent(location.href).includes('"value":"' + c + '"'), caseNumber, WAIT);
  // the list shows either the case's tasks or the "nothing found" note once the search has run
  await page.locator('li.task', { hasText: caseNumber }).or(page.locator('text=未找到符合过滤条件的任务')).first()
    .waitFor(WAIT);
  return page.locator('li.task', { hasText: caseNumber });
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

(async () => {
  if (!CASE) throw new Error('CASE_NUMBER 未设置');
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'] });
  try {
    // 1. the window clerk verifies the materials of the 容缺 case
    const window1 = await logIn(browser, 'window1');
    check((await window1.title()).includes('任务列表') || (await window1.textContent('body')).includes('任务列表'),
      'window1: 页头为中文 (任务列表)');
    const windowTasks = await departmentQueueFor(window1, CASE);
    check(await windowTasks.count() === 1, 'window1: 本部门待办中按案件编号找到 1 个任务');
    check((await windowTasks.first().innerText()).includes('窗口核验材料'), 'window1: 任务为 窗口核验材料');
    await windowTasks.first().locator('h4.task a').click();
    const claim = window1.locator('button.claim');
    await claim.waitFor(WAIT);
    await claim.click();
    const complete = window1.locator('button[ng-click="complete()"]');
    await complete.waitFor(WAIT);
    await window1.locator('.fjs-form').waitFor(WAIT);
    const form = window1.locator('.fjs-form');
    check((await form.innerText()).includes('核验申请材料'), 'window1: 认领后显示中文表单');
    const submitted = form.locator('.fjs-form-field', { hasText: '已提交的材料' }).locator('input[type=checkbox]');
    const ticked = [];
    for (let i = 0; i < await submitted.count(); i++) {
      if (await submitted.nth(i).isChecked()) ticked.push(i);
    }
    check(ticked.length === 3, 'window1: 申请时提交的 3 项核心要件已勾选 (' + ticked.length + ')');
    const commitment = form.locator('.fjs-form-field', { hasText: '申请人已签署容缺承诺书' }).locator('input[type=checkbox]');
    if (!await commitment.isChecked()) {
      await commitment.check();
    }
    check(await commitment.isChecked(), 'window1: 已确认申请人签署容缺承诺书');
    await shot(window1, 'tasklist-window-form.png');
    const [completion] = await Promise.all([
      window1.waitForResponse(r => r.request().method() === 'POST'
        && /\/task\/[^/]+\/(submit-form|complete)$/.test(new URL(r.url()).pathname), WAIT),
      complete.click()]);
    check(completion.ok(), 'window1: 表单已提交, 任务完成 (HTTP ' + completion.status() + ')');
    await window1.locator('text=请在列表中选择一个任务').waitFor(WAIT);
    await window1.locator('text=未找到符合过滤条件的任务').waitFor(WAIT);
    check(await windowTasks.count() === 0, 'window1: 本部门待办中不再有该案件的任务');

    // 2. the reviewing department (市场监管) sees the next task
    const market1 = await logIn(browser, 'market1');
    const marketTasks = await departmentQueueFor(market1, CASE);
    check(await marketTasks.count() === 1, 'market1: 本部门待办中有该案件的任务');
    check((await marketTasks.first().innerText()).includes('部门审查并决定'), 'market1: 任务为 部门审查并决定');
    check((await marketTasks.first().innerText()).includes('到期'), 'market1: 任务显示到期日');

    // 3. another department (卫健) does not
    const health1 = await logIn(browser, 'health1');
    const healthTasks = await departmentQueueFor(health1, CASE);
    check(await healthTasks.count() === 0, 'health1: 本部门待办中看不到该案件');
    await shot(health1, 'tasklist-other-department.png');

    await marketTasks.first().locator('h4.task a').click();
    await market1.locator('button.claim').waitFor(WAIT);
    await market1.locator('.fjs-form', { hasText: '审查意见' }).waitFor(WAIT);
    check((await market1.locator('.fjs-form').innerText()).includes('退回补正'), 'market1: 审查表单可选 准予 / 不予 / 退回补正');
    check((await market1.textContent('body')).includes('容缺受理'), 'market1: 任务详情显示所属流程 容缺受理');
    await shot(market1, 'tasklist-clerk.png');
  } catch (e) {
    for (const [user, page] of pages) {
      try {
        await page.screenshot({ path: path.join(SHOTS, 'tasklist-failure-' + user + '.png'), fullPage: true });
        fs.writeFileSync(path.join(SHOTS, 'tasklist-failure-' + user + '.html'), await page.content());
      } catch (ignored) {
        // the page may be gone with the browser; the error below says what failed
      }
    }
    throw e;
  } finally {
    await browser.close();
  }
  console.log('browser test passed; screenshots in ' + SHOTS);
})().catch(e => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
