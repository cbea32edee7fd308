import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { fingerprintOf } from '../../src/core/fingerprint.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex, sha256HexJs, sha256IsNative } from '../../src/core/sha256.js';

const ROOT = join(import.meta.dirname, '../..');

const oracle = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

test('sha256Hex: the digests of the standard test vectors', () => {
  assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(
    sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  );
});

test('sha256Hex: the same digest as node:crypto across block boundaries and non-ASCII text', () => {
  const texts = ['TF0301\0mysite/settings.py\0SECRET_KEY', 'é'.repeat(31), '🐍\0\u0000'.repeat(50)];
  for (let n = 0; n < 200; n++) texts.push('x'.repeat(n));
  for (let n = 0; n < 100; n++)
    texts.push(Array.from({ length: n }, (_, i) => String.fromCharCode((i * 977 + n) % 0x3000)).join(''));
  for (const text of texts) {
    assert.equal(sha256Hex(text), oracle(text), JSON.stringify(text.slice(0, 20)));
    assert.equal(sha256HexJs(text), oracle(text), JSON.stringify(text.slice(0, 20)));
  }
});

test('sha256Hex: hashes in WebAssembly, a text longer than its memory too', () => {
  assert.equal(sha256IsNative(), true);
  const long = 'é🐍x'.repeat(40_000);
  assert.equal(sha256Hex(long), oracle(long));
  assert.equal(sha256Hex('abc'), oracle('abc'));
});

test('sha256-wasm.ts holds the assembly of sha256.wat', async () => {
  const { assembled, source } = (await import(join(ROOT, 'scripts/sha256-wasm.mjs'))) as {
    assembled: () => Promise<string>;
    source: (base64: string) => string;
  };
  assert.equal(readFileSync(join(ROOT, 'src/core/sha256-wasm.ts'), 'utf8'), source(await assembled()));
});

test('fingerprintOf: the same fingerprints before and after the run switches to the native hash', () => {
  for (let n = 0; n < 600; n++) {
    const raw = { file: `app${n}/Dockerfile`, line: 1, message: `finding ${n} é` };
    assert.equal(
      fingerprintOf('TF0201', raw),
      oracle(`TF0201\0app${n}/Dockerfile\0finding ${n} é`).slice(0, 16),
      `finding ${n}`,
    );
  }
});
