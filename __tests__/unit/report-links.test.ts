import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { inlineBody } from '../../src/github/review.js';
import { TOOL } from '../../src/pipeline.js';
import { INFORMATION_URI, ruleHelpUri } from '../../src/report/common.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { FIXTURE_RULES, fixtureReport } from './report-fixture.js';

const RELEASED = { name: 'twelve-factor-review', version: '9.8.7' };

/** The ref of every link into docs/rules.md in a text. */
function docsRefs(text: string): string[] {
  return [...text.matchAll(/\/blob\/([^/\s)"]+)\/docs\/rules\.md#/g)].map((m) => m[1]);
}

test('a rule help link points at the docs of the tag of the version that ran', () => {
  assert.equal(
    ruleHelpUri({ id: 'TF0301', name: 'secret-key-in-code' }, '1.2.3'),
    `${INFORMATION_URI}/blob/v1.2.3/docs/rules.md#tf0301-secret-key-in-code`,
  );
});

test("the comment, the inline comments and SARIF's helpUri link the report's version, never main", () => {
  const report = fixtureReport({ tool: RELEASED });
  const md = renderMarkdown(report, {
    repoUrl: 'https://github.com/acme/shop',
    sha: 'abc',
    marker: '<!-- m -->',
  });
  const sarif = renderSarif(report, FIXTURE_RULES);
  const inline = report.findings
    .map((f) => inlineBody(f, '<!-- m -->', ruleHelpUri({ id: f.ruleId, name: f.name }, report.tool.version)))
    .join('\n');
  for (const [where, text] of Object.entries({ md, sarif, inline })) {
    const refs = docsRefs(text);
    assert.ok(refs.length > 0, `${where} links the docs`);
    assert.deepEqual([...new Set(refs)], ['v9.8.7'], where);
  }
  const helpUris = (JSON.parse(sarif) as { runs: { tool: { driver: { rules: { helpUri: string }[] } } }[] })
    .runs[0].tool.driver.rules;
  assert.equal(helpUris.length, FIXTURE_RULES.length);
});

test("the tool's version is package.json's", () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  assert.equal(TOOL.version, pkg.version);
});
