// Counts the bytes (gzip -6) a browser downloads for search queries on a built site:
// node bench/query-bytes.js <site>/tim-kiem "<first query>" "<second query>"
// The first query pays for the script, the manifest, its shards and card blocks; the second only
// for files not fetched before. Uses the theme's own search.js, so the rules are the real ones.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [dir, ...queries] = process.argv.slice(2);
const siteRoot = path.dirname(dir);
const search = require(path.resolve(__dirname, '../themes/default/assets/search.js'));
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;

const fetched = new Set();
let bytes = 0;
function take(file) {
  if (fetched.has(file)) return;
  fetched.add(file);
  bytes += gz(file);
}

const script = fs.readdirSync(path.join(siteRoot, 'assets')).find((n) => /^search\..*\.js$/.test(n));
take(path.join(siteRoot, 'assets', script));
const manifestFile = path.join(dir, 'manifest.json');
take(manifestFile);
const manifest = JSON.parse(fs.readFileSync(manifestFile));
const load = (name) => { const f = path.join(dir, name); take(f); return Promise.resolve(JSON.parse(fs.readFileSync(f))); };

(async () => {
  const report = [];
  for (const query of queries) {
    const before = bytes;
    const documents = await search.search(query, manifest, load);
    await search.cardsFor(documents, manifest, load);
    report.push({ query, results: documents.length, bytes: bytes - before, total: bytes });
  }
  console.log(JSON.stringify(report));
})();
