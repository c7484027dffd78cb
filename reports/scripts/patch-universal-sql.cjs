#!/usr/bin/env node
// postinstall: make @evidence-dev/universal-sql work with the overridden @duckdb/duckdb-wasm 1.28.0,
// and write a valid Parquet file for a query with no rows (below).
//
// Why: package.json overrides @duckdb/duckdb-wasm to 1.28.0 (DuckDB 0.9.x), the last
// duckdb-wasm whose wasm binary has the parquet extension compiled in. Every later
// duckdb-wasm (1.28.1-dev*, 1.29 ... 1.32) loads parquet from extensions.duckdb.org at run
// time, so `evidence sources` hangs forever without internet (and the built site could not
// read its own parquet files offline).
// universal-sql 3.x runs, at start-up in Node and in the browser:
//   SET ieee_floating_point_ops = false;   -- setting exists since DuckDB 1.1
//   SET old_implicit_casting = true;       -- setting exists since DuckDB 0.10
// to get back the pre-1.1 / pre-0.10 behaviour. DuckDB 0.9 rejects both names (which makes
// initDB fail) but already behaves that way, so the SET is only run when the setting exists.
//
// Idempotent (already patched text is left alone). Exits 1 if the expected text is missing,
// i.e. universal-sql changed and this patch needs a review.
'use strict';
const fs = require('fs');
const path = require('path');

const MARKER = '/* evproto-patch */';
const SETTINGS = [
	['ieee_floating_point_ops', 'false'],
	['old_implicit_casting', 'true']
];

// npm runs this with cwd = project root. universal-sql's "exports" hide its package.json from
// require.resolve, so look for the installed copies directly (hoisted or nested).
const root = process.cwd();
const pkgDirs = [
	path.join(root, 'node_modules/@evidence-dev/universal-sql'),
	path.join(root, 'node_modules/@evidence-dev/evidence/node_modules/@evidence-dev/universal-sql')
].filter((d) => fs.existsSync(path.join(d, 'package.json')));
if (pkgDirs.length === 0) {
	console.error(`[patch-universal-sql] @evidence-dev/universal-sql not found under ${root}`);
	process.exit(1);
}

let failed = false;
for (const pkgDir of pkgDirs) {
	for (const rel of ['src/client-duckdb/node.js', 'src/client-duckdb/browser.js']) {
		const file = path.join(pkgDir, rel);
		let src = fs.readFileSync(file, 'utf8');
		let changed = 0;
		for (const [name, value] of SETTINGS) {
			const plain = `await connection.query('SET ${name} = ${value};');`;
			// connection.query is synchronous in node.js and async in browser.js; `await` covers both.
			const guarded =
				`if ((await connection.query("SELECT 1 FROM duckdb_settings() WHERE name = '${name}'")).numRows > 0) ` +
				`${plain} ${MARKER}`;
			if (src.includes(guarded)) continue;
			if (!src.includes(plain)) {
				console.error(`[patch-universal-sql] expected text not found in ${file}: ${plain}`);
				failed = true;
				continue;
			}
			src = src.split(plain).join(guarded);
			changed++;
		}
		if (changed) fs.writeFileSync(file, src);
		console.log(`[patch-universal-sql] ${path.relative(root, file)}: ${changed ? `patched ${changed}` : 'already patched'}`);
	}
}

// A query with no rows (a mart that is empty for this catalog, e.g. fct_market_tree_check when no market
// has a parent) wrote no Parquet file, yet the manifest lists one, and `evidence build` then fails with
// "too small to be a Parquet file". One empty batch writes a valid file: the columns, no rows.
const NO_ROWS = '\tif (!tmpFilenames.length) return 0;';
const NO_ROWS_PATCHED = `\tif (!tmpFilenames.length) await flush([]); ${MARKER}`;
for (const pkgDir of pkgDirs) {
	const file = path.join(pkgDir, 'src/build-parquet.js');
	const src = fs.readFileSync(file, 'utf8');
	if (src.includes(NO_ROWS_PATCHED)) {
		console.log(`[patch-universal-sql] ${path.relative(root, file)}: already patched`);
	} else if (!src.includes(NO_ROWS)) {
		console.error(`[patch-universal-sql] expected text not found in ${file}: ${NO_ROWS.trim()}`);
		failed = true;
	} else {
		fs.writeFileSync(file, src.split(NO_ROWS).join(NO_ROWS_PATCHED));
		console.log(`[patch-universal-sql] ${path.relative(root, file)}: patched the empty result`);
	}
}
process.exit(failed ? 1 : 0);
