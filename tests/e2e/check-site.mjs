#!/usr/bin/env node
// Open every page of a built Evidence site in headless Chromium and report what rendered.
//   node check-site.mjs <spec.json>
// spec.json: {"buildDir": "...", "screenshotDir": "...", "chromium": "/usr/bin/chromium",
//             "viewportWidth": 1280,                      // the width every page is checked (and shot) at
//             "concurrency": 2,                           // pages checked at once, each in its own tab
//             "allowedTokens": ["m1", "m2"],              // snake_case words that are not auto-generated labels
//             "pages": [{"path": "/markets/m1/regions", "title": "Regional shares", "minCharts": 1,
//                        "texts": ["56.59"],            // must be on the page (visible text)
//                        "tableTexts": ["extrapolated"],  // must be in a table cell
//                        "forbidden": ["m2", "12.34"],  // must not be on it as a token (visible or hidden text)
//                        "emptyMessages": ["No regional forecast"], // empty-state texts that must not show
//                        "forbiddenPaths": ["/markets/m2"], // no link to these paths or below them
//                        "requiredLinks": ["/markets/m1/regions"],  // links the page must have
//                        "documentTitle": "Market one",  // text document.title must contain
//                        "idTokens": ["m1", "m2"],       // market ids that must not show as visible text
//                                                        // outside links and (closed) Details sections
//                        "jargon": ["\\bexpectations?\\b"], // regexes (case-insensitive) for the same text
//                        "narrowWidth": 390,              // also shoot the page at this width
//                        "maxScrollWidth": 390,           // document scrollWidth allowed at narrowWidth
//                        "ownCrumbs": true}]}             // Evidence's breadcrumb hidden (the page has its own)
// Serves buildDir with `python3 -m http.server` on 127.0.0.1 (a free port), blocks every request that
// leaves 127.0.0.1, and prints one JSON line per page (prefix "PAGE ") and a last line "DONE <n>".
// Per page it also reports, after the page has settled and every Details section has been opened:
//   tableOverflow  header cells of a table whose right edge is beyond the viewport or beyond the table's
//                  scroll box (a column a reader at viewportWidth cannot see without scrolling);
//   autoLabels     chart legend/axis texts (SVG), table headers and BigValue titles that look generated
//                  from a column name: snake_case (not in allowedTokens), "Usd Bn", "P10 P25";
//   loadingLeft    "Loading" still on the page; emptyFound: emptyMessages on the page;
//   canvasCharts   charts drawn on a canvas (their legends cannot be read; every chart is SVG);
//   missingTableTexts: tableTexts in no table cell;
//   emptyBoxes     Evidence's empty-state boxes (dashed borders) and tables without a row: a section with no
//                  data must be one sentence instead;
//   visibleIds / jargonFound: idTokens / jargon in the visible text outside links and closed Details;
//   answerLine     the text of the element #answer-line (the overview's answer), if any;
//   evidenceCrumbs the visible text of Evidence's own breadcrumb ('' when hidden);
//   screenshotNarrow, scrollWidthNarrow: the page at narrowWidth (fullPage screenshot, document scrollWidth).
// The pass/fail decision is the caller's (tests/test_report_site.py); exit code 2 = could not run at all.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';

// Resolves once the page's DOM has not changed for quietMs (charts drawn and animated, opened sections
// filled in), or after maxMs: a fixed pause waits too long on a simple page and too short on a busy one.
function settled(page, quietMs = 300, maxMs = 5000) {
	return page.evaluate(
		([quiet, max]) =>
			new Promise((resolve) => {
				let timer;
				const finish = () => {
					observer.disconnect();
					clearTimeout(timer);
					clearTimeout(deadline);
					resolve();
				};
				const observer = new MutationObserver(() => {
					clearTimeout(timer);
					timer = setTimeout(finish, quiet);
				});
				const deadline = setTimeout(finish, max);
				observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
				timer = setTimeout(finish, quiet);
			}),
		[quietMs, maxMs]
	);
}

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const buildDir = path.resolve(spec.buildDir);
const shotDir = path.resolve(spec.screenshotDir);
const CHROMIUM = spec.chromium ?? '/usr/bin/chromium';
const MIN_W = 200;
const MIN_H = 150;
const VIEWPORT_W = spec.viewportWidth ?? 1280;
const CONCURRENCY = spec.concurrency ?? 2;
const ALLOWED = new Set(spec.allowedTokens ?? []);
const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
const GENERATED = [/\bUsd Bn\b/, /\bP\d+ P\d+\b/, /\b[A-Z][a-z]+ (?:Usd|Pct|Id|Bn)\b/];

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

// One page in a tab of its own: open, wait, check, shoot; prints its PAGE line.
async function checkPage(p) {
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
		// Let the last queries resolve: nothing may say "Loading" once the page has settled.
		try {
			await page.waitForFunction(() => !/\bLoading\b/.test(document.body.innerText), null, { timeout: 20000 });
		} catch {}
		// Everything the page holds as text (Details still closed, as a reader first sees the page), without
		// scripts and styles: no other market's id, figures or sources.
		const allText = await page.evaluate(() => {
			const clone = document.body.cloneNode(true);
			clone.querySelectorAll('script, style, noscript, template').forEach((el) => el.remove());
			return `${document.body.innerText}\n${clone.textContent}`;
		});
		result.forbiddenFound = (p.forbidden ?? []).filter((t) => tokenRegex(t).test(allText));
		// The text a reader sees before opening anything, without links (ids in URLs are fine there).
		const readerText = await page.evaluate(() => {
			const root = document.querySelector('#evidence-main-article') ?? document.body;
			const clone = root.cloneNode(true);
			clone.querySelectorAll('script, style, noscript, template, a').forEach((el) => el.remove());
			return clone.textContent;
		});
		result.visibleIds = (p.idTokens ?? []).filter((t) => tokenRegex(t).test(readerText));
		result.jargonFound = (p.jargon ?? []).flatMap((re) => readerText.match(new RegExp(`[^\\n]{0,40}${re}[^\\n]{0,40}`, 'i')) ?? []);
		// Open every Details section, so that the tables in them are checked (and shot) too.
		const toggles = await page.$$('button:has(> span.marker)');
		for (const t of toggles) {
			try {
				await t.click();
			} catch {}
		}
		await settled(page);
		try {
			await page.waitForFunction(() => !/\bLoading\b/.test(document.body.innerText), null, { timeout: 15000 });
		} catch {}
		result.nDetailsOpened = toggles.length;
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
		result.loadingLeft = (body.match(/[^\n]{0,60}\bLoading\b[^\n]{0,60}/g) ?? []).slice(0, 5);
		result.emptyFound = (p.emptyMessages ?? []).filter((t) => body.includes(t));
		const layout = await page.evaluate(() => {
			const over = [];
			let nHeaders = 0;
			for (const th of document.querySelectorAll('table th')) {
				const r = th.getBoundingClientRect();
				if (r.width === 0 || r.height === 0) continue;
				nHeaders++;
				let el = th.parentElement;
				let clip = null;
				while (el && el !== document.body) {
					if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX)) {
						clip = el.getBoundingClientRect();
						break;
					}
					el = el.parentElement;
				}
				const limit = Math.min(document.documentElement.clientWidth, clip ? clip.right : Infinity);
				if (r.right > limit + 1) over.push(`"${th.innerText.trim()}" ends at ${Math.round(r.right)} px > ${Math.round(limit)} px`);
			}
			const labels = [
				...[...document.querySelectorAll('svg text')].map((t) => t.textContent),
				...[...document.querySelectorAll('table th')].map((t) => t.innerText),
				...[...document.querySelectorAll('p.text-sm.leading-none')].map((e) => e.innerText) // BigValue titles
			].map((t) => (t ?? '').trim()).filter(Boolean);
			const cells = [...document.querySelectorAll('table td')].map((td) => td.innerText);
			const canvases = [...document.querySelectorAll('canvas')].filter((c) => {
				const r = c.getBoundingClientRect();
				return r.width >= 200 && r.height >= 150;
			}).length;
			return { over, nHeaders, labels: [...new Set(labels)], cells, canvases };
		});
		result.tableOverflow = layout.over;
		result.nTableHeaders = layout.nHeaders;
		result.canvasCharts = layout.canvases;
		result.autoLabels = layout.labels.filter(
			(t) => GENERATED.some((re) => re.test(t)) || (t.match(SNAKE) ?? []).some((w) => !ALLOWED.has(w))
		);
		result.missingTableTexts = (p.tableTexts ?? []).filter((t) => !layout.cells.some((c) => c.includes(t)));
		result.emptyBoxes = await page.evaluate(() => {
			const root = document.querySelector('#evidence-main-article') ?? document.body;
			const boxes = [...root.querySelectorAll('.border-dashed')]
				.filter((el) => el.getBoundingClientRect().height > 0 && el.innerText.trim())
				.map((el) => `empty box: ${el.innerText.trim().slice(0, 80)}`);
			const tables = [...root.querySelectorAll('table')]
				.filter((t) => t.getBoundingClientRect().height > 0 && t.querySelectorAll('td').length === 0)
				.map((t) => `empty table: ${[...t.querySelectorAll('th')].map((th) => th.innerText.trim()).join(' | ').slice(0, 80)}`);
			return [...boxes, ...tables];
		});
		result.answerLine = await page.evaluate(() => document.querySelector('#answer-line')?.innerText ?? null);
		// Evidence's own breadcrumb (the template's titles): its visible text, '' when hidden
		result.evidenceCrumbs = await page.evaluate(() =>
			[...document.querySelectorAll('main > div')]
				.filter((d) => d.className === 'print:hidden' && d.getBoundingClientRect().height > 0)
				.map((d) => d.innerText.trim().replace(/\s+/g, ' '))
				.join(' '));
		if (p.documentTitle) {
			try {
				await page.waitForFunction((t) => document.title.includes(t), p.documentTitle, { timeout: 10000 });
			} catch {}
		}
		result.title = await page.title();
		result.documentTitleOk = p.documentTitle ? result.title.includes(p.documentTitle) : true;
		result.titleFound = p.title ? body.includes(p.title) : true;
		result.errorText = body.match(/(^|\n)[^\n]*\bError\b[^\n]{0,160}/)?.[0]?.trim() ?? null;
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
		result.screenshot = path.join(shotDir, `${name}-${VIEWPORT_W}.png`);
		await page.screenshot({ path: result.screenshot, fullPage: true });
		if (p.narrowWidth) {
			await page.setViewportSize({ width: p.narrowWidth, height: 900 });
			await settled(page, 200, 2000);
			result.scrollWidthNarrow = await page.evaluate(() => document.documentElement.scrollWidth);
			result.screenshotNarrow = path.join(shotDir, `${name}-${p.narrowWidth}.png`);
			await page.screenshot({ path: result.screenshotNarrow, fullPage: true });
		}
	} catch (e) {
		result.exception = e.message.split('\n')[0];
	}
	result.aborted = aborted;
	result.seconds = Math.round((Date.now() - t0) / 100) / 10;
	console.log(`PAGE ${JSON.stringify(result)}`);
	done++;
	await page.close();
}

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
		viewport: { width: VIEWPORT_W, height: 1000 },
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

	// CONCURRENCY pages at a time, each in its own tab: most of a page's time is spent waiting for its queries
	// and for the DOM to settle (21 pages: 87 s one at a time, 68 s two at a time, on two cores).
	const queue = [...spec.pages];
	await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
		while (queue.length) await checkPage(queue.shift());
	}));
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
