// The README's screenshots come from the test setup: both examples' comments rendered to PNG by headless Chromium
// (installed by `npm test` like Docker is), and docs/screenshots checked against what the renderer makes today.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  EXAMPLES,
  MANIFEST,
  ROOT,
  SCREENSHOTS,
  WIDTH,
  digest,
  exampleHtml,
  exampleMarkdown,
  findChromium,
  pngSize,
  screenshotExample,
} from '../../scripts/comment-screenshot.js';

const out = mkdtempSync(join(tmpdir(), 'tfr-screenshots-'));
after(() => rmSync(out, { recursive: true, force: true }));
const STALE = 'docs/screenshots is stale: run npm run screenshots and commit the result';

test('both examples render to a PNG of the comment: produced, non-trivial, one screen when the repository is clean', async () => {
  const chromium = findChromium();
  assert.ok(chromium, 'no chromium: npm test installs it (apt-get install chromium)');
  const sizes: Record<string, { width: number; height: number }> = {};
  for (const example of EXAMPLES) {
    const file = join(out, `${example}.png`);
    await screenshotExample(chromium, example, file);
    const size = pngSize(readFileSync(file));
    assert.ok(size, `${example}.png is not a PNG`);
    assert.equal(size.width, WIDTH);
    assert.ok(statSync(file).size > 10_000, `${example}.png holds ${statSync(file).size} bytes`);
    sizes[example] = size;
  }
  // The failing example's comment is long (findings by factor); the clean one fits on one screen.
  assert.ok(sizes.hardcoded.height > 1000, `hardcoded: ${sizes.hardcoded.height} px`);
  assert.ok(
    sizes.production.height > 200 && sizes.production.height < 600,
    `production: ${sizes.production.height} px`,
  );
});

test('docs/screenshots were taken of what the renderer makes of the recorded reports today', () => {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<
    string,
    { html: string; width: number; height: number }
  >;
  for (const example of EXAMPLES) {
    assert.equal(manifest[example]?.html, digest(exampleHtml(example)), `${example}: ${STALE}`);
    const size = pngSize(readFileSync(join(SCREENSHOTS, `${example}.png`)));
    assert.deepEqual(size, { width: manifest[example].width, height: manifest[example].height }, STALE);
  }
  const comment = readFileSync(join(ROOT, 'docs', 'example-comment.md'), 'utf8');
  assert.equal(
    comment.replace(/^<!--[^\n]*-->/, ''),
    exampleMarkdown('hardcoded').replace(/^<!--[^\n]*-->/, ''),
    STALE,
  );
});
