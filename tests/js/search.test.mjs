// Tests of the search script (themes/default/assets/search.js) under node: folding against the golden
// cases shared with the Swift tests, tokenising, postings decoding against the shared postings cases,
// shard lookup, ranking, and search()/cardsFor() over small in-memory indexes (no Swift build needed).
// Run: node --test tests/js/search.test.mjs
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const scriptURL = new URL('../../themes/default/assets/search.js', import.meta.url);
const search = require(fileURLToPath(scriptURL));
const fixtures = new URL('../../Tests/PhienchoKitTests/Fixtures/', import.meta.url);
const readJSON = (name) => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));

const foldingCases = readJSON('folding-cases.json');
const postingsCases = readJSON('postings-cases.json');
const searchCases = readJSON('search-cases.json');

/** Code points as hex, so a failure shows NFC/NFD differences. */
const points = (text) => Array.from(text, (c) => c.codePointAt(0).toString(16)).join(' ');

// ---- Folding ---------------------------------------------------------------------------------

describe('fold', () => {
  test('the golden file is there and has the required kinds of case', () => {
    assert.ok(foldingCases.length >= 20);
    assert.ok(foldingCases.some((c) => c.input.includes('\u0301')), 'an NFD case');
    assert.ok(foldingCases.some((c) => c.input.includes('Đ')) && foldingCases.some((c) => c.input.includes('đ')));
  });

  for (const item of foldingCases) {
    test(`golden: ${JSON.stringify(item.input)} → ${JSON.stringify(item.folded)}`, () => {
      const folded = search.fold(item.input);
      assert.equal(points(folded), points(item.folded));   // code point by code point, not "looks the same"
      assert.equal(folded, item.folded);
    });
  }

  test('is idempotent and gives NFC', () => {
    for (const item of foldingCases) {
      const once = search.fold(item.input);
      assert.equal(search.fold(once), once);
      assert.equal(once.normalize('NFC'), once);
    }
  });

  test('capital sigma lowers to σ everywhere, as Swift lowercased() does', () => {
    assert.equal(search.fold('ΟΔΟΣ Σ'), 'οδοσ σ');
    assert.equal(search.fold('ς'), 'ς');
  });
});

// ---- Tokenising ------------------------------------------------------------------------------

describe('tokenising cases shared with the Swift tests', () => {
  test('the cases are there', () => assert.ok(searchCases.tokenising.length >= 20));
  for (const item of searchCases.tokenising) {
    test(item.note, () => {
      assert.deepEqual(search.terms(item.input).map(points), item.terms.map(points));
      assert.deepEqual(search.words(item.input).map((w) => [points(w.term), points(w.form)]), item.words.map(([t, f]) => [points(t), points(f)]));
    });
  }
});

describe('terms', () => {
  const same = ['cong', 'nhan', 'may', 'cong', 'nghiep'];

  test('a Vietnamese sentence becomes folded words', () => {
    assert.deepEqual(search.terms('Công nhân may, công nghiệp!'), same);
  });

  test('NFC, NFD, upper case and no diacritics give the same terms', () => {
    for (const text of ['Công nhân may công nghiệp', 'Công nhân may công nghiệp'.normalize('NFD'),
      'CÔNG NHÂN MAY CÔNG NGHIỆP', 'CÔNG NHÂN MAY CÔNG NGHIỆP'.normalize('NFD'),
      'cong nhan may cong nghiep', '  Cong   NHAN\tmay\ncông-nghiệp ']) {
      assert.deepEqual(search.terms(text), same, JSON.stringify(text));
    }
    assert.deepEqual(search.terms('ĐÓNG GÓI'.normalize('NFD')), ['dong', 'goi']);
  });

  test('digits stay inside terms; punctuation and symbols separate them', () => {
    assert.deepEqual(search.terms('Thợ hàn (CO2), lương 8.000.000đ/tháng'),
      ['tho', 'han', 'co2', 'luong', '8', '000', '000d', 'thang']);
    assert.deepEqual(search.terms('Lái xe hạng C, ca 2'), ['lai', 'xe', 'hang', 'c', 'ca', '2']);
    assert.deepEqual(search.terms('CNC-Operator_2026'), ['cnc', 'operator', '2026']);
    assert.deepEqual(search.terms('“Xanh lại ước mơ” – 100% miễn phí…'), ['xanh', 'lai', 'uoc', 'mo', '100', 'mien', 'phi']);
    assert.deepEqual(search.terms('👷 thợ xây 🧱'), ['tho', 'xay']);
  });

  test('empty and separator-only text has no terms', () => {
    assert.deepEqual(search.terms(''), []);
    assert.deepEqual(search.terms('  ,.;!? – … '), []);
    assert.deepEqual(search.terms('\u0301\u0300'), []);
  });

  test('the same letter and number categories as SearchTokenizer', () => {
    assert.deepEqual(search.terms('thợ\u200Chàn'), ['tho', 'han']);
    assert.deepEqual(search.terms('thợ\u200Dhàn'), ['tho', 'han']);
    assert.deepEqual(search.terms('công\u00ADnhân'), ['cong', 'nhan']);
    assert.deepEqual(search.terms('công\u200Bnhân'), ['cong', 'nhan']);
    assert.deepEqual(search.terms('ⓐb'), ['b']);
    assert.deepEqual(search.terms('tầng ² Ⅻ ½'), ['tang', '²', 'ⅻ', '½']);
    assert.deepEqual(search.terms('ΟΔΟΣ Σ'), ['οδοσ', 'σ']);
    assert.deepEqual(search.terms('𝐀𝐁 x'), ['𝐀𝐁', 'x']);
  });

  test('tokenising a golden input gives the words of its folded form', () => {
    for (const item of foldingCases) {
      assert.deepEqual(search.terms(item.input), search.terms(item.folded), JSON.stringify(item.input));
    }
  });
});

// ---- Postings --------------------------------------------------------------------------------

describe('decodePostings', () => {
  test('the shared cases are there', () => {
    assert.ok(postingsCases.length >= 10);
    assert.ok(postingsCases.some((c) => c.encoded.startsWith('b')) && postingsCases.some((c) => c.encoded.startsWith('d')));
  });

  for (const item of postingsCases) {
    test(`shared case: ${item.note || item.encoded}`, () => {
      assert.deepEqual(search.decodePostings(item.encoded, item.documentCount, item.parent), item.documents);
    });
  }

  test('sparse gaps are base 36; bitmaps are LSB first and ignore padding bits', () => {
    assert.deepEqual(search.decodePostings('d5,0,z,10', 10000), [5, 6, 42, 79]);
    assert.deepEqual(search.decodePostings('bBQI=', 16), [0, 2, 9]);
    assert.deepEqual(search.decodePostings('b/w==', 5), [0, 1, 2, 3, 4]);
    assert.deepEqual(search.decodePostings('', 5), []);
  });
});

// ---- Shards ----------------------------------------------------------------------------------

describe('shardFor and prefixShards', () => {
  const firstTerms = ['a', 'ca', 'cab', 'cac', 'cad', 'd'];

  test('shardFor: the last shard whose first term is not after the term', () => {
    const cases = { '0': 0, a: 0, bz: 0, ca: 1, caa: 1, cab: 2, cb: 4, zzz: 5 };
    for (const [term, shard] of Object.entries(cases)) assert.equal(search.shardFor(term, firstTerms), shard, term);
    assert.equal(search.shardFor('x', ['a']), 0);
    assert.equal(search.shardFor('x', []), 0);
    // UTF-16 order: 𝐚 (D835 DC1A) sorts before ａ (FF41), as in SearchTokenizer.precedes
    assert.equal(search.shardFor('𝐚', ['a', 'ａ']), 0);
  });

  test('prefixShards: from the shard of the prefix, at most two, only while first terms share the prefix', () => {
    assert.deepEqual(search.prefixShards('ca', firstTerms), [1, 2]);
    assert.deepEqual(search.prefixShards('cac', firstTerms), [3]);
    assert.deepEqual(search.prefixShards('c', firstTerms), [0, 1]);
    assert.deepEqual(search.prefixShards('cb', firstTerms), [4]);
    assert.deepEqual(search.prefixShards('d', firstTerms), [5]);
    assert.deepEqual(search.prefixShards('zz', firstTerms), [5]);
    assert.deepEqual(search.prefixShards('0', firstTerms), [0]);
    assert.deepEqual(search.prefixShards('x', ['a']), [0]);
  });
});

// ---- Query parsing ---------------------------------------------------------------------------

describe('parseQuery', () => {
  test('the last word is a prefix unless the text ends with a space', () => {
    assert.deepEqual(search.parseQuery('tho ha'), { words: ['tho', 'ha'], forms: ['tho', 'ha'], prefixLast: true, accents: false });
    assert.deepEqual(search.parseQuery('tho ha '), { words: ['tho', 'ha'], forms: ['tho', 'ha'], prefixLast: false, accents: false });
    assert.equal(search.parseQuery('tho ha\u00A0').prefixLast, false);
    assert.equal(search.parseQuery('tho ha\n').prefixLast, false);
    assert.equal(search.parseQuery('tho ha\u3000').prefixLast, false);
    assert.equal(search.parseQuery('tho ha\uFEFF').prefixLast, false);
    assert.equal(search.parseQuery('tho ha\u0085').prefixLast, true);
    assert.equal(search.parseQuery('tho ha,').prefixLast, true, 'punctuation is not a space');
    assert.equal(search.parseQuery('tho ha \u0301').prefixLast, true);
  });

  test('typed diacritics are noticed and kept as forms', () => {
    assert.deepEqual(search.parseQuery('Công nhân may'), { words: ['cong', 'nhan', 'may'], forms: ['công', 'nhân', 'may'], prefixLast: true, accents: true });
    assert.equal(search.parseQuery('CÔNG'.normalize('NFD')).forms[0], 'công');
    assert.equal(search.parseQuery('Đi làm').accents, true, 'đ counts');
    assert.equal(search.parseQuery('cong nhan').accents, false);
  });

  test('no words: nothing to expand', () => {
    assert.deepEqual(search.parseQuery(''), { words: [], forms: [], prefixLast: false, accents: false });
    assert.deepEqual(search.parseQuery(',,'), { words: [], forms: [], prefixLast: false, accents: false });
  });
});

describe('distance', () => {
  for (const [a, b, d] of searchCases.distances) {
    test(`${a} ↔ ${b}: ${d}`, () => {
      assert.equal(search.distance(a, b, 2), Math.min(d, 3));
      assert.equal(search.distance(b, a, 2), Math.min(d, 3));
    });
  }
  test('stops counting past the limit', () => {
    assert.equal(search.distance('a', 'abcdef', 1), 2);
  });
});

// ---- search() over in-memory indexes ---------------------------------------------------------

/** A file loader over an object of files that records what was fetched. */
function loaderFor(files) {
  const fetched = [];
  const load = (name) => {
    fetched.push(name);
    if (!(name in files)) return Promise.reject(new Error(`no file ${name}`));
    return Promise.resolve(JSON.parse(JSON.stringify(files[name])));
  };
  return { load, fetched };
}

/**
 * A literal index in the format SearchIndex writes (version 2): four documents (newest first),
 * two shards, blocks of two cards, the vocabulary of 3 and 4 letters. Written by hand to pin the
 * file format: forms ("f", "v"), following terms ("n", within the documents holding both terms),
 * communes ("p", within the term's documents).
 */
const literal = {
  manifest: {
    version: 2, documents: 4, blockSize: 2,
    shards: [['bo', 'shard-0.aaaaaaaaaa.json'], ['lai', 'shard-1.bbbbbbbbbb.json']],
    blocks: ['cards-0.cccccccccc.json', 'cards-1.dddddddddd.json'],
    words: [[3, 'words-3.eeeeeeeeee.json'], [4, 'words-4.ffffffffff.json']],
  },
  files: {
    // 0: "Công nhân bốc xếp kho" (Đồng Văn; … lái xe nâng …), 1: "Lái xe tải" (Phủ Lý),
    // 2: "Thợ hàn" (Gia Trấn; … xe đưa đón …), 3: "Lái máy xúc" (Gia Trấn)
    'shard-0.aaaaaaaaaa.json': {
      bo: ['d2', 'd2'], boc: ['d0', 'd0', { f: 'bốc' }], cong: ['d0', 'd0', { f: 'công', n: { nhan: 'a' } }],
      don: ['d2', ''], dong: ['d0', ''], dua: ['d2', ''], gia: ['d2,0', '', { p: { 'gia tran': 'a' } }],
      han: ['d2', 'd2', { f: 'hàn' }], kho: ['d0', 'd0', { n: {} }],
    },
    'shard-1.bbbbbbbbbb.json': {
      lai: ['b+w==', 'd1,1', { f: 'lái', n: { may: 'a', xe: 'rd1' } }], ly: ['d1', '', { }], may: ['d3', 'd3', { f: 'máy', n: { xuc: 'a' } }],
      nang: ['d0', ''], nhan: ['d0', 'd0', { f: 'nhân' }], phu: ['d1', '', { p: { 'phu ly': 'a' } }],
      tai: ['d1', 'd1', { f: 'tải' }], tho: ['d2', 'd2', { f: 'thợ' }], tran: ['d2,0', ''], van: ['d0', ''],
      xe: ['b9w==', 'd1', { n: { tai: 'a' } }], xep: ['d0', 'd0', { f: 'xếp' }], xuc: ['d3', 'd3', { f: 'xúc' }],
    },
    'words-3.eeeeeeeeee.json': [['boc', 1, 'bốc'], ['dua', 1], ['gia', 2], ['han', 1, 'hàn'], ['kho', 1], ['lai', 3, 'lái'], ['may', 1, 'máy'],
      ['tai', 1, 'tải'], ['tho', 1, 'thợ'], ['van', 1], ['xep', 1, 'xếp'], ['xuc', 1, 'xúc']],
    'words-4.ffffffffff.json': [['cong', 1, 'công'], ['dong', 1], ['nang', 1], ['nhan', 1, 'nhân'], ['tran', 2]],
    'cards-0.cccccccccc.json': [
      ['Công nhân bốc xếp kho', 'viec-lam/a-1/', 'Công ty Kho vận', 'phường Đồng Văn', '7.500.000 đồng/tháng', '15/01/2027'],
      ['Lái xe tải', 'viec-lam/a-2/', 'Công ty Vận tải', 'phường Phủ Lý', 'Thỏa thuận', '15/12/2026'],
    ],
    'cards-1.dddddddddd.json': [
      ['Thợ hàn', 'viec-lam/a-3/', 'Xưởng cơ khí', 'xã Gia Trấn', 'Thỏa thuận', '30/11/2026'],
      ['Lái máy xúc', 'viec-lam/a-4/', 'Công ty Xây dựng', 'xã Gia Trấn', 'Thỏa thuận', '30/12/2026'],
    ],
  },
};

const find = async (text, files = literal.files, manifest = literal.manifest) => {
  const { load, fetched } = loaderFor(files);
  const found = await search.search(text, manifest, load);
  return { ...found, fetched: [...new Set(fetched)].sort() };
};

describe('search over a literal index', () => {
  test('"lái xe": the driving job first, then the forklift mention; "xe" alone comes after, approximate', async () => {
    const found = await find('lái xe');
    assert.deepEqual(found.documents.slice(0, found.complete), [1, 0]);
    assert.deepEqual(found.documents.slice(found.complete), [3, 2], 'lái or xe only: labelled approximate');
    assert.deepEqual(found.fetched, ['shard-1.bbbbbbbbbb.json']);
  });

  test('without diacritics, in capitals and in NFD the same', async () => {
    for (const text of ['lai xe', 'LÁI XE', 'Lái xe'.normalize('NFD'), 'LÁI XE'.normalize('NFD')]) {
      const found = await find(text);
      assert.deepEqual(found.documents.slice(0, found.complete), [1, 0], JSON.stringify(text));
    }
  });

  test('a prefix expands over the terms it starts, a whole word ranks first', async () => {
    // "bo" is a whole term of document 2 ("bo" only for the test) and a prefix of "boc" (document 0)
    assert.deepEqual((await find('bo')).documents, [2, 0]);
    assert.deepEqual((await find('bo ')).documents, [2]);
    assert.deepEqual((await find('b')).documents, []);
  });

  test('a commune named in the query ranks its documents first among those with every word', async () => {
    // both 0 and 3 are "lái"; 3 is in Gia Trấn, 0 newer
    assert.deepEqual((await find('lai gia tran')).documents.slice(0, 1), [3]);
    assert.deepEqual((await find('lai')).documents.slice(0, 2), [1, 3], 'title first, then newest');
  });

  test('neighbours in the title rank first; typed diacritics pick the written form', async () => {
    const found = await find('lai may');
    assert.deepEqual(found.documents.slice(0, found.complete), [3]);
    assert.deepEqual((await find('lái máy')).documents[0], 3);
    const accents = await find('xếp');
    assert.deepEqual(accents.documents, [0]);
  });

  test('one typo is forgiven from four letters, and said', async () => {
    const found = await find('cogn nhan');
    assert.deepEqual(found.documents.slice(0, found.complete), [0]);
    assert.deepEqual(found.fixed, [['cogn', ['công']]]);
    assert.ok(found.fetched.includes('words-3.eeeeeeeeee.json') && found.fetched.includes('words-4.ffffffffff.json'));
    assert.deepEqual((await find('cogn nhan ')).fixed.length, 1);
    assert.deepEqual((await find('kho')).fixed, [], 'no vocabulary fetched when every word is found');
    assert.ok(!(await find('kho')).fetched.some((name) => name.startsWith('words-')));
  });

  test('nothing found: suggestions with the titles’ diacritics', async () => {
    const found = await find('thoo hann');
    assert.deepEqual(found.documents.length > 0, true, 'thoo → tho, hann → han: both typos forgiven');
    const nothing = await find('xyz qqqq');
    assert.deepEqual(nothing.documents, []);
    assert.deepEqual(nothing.suggestions, []);
    const near = await find('kha');
    assert.deepEqual(near.documents, [], 'three letters: no typo tolerance');
    assert.deepEqual(near.suggestions, ['kho']);
    const two = await find('nhaan cnog');
    assert.deepEqual(two.documents.length > 0, true);
  });

  test('a word typed with diacritics must be written so; a plain word matches any form', async () => {
    // "may" is written "máy" in document 3 only; "mây" nowhere
    const exact = await find('máy');
    assert.deepEqual([exact.documents, exact.complete], [[3], 1]);
    const other = await find('mây');
    assert.deepEqual([other.documents, other.complete], [[3], 0], 'found, but approximate');
    assert.deepEqual((await find('may')).complete, 1);
  });

  test('forms ("v") and title forms ("t") of a word written several ways', async () => {
    const files = JSON.parse(JSON.stringify(literal.files));
    const shard = files['shard-1.bbbbbbbbbb.json'];
    // "xe" written "xe" in the titles of 1, "xế" in the body of 0 (a synonym), "xe" in 2's body
    shard.xe = ['b9w==', 'd0,0', { v: { xe: 'rb/w==', 'xế': 'rd0' }, t: { xe: 'rd1', 'xế': 'rd0' }, n: { tai: 'a' } }];
    const typed = await find('xế', files);
    assert.deepEqual(typed.documents.slice(0, typed.complete), [0]);
    const plain = await find('lai xe', files);
    assert.deepEqual(plain.documents.slice(0, plain.complete), [1, 0]);
    const written = await find('lái xe ', files);
    assert.deepEqual(written.documents.slice(0, written.complete), [1, 0], '"xe" typed plain: any form; the title\'s "xe" first');
  });

  test('cards of the results, loading only their blocks', async () => {
    const { load, fetched } = loaderFor(literal.files);
    const cards = await search.cardsFor([2], literal.manifest, load);
    assert.deepEqual(cards, [literal.files['cards-1.dddddddddd.json'][0]]);
    assert.deepEqual(fetched, ['cards-1.dddddddddd.json']);
  });

  test('an index without documents (no open vacancy) finds nothing and fetches nothing', async () => {
    const empty = { version: 2, documents: 0, blockSize: 16, shards: [], blocks: [], words: [] };
    const found = await find('cong nhan', {}, empty);
    assert.deepEqual([found.documents, found.suggestions, found.fetched], [[], [], []]);
  });

  test('an empty query fetches nothing', async () => {
    const found = await find('  ,, ');
    assert.deepEqual([found.documents, found.fetched], [[], []]);
  });
});

/**
 * Builds an index like SearchIndex does, from [{title, body, card?}] newest first: every term of
 * title + body with its postings ("all" and "title") and forms, terms sorted in UTF-16 order, `perShard`
 * terms per shard, cards in blocks of `blockSize`.
 */
function buildIndex(documents, { perShard = 4, blockSize = 4 } = {}) {
  const count = documents.length;
  const postings = new Map();
  documents.forEach((doc, n) => {
    const title = new Set(search.terms(doc.title));
    for (const { term, form } of search.words(doc.title + ' ' + (doc.body || ''))) {
      if (!postings.has(term)) postings.set(term, { all: [], title: [], forms: new Map() });
      const entry = postings.get(term);
      if (entry.all.at(-1) !== n) entry.all.push(n);
      if (title.has(term) && entry.title.at(-1) !== n) entry.title.push(n);
      if (!entry.forms.has(form)) entry.forms.set(form, []);
      if (entry.forms.get(form).at(-1) !== n) entry.forms.get(form).push(n);
    }
  });
  const encode = (list) => {
    if (list.length === 0) return '';
    let previous = -1;
    const sparse = 'd' + list.map((d) => { const gap = (d - previous - 1).toString(36); previous = d; return gap; }).join(',');
    const bytes = new Uint8Array(Math.ceil(count / 8));
    list.forEach((d) => { bytes[d >> 3] |= 1 << (d & 7); });
    const dense = 'b' + Buffer.from(bytes).toString('base64');
    return dense.length < sparse.length ? dense : sparse;
  };
  const terms = [...postings.keys()].sort();
  const files = {};
  const manifest = { version: 2, documents: count, blockSize, shards: [], blocks: [], words: [] };
  for (let i = 0; i < terms.length; i += perShard) {
    const name = `shard-${manifest.shards.length}.json`;
    files[name] = Object.fromEntries(terms.slice(i, i + perShard).map((t) => {
      const { all, title, forms } = postings.get(t);
      const written = [...forms.keys()];
      const extras = written.length > 1 ? { v: Object.fromEntries(written.map((f) => [f, encode(forms.get(f))])) }
        : written[0] !== t ? { f: written[0] } : null;
      return [t, extras ? [encode(all), encode(title), extras] : [encode(all), encode(title)]];
    }));
    manifest.shards.push([terms[i], name]);
  }
  for (let i = 0; i < count; i += blockSize) {
    const name = `cards-${manifest.blocks.length}.json`;
    files[name] = documents.slice(i, i + blockSize).map((doc, k) =>
      doc.card || [doc.title, `viec-lam/v-${i + k}/`, 'Công ty', 'xã Gia Trấn', 'Thỏa thuận', '31/12/2026']);
    manifest.blocks.push(name);
  }
  return { manifest, files, terms };
}

describe('search and cardsFor over a built in-memory index', () => {
  const documents = [
    { title: 'Nhân viên bảo vệ', body: 'Có máy hàn trong xưởng.' },                // 0 body whole "han"
    { title: 'Thợ sơn', body: 'Sơn hàng rào, ngõ nhỏ.' },                         // 1 body prefix "hang"
    { title: 'Bốc xếp hàng hóa', body: 'Làm ca đêm.' },                           // 2 title prefix
    { title: 'Thợ hàn kết cấu', body: 'Ca ngày.' },                               // 3 title whole
    { title: 'Công nhân may công nghiệp', body: 'Nghỉ ngơi, người ngoài tỉnh.' }, // 4
    { title: 'Công nhân đóng gói', body: 'Ngăn nắp, ngay ngắn.' },                // 5
    { title: 'Phụ bếp', body: 'Nhà hàng.' },                                       // 6
    { title: 'Phụ bếp', body: 'Quán ăn.' },                                        // 7
    { title: '<img src=x onerror=alert(1)>', body: 'Thử' },                        // 8
  ];
  const index = buildIndex(documents);

  /** The documents matching every word, best first, and the files fetched. */
  const run = async (text) => {
    const { load, fetched } = loaderFor(index.files);
    const found = await search.search(text, index.manifest, load);
    return { documents: found.documents.slice(0, found.complete), fetched };
  };

  test('title whole > title prefix > body whole > body prefix', async () => {
    assert.deepEqual((await run('han')).documents, [3, 2, 0, 1, 6]);   // 6: "hàng" in the body
    assert.deepEqual((await run('han ')).documents, [3, 0]);
  });

  test('newest first on ties', async () => {
    assert.deepEqual((await run('phu bep')).documents, [6, 7]);
  });

  test('every word matches in the complete results; prefix on the last word only', async () => {
    assert.deepEqual((await run('cong nhan may')).documents, [4]);
    assert.deepEqual((await run('CÔNG NHÂN MAY')).documents, [4]);
    assert.deepEqual((await run('Công nhân may'.normalize('NFD'))).documents, [4]);
    assert.deepEqual((await run('dong goi')).documents, [5]);
    assert.deepEqual((await run('cong nhan ma')).documents, [4]);
    assert.deepEqual((await run('cong nha may')).documents, [], 'a word before the last is whole');
    assert.deepEqual((await run('cong nhan may xyz')).documents, []);
    assert.deepEqual((await run('cong nhan m')).documents, [], 'a one-letter last word is not expanded');
  });

  test('a query fetches only the shards of its words (and at most two for a prefix)', async () => {
    const firstTerms = index.manifest.shards.map((s) => s[0]);
    const { fetched } = await run('cong nhan may');
    const expected = new Set(['cong', 'nhan'].map((w) => index.manifest.shards[search.shardFor(w, firstTerms)][1])
      .concat(search.prefixShards('may', firstTerms).map((i) => index.manifest.shards[i][1])));
    assert.deepEqual(new Set(fetched), expected);
    assert.ok(new Set(fetched).size < index.manifest.shards.length);
    assert.ok(fetched.every((name) => name.startsWith('shard-')));
  });

  test('a prefix spanning many shards reads at most two of them', async () => {
    const ng = index.terms.filter((t) => t.startsWith('ng'));
    const firstTerms = index.manifest.shards.map((s) => s[0]);
    const holding = new Set(ng.map((t) => search.shardFor(t, firstTerms)));
    assert.ok(holding.size > 2, `the fixture spreads "ng…" over ${holding.size} shards`);
    const { fetched } = await run('ng');
    assert.ok(new Set(fetched).size <= 2, fetched.join(' '));
  });

  test('cardsFor: the first RESULTS_SHOWN cards, in result order, from their blocks only', async () => {
    const { load, fetched } = loaderFor(index.files);
    const cards = await search.cardsFor([3, 2, 0, 1], index.manifest, load);
    assert.deepEqual(cards.map((c) => c[0]), ['Thợ hàn kết cấu', 'Bốc xếp hàng hóa', 'Nhân viên bảo vệ', 'Thợ sơn']);
    assert.deepEqual(new Set(fetched), new Set(['cards-0.json']));

    const many = buildIndex(Array.from({ length: 40 }, (_, n) => ({ title: `Việc số ${n}` })), { blockSize: 4 });
    const loader = loaderFor(many.files);
    const all = (await search.search('viec so', many.manifest, loader.load)).documents;
    assert.equal(all.length, 40);
    const shown = await search.cardsFor(all, many.manifest, loader.load);
    assert.equal(shown.length, search.RESULTS_SHOWN);
    assert.deepEqual(shown.map((c) => c[0]), all.slice(0, search.RESULTS_SHOWN).map((n) => `Việc số ${n}`));
    const blocks = loader.fetched.filter((name) => name.startsWith('cards-'));
    assert.deepEqual(new Set(blocks), new Set(['cards-0.json', 'cards-1.json', 'cards-2.json']));
  });

  test('hostile text from the index comes back as plain strings', async () => {
    const { load } = loaderFor(index.files);
    const found = (await search.search('img onerror', index.manifest, load)).documents;
    assert.deepEqual(found, [8]);
    const [card] = await search.cardsFor(found, index.manifest, load);
    assert.equal(card[0], '<img src=x onerror=alert(1)>');
  });

  test('a missing file rejects (the page then says the data could not be loaded)', async () => {
    const { load } = loaderFor({});
    await assert.rejects(search.search('han', index.manifest, load));
  });
});

// ---- The script itself -----------------------------------------------------------------------

describe('the script', () => {
  const source = readFileSync(scriptURL, 'utf8');

  test('never inserts HTML', () => {
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'createContextualFragment', 'eval(']) {
      assert.ok(!source.includes(sink), `search.js uses ${sink}`);
    }
    assert.ok(source.includes('textContent'));
  });

  test('is small and plain: at most 8 KB gzip, no modules, no WebAssembly', () => {
    const gzip = gzipSync(Buffer.from(source), { level: 6 }).length;
    assert.ok(gzip <= 8 * 1024, `${gzip} bytes gzip`);
    assert.ok(!/\bimport\b|WebAssembly/.test(source));
  });
});

// ---- Load failures -------------------------------------------------------------------------------

describe('loadFailureMessage', () => {
  test('a page opened from the disk is told it needs a web address, not blamed on the network', () => {
    const message = search.loadFailureMessage('file:');
    assert.match(message, /bắt đầu bằng file:/);
    assert.match(message, /phiencho serve/);
    assert.doesNotMatch(message, /kết nối mạng/);
  });

  test('over http(s) a failed download is the network', () => {
    for (const protocol of ['http:', 'https:']) {
      assert.match(search.loadFailureMessage(protocol), /kiểm tra kết nối mạng/);
    }
  });
});
