#!/usr/bin/env node
// Open Superset dashboards in headless Chromium, log in as a user would, screenshot each and report chart errors.
//   node check-superset.mjs <spec.json>
// spec.json: {"url": "http://127.0.0.1:8088", "user": "admin", "password": "...", "chromium": "/usr/bin/chromium",
//             "screenshotDir": "...", "shots": [{"name": "biopharma_cmo_cro", "path": "/superset/dashboard/p/<key>/",
//                                               "texts": ["76.18"],
//                                               "absent": ["76.17600000000001"]}]}
// Prints one JSON line per shot (prefix "SHOT "): charts (number of chart holders), rendered (charts drawn: an
// SVG/canvas or a table), errors (texts of error alerts in charts), missingTexts (texts not on the page),
// presentAbsent (absent texts found on the page, e.g. a float with its noise), and
// a last line "DONE <n>". Requests that leave 127.0.0.1 are blocked. The pass/fail decision is the caller's
// (tests/test_superset.py); exit code 2 = could not run at all (e.g. the login failed).
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const shotDir = path.resolve(spec.screenshotDir);
mkdirSync(shotDir, { recursive: true });
const origin = new URL(spec.url).origin;

const browser = await chromium.launch({
	executablePath: spec.chromium ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
	const context = await browser.newContext({ viewport: { width: 1600, height: 1400 } });
	await context.route('**/*', (route) => {
		const url = new URL(route.request().url());
		return url.origin === origin || url.protocol === 'data:' || url.protocol === 'blob:' ? route.continue() : route.abort();
	});
	const page = await context.newPage();
	await page.goto(`${origin}/login/`, { waitUntil: 'networkidle' });
	// the login form is drawn by React after the page has loaded
	await page.waitForSelector('[data-test="password-input"]', { timeout: 60000 });
	await page.locator('[data-test="username-input"]').fill(spec.user);
	await page.locator('[data-test="password-input"]').fill(spec.password);
	await Promise.all([
		page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 60000 }),
		page.locator('[data-test="login-button"]').click(),
	]).catch(async (error) => {
		console.error(`login failed: ${error.message}`);
		await page.screenshot({ path: path.join(shotDir, 'login-failed.png') });
		process.exit(2);
	});
	for (const shot of spec.shots) {
		await page.goto(`${origin}${shot.path}`, { waitUntil: 'networkidle', timeout: 120000 });
		await page.waitForSelector('.chart-holder, [data-test="chart-grid-component"]', { timeout: 120000 });
		// settled: no chart still loading (Superset shows a spinner with the loading image inside chart holders)
		await page
			.waitForFunction(() => document.querySelectorAll('[data-test="loading-indicator"], .loading').length === 0, null, {
				timeout: 120000,
			})
			.catch(() => {});
		await page.waitForTimeout(1500); // ECharts animation
		const report = await page.evaluate(([texts, absent]) => {
			const holders = [...document.querySelectorAll('[data-test="chart-grid-component"]')];
			const rendered = holders.filter((h) => h.querySelector('svg, canvas, table')).length;
			const errors = [
				...document.querySelectorAll(
					'[data-test="chart-grid-component"] .alert-danger, [data-test="chart-grid-component"] [role="alert"], [data-test="chart-grid-component"] [data-test="error-tooltip"]',
				),
			]
				.map((e) => e.innerText.trim())
				.filter(Boolean);
			const body = document.body.innerText;
			return {
				charts: holders.length,
				rendered,
				errors,
				missingTexts: texts.filter((t) => !body.includes(t)),
				presentAbsent: absent.filter((t) => body.includes(t)),
				title: document.title,
			};
		}, [shot.texts ?? [], shot.absent ?? []]);
		const file = path.join(shotDir, `${shot.name}.png`);
		await page.screenshot({ path: file, fullPage: true });
		console.log('SHOT ' + JSON.stringify({ name: shot.name, file, ...report }));
	}
	console.log(`DONE ${spec.shots.length}`);
} finally {
	await browser.close();
}
