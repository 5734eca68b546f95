/* Tìm kiếm việc làm — phiencho's search script. Plain JavaScript, no framework.
 *
 * Reads the split index of tim-kiem/ (SearchIndex.swift): the manifest, then only the shards of
 * the query's words, the card blocks of the results shown and, for a typo, the vocabulary.
 * Text from the index is set with textContent only. Folding and tokenising are SearchTokenizer's
 * (shared cases: Fixtures/search-cases.json); the ranking lives here only (docs/search.md).
 */
(function () {
  'use strict';

  var MINIMUM_PREFIX_LENGTH = 2;
  var MAXIMUM_PREFIX_SHARDS = 2;
  var RESULTS_SHOWN = 10;
  var TYPING_PAUSE_MS = 350;
  var TYPO_MINIMUM_LENGTH = 4;   // typos are forgiven in words of 4 letters or more
  var TYPO_TERMS = 3;            // at most this many index terms stand for a mistyped word

  /** NFC → lower-case → strip every combining mark → đ→d (same as VietnameseFolding.fold).
   *  Σ is lowered first, alone: toLowerCase() would pick ς at the end of a word, Swift always σ. */
  function fold(text) {
    return lower(text).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').normalize('NFC');
  }

  function lower(text) {
    return text.normalize('NFC').replace(/Σ/g, 'σ').toLowerCase().normalize('NFC');
  }

  /** Search terms: folded runs of letters and numbers (\p{L}, \p{N}), as SearchTokenizer.terms. */
  function terms(text) {
    return fold(text).match(/[\p{L}\p{N}]+/gu) || [];
  }

  /** Terms with the form they were written in (lower-case, diacritics kept), as SearchTokenizer.words. */
  function words(text) {
    var out = [];
    (lower(text).match(/[\p{L}\p{M}\p{N}]+/gu) || []).forEach(function (run) {
      var found = terms(run);
      found.forEach(function (term) { out.push({ term: term, form: found.length === 1 ? run : term }); });
    });
    return out;
  }

  function length(term) { return Array.from(term).length; }   // code points, not UTF-16 units

  /** Postings string → ascending document numbers; see SearchIndex+Postings.swift. */
  function decodePostings(postings, documentCount, parent) {
    var documents = [];
    if (!postings) return documents;
    var body = postings.slice(1);
    if (postings[0] === 'a') return parent.slice();
    if (postings[0] === 'r') return decodePostings(body, parent.length).map(function (i) { return parent[i]; });
    if (postings[0] === 'c') {
      var excluded = new Set(decodePostings(body, parent.length));
      return parent.filter(function (d, i) { return !excluded.has(i); });
    }
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

  /** The query's words, whether the last one also matches as a prefix (still being typed), and
   *  whether diacritics were typed (then the forms written as typed rank first). */
  function parseQuery(text) {
    var list = words(text);
    return {
      words: list.map(function (w) { return w.term; }), forms: list.map(function (w) { return w.form; }),
      prefixLast: list.length > 0 && !/\s$/.test(text),
      accents: list.some(function (w) { return w.form !== w.term; })
    };
  }

  /** Edit distance (a letter added, removed, replaced, or two neighbours swapped), up to `limit` + 1. */
  function distance(a, b, limit) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var rows = [[]], i, j;
    for (j = 0; j <= b.length; j++) rows[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      rows[i] = [i];
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
    return Math.min(rows[a.length][b.length], limit + 1);
  }

  /** Vocabulary rows [term, documents, form?] within `limit` edits of `term`: nearest, then commonest. */
  function nearest(term, limit, manifest, load) {
    var size = length(term);
    var files = (manifest.words || []).filter(function (w) { return Math.abs(w[0] - size) <= limit; });
    return Promise.all(files.map(function (w) { return load(w[1]); })).then(function (lists) {
      var found = [];
      lists.forEach(function (rows) {
        rows.forEach(function (row) {
          var d = distance(term, row[0], limit);
          if (d <= limit && row[0] !== term) found.push([d, row]);
        });
      });
      found.sort(function (x, y) { return (x[0] - y[0]) || (y[1][1] - x[1][1]) || (x[1][0] < y[1][0] ? -1 : 1); });
      return found.map(function (f) { return f[1]; });
    });
  }

  function intersect(a, b) {
    var set = new Set(b);
    return a.filter(function (d) { return set.has(d); });
  }

  function union(a, b) {
    if (b.length === 0) return a;
    var set = new Set(a);
    b.forEach(function (d) { set.add(d); });
    return Array.from(set);
  }

  /** Documents of an index entry whose written form is `form` (or starts with it, for a prefix). */
  function written(entry, all, term, form, prefix, count) {
    var extras = entry[2] || {}, found = [];
    (extras.v ? Object.keys(extras.v) : [extras.f || term]).forEach(function (f) {
      if (f === form || (prefix && f.indexOf(form) === 0)) found = union(found, extras.v ? decodePostings(extras.v[f], count, all) : all);
    });
    return found;
  }

  /**
   * Ranks the documents matching at least one word (rules: docs/search.md). `matches`, one per
   * word: {all, typed (null: any form), title, whole, wholeTitle, entry, terms, lists}.
   */
  function rank(query, matches, count) {
    var scores = new Map();
    function add(documents, slot) {
      documents.forEach(function (d) { var s = scores.get(d); if (s) s[slot]++; });
    }
    matches.forEach(function (m) {
      m.all.forEach(function (d) { if (!scores.has(d)) scores.set(d, [0, 0, 0, 0, 0, 0, 0, 0, 0]); });
    });
    matches.forEach(function (m, i) {
      add(m.typed || m.all, 0);
      add(m.all, 1);
      add(m.title, 7);
      add(m.whole, 8);
      if (!m.entry) return;
      var extras = m.entry[2] || {}, all = m.whole, title = m.wholeTitle, word = query.words[i];
      add(title, 3);
      ['p', 's'].forEach(function (key, slot) {
        Object.keys(extras[key] || {}).forEach(function (phrase) {
          var parts = phrase.split(' ');
          if (parts.every(function (part, k) { return query.words[i + k] === part; })) add(decodePostings(extras[key][phrase], count, all), 4 + slot);
        });
      });
      if (query.accents) {
        var form = query.forms[i];
        add(extras.v ? (extras.t && extras.t[form] ? decodePostings(extras.t[form], count, title) : []) : (extras.f || word) === form ? title : [], 6);
      }
      var following = matches[i + 1];
      if (!following) return;
      var typing = query.prefixLast && i + 2 === query.words.length;
      var adjacent = [];
      Object.keys(extras.n || {}).forEach(function (term) {
        var other = following.lists[term];   // the next word's documents, if it stands for this term
        if (other && (following.terms.indexOf(term) >= 0 || (typing && term.indexOf(query.words[i + 1]) === 0))) {
          adjacent = union(adjacent, decodePostings(extras.n[term], count, intersect(all, other)));
        }
      });
      add(adjacent, 2);
    });
    var ranked = Array.from(scores.keys());
    scores.forEach(function (s) { if (s[0] < matches.length) s[4] = s[5] = 0; });   // places rank complete results only
    ranked.sort(function (a, b) {
      var x = scores.get(a), y = scores.get(b);
      for (var k = 0; k < 9; k++) if (x[k] !== y[k]) return y[k] - x[k];
      return a - b;
    });
    return {
      documents: ranked,
      complete: ranked.filter(function (d) { return scores.get(d)[0] === matches.length; }).length
    };
  }

  /**
   * Runs a query through `load(name) → Promise<JSON>` (names relative to the manifest). Resolves to
   * {documents, complete (the first ones, holding every word), fixed ([typed, [terms]] for typos),
   * suggestions (when nothing is found)}.
   */
  function search(text, manifest, load) {
    var query = parseQuery(text);
    var found = { documents: [], complete: 0, fixed: [], suggestions: [] };
    if (manifest.shards.length === 0 || query.words.length === 0) return Promise.resolve(found);
    var firstTerms = manifest.shards.map(function (s) { return s[0]; });
    var count = manifest.documents;
    function entry(term) {
      return load(manifest.shards[shardFor(term, firstTerms)][1]).then(function (shard) {
        return Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : null;
      });
    }
    return Promise.all(query.words.map(function (word, position) {
      var form = query.forms[position], plain = form === word;
      var isPrefix = query.prefixLast && position === query.words.length - 1 && length(word) >= MINIMUM_PREFIX_LENGTH;
      var own = shardFor(word, firstTerms);
      var shards = isPrefix ? prefixShards(word, firstTerms) : [own];
      if (shards.indexOf(own) < 0) shards.unshift(own);
      return Promise.all(shards.map(function (i) { return load(manifest.shards[i][1]); })).then(function (loaded) {
        var m = { all: [], typed: plain ? null : [], title: [], whole: [], entry: null, terms: [word], lists: {} };
        loaded.forEach(function (shard) {
          Object.keys(shard).forEach(function (term) {
            var exact = term === word;
            if (!exact && !(isPrefix && term.indexOf(word) === 0)) return;
            var all = m.lists[term] = decodePostings(shard[term][0], count), title = decodePostings(shard[term][1], count);
            if (exact) { m.entry = shard[term]; m.whole = all; m.wholeTitle = title; }
            m.all = union(m.all, all);
            m.title = union(m.title, title);
            if (!plain) m.typed = union(m.typed, written(shard[term], all, term, form, isPrefix, count));
          });
        });
        if (m.all.length > 0 || length(word) < TYPO_MINIMUM_LENGTH || /^\d+$/.test(word)) return m;
        return nearest(word, 1, manifest, load).then(function (rows) {
          rows = rows.slice(0, TYPO_TERMS);
          m.terms = rows.map(function (row) { return row[0]; });
          if (rows.length) found.fixed.push([form, rows.map(function (row) { return row[2] || row[0]; })]);
          return Promise.all(rows.map(function (row) { return entry(row[0]); })).then(function (entries) {
            entries.forEach(function (e, k) {
              if (!e) return;
              m.all = union(m.all, m.lists[rows[k][0]] = decodePostings(e[0], count));
              m.title = union(m.title, decodePostings(e[1], count));
            });
            m.typed = null;   // a forgiven typo matches as typed
            return m;
          });
        });
      });
    })).then(function (matches) {
      var ranked = rank(query, matches, count);
      found.documents = ranked.documents;
      found.complete = ranked.complete;
      if (ranked.documents.length > 0) return found;
      return suggest(query, manifest, load).then(function (suggestions) {
        found.suggestions = suggestions;
        return found;
      });
    });
  }

  /** Up to three queries with each word replaced by a near vocabulary word (two edits from 5 letters). */
  function suggest(query, manifest, load) {
    return Promise.all(query.words.map(function (word) {
      var size = length(word);
      return size < 3 ? Promise.resolve([]) : nearest(word, size >= 5 ? 2 : 1, manifest, load);
    })).then(function (lists) {
      var suggestions = [];
      for (var k = 0; k < 3; k++) {
        var parts = lists.map(function (rows) { var row = rows[Math.min(k, rows.length - 1)]; return row ? row[2] || row[0] : null; })
          .filter(function (part) { return part; });
        var text = parts.join(' ');
        if (text && suggestions.indexOf(text) < 0) suggestions.push(text);
      }
      return suggestions;
    });
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
    loadFailureMessage: loadFailureMessage, fold: fold, terms: terms, words: words, decodePostings: decodePostings, shardFor: shardFor,
    prefixShards: prefixShards, parseQuery: parseQuery, distance: distance, search: search, cardsFor: cardsFor,
    RESULTS_SHOWN: RESULTS_SHOWN
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
  var state = { found: null, shown: 0, manifest: null, query: '' };
  var suggestions = null;
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

  function badge(article, text, className) {
    var p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    article.insertBefore(p, article.firstChild);
  }

  /** Shows `cards` (results `start`…); those after the `complete` ones are labelled "Kết quả gần đúng". */
  function show(cards, start, announce) {
    if (start === 0) results.textContent = '';
    var firstLink = null;
    cards.forEach(function (card, i) {
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
      if (kind.label) badge(article, kind.label, 'card-kind');
      if (start + i >= state.found.complete) badge(article, 'Kết quả gần đúng', 'card-kind card-approximate');
      var details = document.createElement('dl');
      for (var j = 0; j < 4; j++) {
        if (card[2 + j]) field(details, kind.fields[j], card[2 + j]);
      }
      article.appendChild(details);
      item.appendChild(article);
      results.appendChild(item);
    });
    var found = state.found, total = found.documents.length;
    state.shown = start + cards.length;
    results.hidden = state.shown === 0;
    more.hidden = state.shown >= total;
    if (start === 0) showSuggestions(found.suggestions);
    if (start === 0) empty.hidden = total !== 0;
    // One short line: how many results hold what was typed, then how many come close.
    var complete = found.complete, quoted = '“' + state.query + '”';
    var message = total === 0 ? 'Không tìm thấy việc nào ' + quoted + '.'
      : complete === 0 ? 'Không có việc nào đúng ' + quoted + '; ' + total + ' việc gần giống:'
      : 'Có ' + complete + ' việc ' + quoted + (complete === total ? '.' : ', thêm ' + (total - complete) + ' việc gần giống.');
    found.fixed.forEach(function (pair) { message += ' Không có từ “' + pair[0] + '”, đã tìm theo “' + pair[1].join('”, “') + '”.'; });
    if (announce) status.textContent = message;
    return firstLink;
  }

  /** "Có phải bạn muốn tìm": links to the nearest queries, at the top of the empty-result block. */
  function showSuggestions(list) {
    if (!suggestions) {
      if (!empty.insertBefore) return;
      suggestions = document.createElement('p');
      suggestions.setAttribute('data-search-suggestions', '');
      empty.insertBefore(suggestions, empty.firstChild);
    }
    suggestions.textContent = '';
    suggestions.hidden = list.length === 0;
    if (list.length) suggestions.appendChild(document.createTextNode('Có phải bạn muốn tìm: '));
    list.forEach(function (text, i) {
      var link = document.createElement('a');
      link.href = urlFor(text);
      link.textContent = text;
      if (i) suggestions.appendChild(document.createTextNode(', '));
      suggestions.appendChild(link);
    });
    if (list.length) suggestions.appendChild(document.createTextNode('?'));
  }

  // "Xem thêm kết quả": the next results, and focus on the first of them for keyboard and
  // screen-reader users.
  more.addEventListener('click', function () {
    var forGeneration = generation;
    cardsFor(state.found.documents, state.manifest, load, state.shown).then(function (cards) {
      if (forGeneration !== generation) return;
      var first = show(cards, state.shown, true);
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
    if (announce && !state.manifest) status.textContent = 'Đang tải dữ liệu tìm kiếm…';
    manifest().then(function (m) {
      return search(text, m, load).then(function (found) {
        return cardsFor(found.documents, m, load).then(function (cards) {
          if (current === generation) {
            state.found = found;
            state.manifest = m;
            show(cards, 0, announce);
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
