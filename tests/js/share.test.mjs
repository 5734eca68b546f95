// Tests of the share button's logic (themes/default/assets/share.js) under node, with stand-ins for
// the phone's navigator: the Web Share API where there is one, the clipboard otherwise.
// Run: node --test tests/js/share.test.mjs
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { share, message } = require(fileURLToPath(new URL('../../themes/default/assets/share.js', import.meta.url)));
const data = { title: 'Thợ may', url: 'https://vieclam.example.vn/phien-cho/viec-lam/nb-1/' };

describe('share', () => {
  test('uses the Web Share API where the phone has it, with the title and the address', async () => {
    const calls = [];
    const outcome = await share({ navigator: { share: async (d) => { calls.push(d); } } }, data);
    assert.equal(outcome, 'shared');
    assert.deepEqual(calls, [data]);
  });

  test('a share sheet closed by the reader is no error and copies nothing', async () => {
    let copied = null;
    const abort = Object.assign(new Error('closed'), { name: 'AbortError' });
    const navigator = { share: async () => { throw abort; }, clipboard: { writeText: async (t) => { copied = t; } } };
    assert.equal(await share({ navigator }, data), 'cancelled');
    assert.equal(copied, null);
    assert.equal(message('cancelled'), '');
  });

  test('without the Web Share API the link is copied, and the reader is told where to paste it', async () => {
    let copied = null;
    const outcome = await share({ navigator: { clipboard: { writeText: async (t) => { copied = t; } } } }, data);
    assert.equal(outcome, 'copied');
    assert.equal(copied, data.url);
    assert.match(message(outcome), /Đã chép địa chỉ.*Zalo/);
  });

  test('a failed share falls back to copying', async () => {
    let copied = null;
    const navigator = { share: async () => { throw new Error('not allowed'); }, clipboard: { writeText: async (t) => { copied = t; } } };
    assert.equal(await share({ navigator }, data), 'copied');
    assert.equal(copied, data.url);
  });

  test('with neither, it says how to copy by hand and never throws', async () => {
    assert.equal(await share({ navigator: {} }, data), 'unavailable');
    assert.equal(await share({}, data), 'unavailable');
    const refused = { clipboard: { writeText: async () => { throw new Error('denied'); } } };
    assert.equal(await share({ navigator: refused }, data), 'unavailable');
    assert.match(message('unavailable'), /bấm giữ/);
  });
});
