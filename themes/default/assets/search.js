/* Tìm kiếm việc làm — phiencho's search script. Plain JavaScript, no framework.
 *
 * Reads the split index written by `phiencho build` under tim-kiem/ (see SearchIndex.swift):
 * a small manifest, then only the shards holding the query's words and the card blocks of the
 * results shown. Text from the index is inserted with textContent only, never as HTML.
 * Folding and ranking mirror the Swift side (VietnameseFolding, SearchTokenizer, SearchQuery).
 */
(function () {
  'use strict';

  var MINIMUM_PREFIX_LENGTH = 2;
  var MAXIMUM_PREFIX_SHARDS = 2;
  var RESULTS_SHOWN = 10;
  var TYPING_PAUSE_MS = 350;

  /** NFC → lower-case → strip every combining mark → đ→d (same as VietnameseFolding.fold).
   *  Σ is lowered first, alone: toLowerCase() would pick ς at the end of a word, Swift always σ. */
  function fold(text) {
    return text.normalize('NFC').replace(/Σ/g, 'σ').toLowerCase().normalize('NFD')
      .replace(/\p{M}/gu, '').replace(/đ/g, 'd').normalize('NFC');
  }

  /** Search terms: folded runs of letters and numbers (\p{L}, \p{N}), as SearchTokenizer.terms. */
  function terms(text) {
    return fold(text).match(/[\p{L}\p{N}]+/gu) || [];
  }

  /** Postings string → ascending document numbers ("" | "d<base-36 gaps>" | "b<base64 bitmap>"). */
  function decodePostings(postings, documentCount) {
    var documents = [];
    if (!postings) return documents;
    var body = postings.slice(1);
    if (postings[0] === 'b') {
      var bytes = atob(body);
      for (var i = 0; i < documentCount && i < bytes.length * 8; i++) {
        if (bytes.charCodeAt(i >> 3) & (1 << (i & 7))) documents.push(i);
      }
      return documents;
    }
    var previous = -1;
    body.split(',').forEach(function (gap) {
      if (gap === '') return;
      previous += parseInt(gap, 36) + 1;
      documents.push(previous);
    });
    return documents;
  }

  /** Index of the shard whose range holds `term`: the last one whose first term is not after it. */
  function shardFor(term, firstTerms) {
    var low = 0, high = firstTerms.length - 1, found = 0;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (term < firstTerms[middle]) { high = middle - 1; } else { found = middle; low = middle + 1; }
    }
    return found;
  }

  /** Shards that may hold terms starting with `prefix`, at most MAXIMUM_PREFIX_SHARDS. */
  function prefixShards(prefix, firstTerms) {
    var first = shardFor(prefix, firstTerms);
    var shards = [first];
    for (var next = first + 1; next < firstTerms.length && firstTerms[next].indexOf(prefix) === 0 &&
         shards.length < MAXIMUM_PREFIX_SHARDS; next++) {
      shards.push(next);
    }
    return shards;
  }

  /** Parses the query: its words and whether the last one also matches as a prefix. */
  function parseQuery(text) {
    var words = terms(text);
    return { words: words, prefixLast: words.length > 0 && !/\s$/.test(text) };
  }

  /**
   * Ranks documents. `matches` has one entry per query word: {all, title, exact, titleExact} arrays
   * of document numbers (all/title include prefix expansions; exact/titleExact are whole words only).
   * Every word must match. Order: more words whole in the title, more words in the title at all,
   * more words whole anywhere, then newest (smaller document number).
   */
  function rank(matches) {
    if (matches.length === 0) return [];
    var sets = matches.map(function (m) {
      return { all: new Set(m.all), title: new Set(m.title), exact: new Set(m.exact), titleExact: new Set(m.titleExact) };
    });
    var candidates = matches[0].all.filter(function (d) {
      return sets.every(function (s) { return s.all.has(d); });
    });
    var scored = candidates.map(function (d) {
      var titleWhole = 0, inTitle = 0, whole = 0;
      sets.forEach(function (s) {
        if (s.titleExact.has(d)) titleWhole++;
        if (s.title.has(d)) inTitle++;
        if (s.exact.has(d)) whole++;
      });
      return [d, titleWhole, inTitle, whole];
    });
    scored.sort(function (a, b) { return (b[1] - a[1]) || (b[2] - a[2]) || (b[3] - a[3]) || (a[0] - b[0]); });
    return scored.map(function (s) { return s[0]; });
  }

  function union(a, b) {
    if (b.length === 0) return a;
    var set = new Set(a);
    b.forEach(function (d) { set.add(d); });
    return Array.from(set);
  }

  /** Runs a query against the index through `load(name) → Promise<JSON>` (names relative to the manifest). */
  function search(text, manifest, load) {
    var query = parseQuery(text);
    if (manifest.shards.length === 0) return Promise.resolve([]);  // no open vacancy: nothing to fetch
    var firstTerms = manifest.shards.map(function (s) { return s[0]; });
    var count = manifest.documents;
    return Promise.all(query.words.map(function (word, position) {
      var isPrefix = query.prefixLast && position === query.words.length - 1 &&
        Array.from(word).length >= MINIMUM_PREFIX_LENGTH;  // code points, not UTF-16 units
      var shards = isPrefix ? prefixShards(word, firstTerms) : [shardFor(word, firstTerms)];
      if (shards.indexOf(shardFor(word, firstTerms)) < 0) shards.unshift(shardFor(word, firstTerms));
      return Promise.all(shards.map(function (i) { return load(manifest.shards[i][1]); })).then(function (loaded) {
        var exact = [], all = [], title = [], titleExact = [];
        loaded.forEach(function (shard) {
          Object.keys(shard).forEach(function (term) {
            if (term === word) {
              exact = decodePostings(shard[term][0], count);
              titleExact = decodePostings(shard[term][1], count);
              all = union(all, exact);
              title = union(title, titleExact);
            } else if (isPrefix && term.indexOf(word) === 0) {
              all = union(all, decodePostings(shard[term][0], count));
              title = union(title, decodePostings(shard[term][1], count));
            }
          });
        });
        return { all: all, title: title, exact: exact, titleExact: titleExact };
      });
    })).then(rank);
  }

  /** Cards for RESULTS_SHOWN results from `start` (default 0), loading only the blocks they live in. */
  function cardsFor(documents, manifest, load, start) {
    var shown = documents.slice(start || 0, (start || 0) + RESULTS_SHOWN);
    return Promise.all(shown.map(function (d) {
      var block = Math.floor(d / manifest.blockSize);
      return load(manifest.blocks[block]).then(function (cards) { return cards[d % manifest.blockSize]; });
    }));
  }

  /**
   * Why the index could not be loaded, for the status line. A page opened from the disk (file://)
   * cannot fetch the index at all: that is said, with what to do, instead of blaming the network.
   */
  function loadFailureMessage(protocol) {
    if (protocol === 'file:') {
      return 'Ô tìm kiếm chỉ chạy khi trang được mở qua một địa chỉ web, ' +
        'không chạy khi mở thẳng tệp từ ổ đĩa (địa chỉ bắt đầu bằng file:). Cán bộ xem thử trang bằng lệnh “phiencho serve” ' +
        'rồi mở địa chỉ lệnh đó in ra.';
    }
    return 'Không tải được dữ liệu tìm kiếm. Hãy kiểm tra kết nối mạng rồi thử lại.';
  }

  var api = {
    loadFailureMessage: loadFailureMessage, fold: fold, terms: terms, decodePostings: decodePostings, shardFor: shardFor, prefixShards: prefixShards,
    parseQuery: parseQuery, rank: rank, search: search, cardsFor: cardsFor, RESULTS_SHOWN: RESULTS_SHOWN
  };
  if (typeof module === 'object' && module.exports) { module.exports = api; return; }

  // ---- Browser -------------------------------------------------------------------------------
  var results = document.querySelector('[data-search-results]');
  if (!results) return;
  var form = document.querySelector('[data-search-form]');
  var input = form.querySelector('input[name="q"]');
  var status = document.querySelector('[data-search-status]');
  // Shown when nothing is found: other ways to the same jobs (the lists, courses, the hotline).
  var empty = document.querySelector('[data-search-empty]') || { hidden: true };
  var root = results.getAttribute('data-root') || '';
  var manifestURL = new URL(results.getAttribute('data-index'), document.baseURI);
  var cache = new Map();
  var manifestPromise = null;
  var timer = null;
  var generation = 0;
  var state = { documents: [], shown: 0, manifest: null, query: '' };
  var more = document.createElement('button');
  more.type = 'button';
  more.className = 'more';
  more.textContent = 'Xem thêm kết quả';
  more.hidden = true;
  results.parentNode.insertBefore(more, results.nextSibling);

  Array.prototype.forEach.call(document.querySelectorAll('[data-search-nojs]'), function (el) { el.hidden = true; });
  if (window.location.protocol === 'file:') status.textContent = loadFailureMessage('file:');

  // A failed download is forgotten, so that the next search tries again (slow, patchy mobile data).
  function load(name) {
    var url = new URL(name, manifestURL).href;
    if (!cache.has(url)) {
      var promise = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
      promise.catch(function () { if (cache.get(url) === promise) cache.delete(url); });
      cache.set(url, promise);
    }
    return cache.get(url);
  }

  function manifest() {
    if (!manifestPromise) {
      var promise = fetch(manifestURL.href, { cache: 'no-cache' }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
      promise.catch(function () { if (manifestPromise === promise) manifestPromise = null; });
      manifestPromise = promise;
    }
    return manifestPromise;
  }

  // What a card's four fields are, by the kind in its seventh element (none for a vacancy).
  var KINDS = {
    vacancy: { label: '', fields: ['Đơn vị tuyển dụng', 'Nơi làm việc', 'Mức lương', 'Hạn nộp hồ sơ'] },
    'su-kien': { label: 'Sự kiện', fields: ['Đơn vị tổ chức', 'Địa điểm', '', 'Thời gian'] },
    'hoc-nghe': { label: 'Khóa học nghề', fields: ['Nơi dạy', 'Nơi học', 'Học phí', 'Hạn đăng ký'] }
  };

  function field(list, label, value) {
    var dt = document.createElement('dt');
    dt.textContent = label;
    var dd = document.createElement('dd');
    dd.textContent = value;
    list.appendChild(dt);
    list.appendChild(dd);
  }

  function show(cards, total, announce, append) {
    if (!append) results.textContent = '';
    var firstLink = null;
    cards.forEach(function (card) {
      var item = document.createElement('li');
      var article = document.createElement('article');
      article.className = 'card';
      var heading = document.createElement('h2');
      var link = document.createElement('a');
      link.href = root + card[1];
      link.textContent = card[0];
      if (!firstLink) firstLink = link;
      heading.appendChild(link);
      article.appendChild(heading);
      var kind = KINDS[card[6]] || KINDS.vacancy;
      if (kind.label) {
        var badge = document.createElement('p');
        badge.className = 'card-kind';
        badge.textContent = kind.label;
        article.insertBefore(badge, heading);
      }
      var details = document.createElement('dl');
      for (var i = 0; i < 4; i++) {
        if (card[2 + i]) field(details, kind.fields[i], card[2 + i]);
      }
      article.appendChild(details);
      item.appendChild(article);
      results.appendChild(item);
    });
    state.shown = (append ? state.shown : 0) + cards.length;
    results.hidden = state.shown === 0;
    more.hidden = state.shown >= total;
    if (!append) empty.hidden = total !== 0;
    var message = total === 0 ? 'Không tìm thấy kết quả phù hợp với “' + state.query + '”.'
      : 'Tìm thấy ' + total + ' kết quả' + (total > state.shown ? ', đang hiện ' + state.shown + ' kết quả đầu tiên.' : '.');
    if (announce) status.textContent = message;
    return firstLink;
  }

  // "Xem thêm kết quả": the next results, and focus on the first of them for keyboard and
  // screen-reader users.
  more.addEventListener('click', function () {
    var forGeneration = generation;
    cardsFor(state.documents, state.manifest, load, state.shown).then(function (cards) {
      if (forGeneration !== generation) return;
      var first = show(cards, state.documents.length, true, true);
      if (first) first.focus();
    }).catch(function () {
      status.textContent = loadFailureMessage(window.location.protocol);
    });
  });

  function run(text, announce) {
    var current = ++generation;
    state.query = text.trim();
    if (terms(text).length === 0) {
      results.textContent = '';
      results.hidden = true;
      more.hidden = true;
      empty.hidden = true;
      status.textContent = '';
      return;
    }
    manifest().then(function (m) {
      return search(text, m, load).then(function (documents) {
        return cardsFor(documents, m, load).then(function (cards) {
          if (current === generation) {
            state.documents = documents;
            state.manifest = m;
            show(cards, documents.length, announce, false);
          }
        });
      });
    }).catch(function () {
      if (current === generation) status.textContent = loadFailureMessage(window.location.protocol);
    });
  }

  function urlFor(text) {
    var url = new URL(window.location.href);
    if (text) { url.searchParams.set('q', text); } else { url.searchParams.delete('q'); }
    return url.href;
  }

  function queryInURL() {
    return new URL(window.location.href).searchParams.get('q') || '';
  }

  /**
   * Puts the query in the address. The first pause in typing adds a history entry, so that Back
   * returns to the search shown before; later pauses only update that entry. Submitting keeps the
   * entry it shows: typing after it adds a new one.
   */
  function remember(text, typing) {
    var typedEntry = !!(history.state && history.state.typed);
    if (text === queryInURL()) {
      if (!typing && typedEntry) history.replaceState({ typed: false }, '', window.location.href);
    } else if (typing && typedEntry) {
      history.replaceState({ typed: true }, '', urlFor(text));
    } else {
      history.pushState({ typed: typing }, '', urlFor(text));
    }
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      remember(input.value, true);
      run(input.value, true);
    }, TYPING_PAUSE_MS);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    remember(input.value, false);
    run(input.value, true);
  });

  window.addEventListener('popstate', function () {
    clearTimeout(timer);
    input.value = queryInURL();
    run(input.value, true);
  });

  input.value = queryInURL();
  if (input.value) run(input.value, true);
})();
