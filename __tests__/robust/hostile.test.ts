import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { analyzeStatic } from '../../src/pipeline.js';
import { HOSTILE_CASES } from './cases.js';

const base = mkdtempSync(join(tmpdir(), 'tfr-hostile-'));
after(() => rmSync(base, { recursive: true, force: true }));

HOSTILE_CASES.forEach((c, i) => {
  // The timeout only guards against a hang; timings are the reliability report's business.
  test(c.name, { timeout: 60_000 }, async () => {
    const root = join(base, `repo${i}`);
    const outside = join(base, `outside${i}`);
    mkdirSync(root, { recursive: true });
    mkdirSync(outside, { recursive: true });
    c.make(root, outside);
    const before = process.memoryUsage().rss;
    const { project, findings } = await analyzeStatic(root, DEFAULT_CONFIG);
    const grown = process.memoryUsage().rss - before;
    c.check(findings);
    // Bounded memory: an alias bomb or a huge file must not be expanded or held whole.
    assert.ok(
      grown < 512 * 1024 * 1024,
      `the analysis grew the process by ${Math.round(grown / 2 ** 20)} MiB`,
    );
    const everything = JSON.stringify({ project, findings });
    for (const text of c.forbidden ?? [])
      assert.ok(!everything.includes(text), `"${text}" leaked into the result`);
  });
});
