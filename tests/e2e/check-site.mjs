#!/usr/bin/env node
// Open every page of a built Evidence site in headless Chromium and report what rendered.
//   node check-site.mjs <spec.json>
// spec.json: {"buildDir": "...", "screenshotDir": "...", "chromium": "/usr/bin/chromium",
//             "pages": [{"path": "/markets/m1/regions", "title": "Regional shares", "minCharts": 1,
//                        "texts": ["56.59"],            // must be on the page (visible text)
//                        "forbidden": ["m2", "12.34"],  // must not be on it as a token (visible or hidden text)
//                        "forbiddenPaths": ["/markets/m2"], // no link to these paths or below them
//                        "requiredLinks": ["/markets/m1/regions"]}]}  // links the page must have
// Serves buildDir with `python3 -m http.server` on 127.0.0.1 (a free port), blocks every request that
// leaves 127.0.0.1, and prints one JSON line per page (prefix "PAGE ") and a last line "DONE <n>".
// The pass/fail decision is the caller's (tests/test_report_site.py); exit code 2 = could not run at all.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const buildDir = path.resolve(spec.buildDir);
const shotDir = path.resolve(spec.screenshotDir);
const CHROMIUM = spec.chromium ?? '/usr/bin/chromium';
const MIN_W = 200;
const MIN_H = 150;

// A token is found only where it is not part of a longer word or number: "m1" is not in "m10",
// "12.34" is not in "112.34" nor in "12.345".
function tokenRegex(token) {
	const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\w.,-])${escaped}(?![\\w-]|[.,]\\d)`);
}

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

async function waitForServer(url, ms = 20000) {
	const t0 = Date.now();
	while (Date.now() - t0 < ms) {
		try {
			const r = await fetch(url);
			if (r.ok) return;
		} catch {}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server did not come up at ${url}`);
}

if (!existsSync(path.join(buildDir, 'index.html'))) {
	console.error(`no index.html in ${buildDir}`);
	process.exit(2);
}
mkdirSync(shotDir, { recursive: true });

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', buildDir], {
	stdio: ['ignore', 'ignore', 'ignore']
});
const userDataDir = mkdtempSync(path.join(tmpdir(), 'report-chromium-'));
let context;
let fatal = null;
const external = [];
let done = 0;
const linkStatus = new Map(); // href -> HTTP status, checked once for the whole site
try {
	await waitForServer(`${origin}/`);
	context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1400, height: 1000 },
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	// The site must need nothing but its own origin.
	await context.route('**/*', (route) => {
		const u = new URL(route.request().url());
		if (u.hostname === '127.0.0.1' || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
		external.push(route.request().url());
		return route.abort();
	});

	for (const p of spec.pages) {
		const page = await context.newPage();
		const consoleErrors = [];
		const failedRequests = [];
		let aborted = 0; // fetches Evidence cancels itself (it re-issues some prerendered query fetches)
		page.on('console', (m) => {
			if (m.type() === 'error') consoleErrors.push(m.text());
		});
		page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
		page.on('requestfailed', (r) => {
			const err = r.failure()?.errorText ?? '';
			if (err === 'net::ERR_ABORTED' && r.url().startsWith(origin)) aborted++;
			else failedRequests.push(`${r.url()} ${err}`);
		});
		page.on('response', (r) => {
			if (r.status() >= 400) failedRequests.push(`${r.url()} HTTP ${r.status()}`);
		});
		const result = { path: p.path, status: null, charts: [], missingTexts: [], title: null, consoleErrors, failedRequests };
		const t0 = Date.now();
		try {
			const resp = await page.goto(`${origin}${p.path}`, { waitUntil: 'load', timeout: 90000 });
			result.status = resp?.status() ?? null;
			try {
				await page.waitForFunction(
					([n, w, h]) =>
						[...document.querySelectorAll('canvas, svg')].filter((el) => {
							const r = el.getBoundingClientRect();
							return r.width >= w && r.height >= h;
						}).length >= n,
					[p.minCharts ?? 1, MIN_W, MIN_H],
					{ timeout: 45000 }
				);
			} catch {}
			// Give the text a chance to arrive (Value / BigValue fill in after the queries resolve).
			try {
				await page.waitForFunction((texts) => texts.every((t) => document.body.innerText.includes(t)), p.texts ?? [], {
					timeout: 30000
				});
			} catch {}
			await page.waitForTimeout(500);
			result.charts = await page.$$eval(
				'canvas, svg',
				(els, [w, h]) =>
					els
						.map((el) => {
							const r = el.getBoundingClientRect();
							return { tag: el.tagName.toLowerCase(), w: Math.round(r.width), h: Math.round(r.height) };
						})
						.filter((c) => c.w >= w && c.h >= h),
				[MIN_W, MIN_H]
			);
			const body = await page.innerText('body');
			result.missingTexts = (p.texts ?? []).filter((t) => !body.includes(t));
			result.title = await page.title();
			result.titleFound = p.title ? body.includes(p.title) : true;
			result.errorText = body.match(/(^|\n)[^\n]*\bError\b[^\n]{0,160}/)?.[0]?.trim() ?? null;
			// Everything the page holds as text, also in collapsed parts (Details), without scripts and styles.
			const allText = await page.evaluate(() => {
				const clone = document.body.cloneNode(true);
				clone.querySelectorAll('script, style, noscript, template').forEach((el) => el.remove());
				return `${document.body.innerText}\n${clone.textContent}`;
			});
			result.forbiddenFound = (p.forbidden ?? []).filter((t) => tokenRegex(t).test(allText));
			const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
			const links = [...new Set(hrefs.filter((h) => h.startsWith(origin)).map((h) => h.split('#')[0]))];
			const pathOf = (h) => new URL(h).pathname.replace(/\/+$/, '') || '/';
			const paths = new Set(links.map(pathOf));
			result.missingLinks = (p.requiredLinks ?? []).filter((l) => !paths.has(l.replace(/\/+$/, '') || '/'));
			result.forbiddenLinks = [...paths].filter((l) =>
				(p.forbiddenPaths ?? []).some((f) => l === f || l.startsWith(`${f}/`))
			);
			result.brokenLinks = [];
			for (const l of links) {
				if (!linkStatus.has(l)) linkStatus.set(l, (await page.request.get(l)).status());
				if (linkStatus.get(l) !== 200) result.brokenLinks.push(`${l} -> HTTP ${linkStatus.get(l)}`);
			}
			result.nLinks = links.length;
			const name = p.path.replace(/\//g, '_').replace(/^_|_$/g, '') || 'index';
			result.screenshot = path.join(shotDir, `${name}.png`);
			await page.screenshot({ path: result.screenshot, fullPage: true });
		} catch (e) {
			result.exception = e.message.split('\n')[0];
		}
		result.aborted = aborted;
		result.seconds = Math.round((Date.now() - t0) / 100) / 10;
		console.log(`PAGE ${JSON.stringify(result)}`);
		done++;
		await page.close();
	}
} catch (e) {
	fatal = e.message;
	console.error(e);
} finally {
	await context?.close().catch(() => {});
	server.kill('SIGTERM');
	rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`EXTERNAL ${JSON.stringify([...new Set(external)])}`);
console.log(`DONE ${done}`);
process.exit(fatal ? 2 : 0);
