// Runs search queries on a built site with the theme's own search.js and counts what a browser
// downloads (gzip -6): node bench/query-bytes.js <site>/tim-kiem "<first query>" "<second query>" …
// The first query pays for the script, the manifest, its shards and card blocks; each later one only
// for files not fetched before. Prints, per query, its results (document numbers, best first), how
// many match every word, the typos forgiven, the suggestions, the bytes and the files fetched.
// With --fresh first, every query is counted as the first one of a page.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const fresh = process.argv[2] === '--fresh';
const [dir, ...queries] = process.argv.slice(fresh ? 3 : 2);
const siteRoot = path.dirname(dir);
const search = require(path.resolve(__dirname, '../themes/default/assets/search.js'));
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;

const fetched = new Set();
let bytes = 0;
let files = [];
function take(file) {
  if (fetched.has(file)) return;
  fetched.add(file);
  files.push(path.basename(file));
  bytes += gz(file);
}

const assets = path.join(siteRoot, 'assets');
const script = fs.existsSync(assets) ? fs.readdirSync(assets).find((n) => /^search\..*\.js$/.test(n)) : undefined;
const scriptFile = script ? path.join(assets, script) : require.resolve('../themes/default/assets/search.js');
const manifestFile = path.join(dir, 'manifest.json');
const startPage = () => { take(scriptFile); take(manifestFile); };
startPage();
const manifest = JSON.parse(fs.readFileSync(manifestFile));
const load = (name) => { const f = path.join(dir, name); take(f); return Promise.resolve(JSON.parse(fs.readFileSync(f))); };

(async () => {
  const report = [];
  for (const query of queries) {
    if (fresh) { fetched.clear(); bytes = 0; startPage(); }
    const before = fresh || report.length === 0 ? 0 : bytes;   // the first query pays for the page's script and manifest
    files = [];
    const found = await search.search(query, manifest, load);
    await search.cardsFor(found.documents, manifest, load);
    report.push({ query, results: found.documents.length, documents: found.documents, complete: found.complete,
                  fixed: found.fixed, suggestions: found.suggestions, bytes: bytes - before, total: bytes, files });
  }
  console.log(JSON.stringify(report));
})();
