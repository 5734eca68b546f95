// Tests of "Nghe đọc tin" (themes/default/assets/speech.js) under node: which voice is used (only a
// Vietnamese one, so the button never appears without one) and what is read aloud.
// Run: node --test tests/js/speech.test.mjs
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { vietnameseVoice, textToRead } = require(fileURLToPath(new URL('../../themes/default/assets/speech.js', import.meta.url)));

describe('vietnameseVoice', () => {
  test('no Vietnamese voice, no voice (and so no button)', () => {
    assert.equal(vietnameseVoice([]), null);
    assert.equal(vietnameseVoice(undefined), null);
    assert.equal(vietnameseVoice([{ lang: 'en-US', localService: true }, { lang: 'fr-FR' }]), null);
    assert.equal(vietnameseVoice([{ lang: 'video' }]), null, 'a lang that only starts with "vi" letters');
  });

  test('a Vietnamese voice is found whatever its lang spelling, one on the phone preferred', () => {
    const remote = { name: 'mạng', lang: 'vi-VN', localService: false };
    const local = { name: 'máy', lang: 'vi_VN', localService: true };
    assert.equal(vietnameseVoice([{ lang: 'en-GB' }, remote]), remote);
    assert.equal(vietnameseVoice([remote, local]), local);
    assert.equal(vietnameseVoice([{ lang: 'vi' }]).lang, 'vi');
  });
});

describe('textToRead', () => {
  test('reads the key facts line by line as sentences, without layout spaces', () => {
    const text = 'Công nhân may\n  Lương\n6.500.000 – 9.000.000 đồng/tháng\n\n Hạn nộp hồ sơ \n31/12/2026 (còn 39 ngày)\n';
    assert.equal(textToRead(text), 'Công nhân may. Lương. 6.500.000 – 9.000.000 đồng/tháng. Hạn nộp hồ sơ. 31/12/2026 (còn 39 ngày)');
  });

  test('no doubled full stops', () => {
    assert.equal(textToRead('Gọi cho Công ty A.\nxã Gia Trấn'), 'Gọi cho Công ty A. xã Gia Trấn');
  });
});
