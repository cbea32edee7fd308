import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { renderAnnotations } from '../../src/report/annotations.js';
import { escapeHtml, escapeMarkdown, fencedBlock, neutraliseMentions } from '../../src/report/escape.js';
import fc from 'fast-check';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import type { Finding, Severity } from '../../src/core/index.js';
import { HOSTILE_FILE, HOSTILE_LOG, assertSnapshot, finding, fixtureReport } from './report-fixture.js';

const ZWJ = '\u200D';
const MD_OPTIONS = {
  repoUrl: 'https://github.com/acme/shop',
  sha: '0123456789abcdef',
  marker: '<!-- twelve-factor-review -->',
};

/** The markdown outside fenced code blocks: where escaping must hold. */
function outsideFences(md: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of md.split('\n')) {
    const m = /^\s*(`{3,})\s*$/.exec(line);
    if (fence) {
      if (m && m[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (m) {
      fence = m[1];
      continue;
    }
    out.push(line);
  }
  assert.equal(fence, undefined, 'every fence is closed');
  return out.join('\n');
}

test('markdown snapshot: verdict, smoke tables, findings by factor, suppressed section', () => {
  assertSnapshot('report.md.snap', renderMarkdown(fixtureReport(), MD_OPTIONS));
});

test('json snapshot', () => {
  assertSnapshot('report.json.snap', renderJson(fixtureReport()));
});

test('text snapshots, plain and coloured', () => {
  assertSnapshot('report.txt.snap', renderText(fixtureReport(), { color: false }));
  assertSnapshot('report-color.txt.snap', renderText(fixtureReport(), { color: true }));
});

test('annotations snapshot', () => {
  assertSnapshot('annotations.json.snap', `${JSON.stringify(renderAnnotations(fixtureReport()), null, 2)}\n`);
});

test('markdown: hostile file names, messages and logs cannot open HTML, links or table cells', () => {
  const md = renderMarkdown(fixtureReport(), MD_OPTIONS);
  // Outside code spans and fences, only the HTML the renderer writes itself.
  const prose = outsideFences(md).replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
  const tags = [...prose.matchAll(/<\/?([a-zA-Z!][\w-]*)/g)].map((m) => m[1].toLowerCase());
  assert.deepEqual([...new Set(tags)].sort(), ['!--', 'a', 'details', 'strong', 'summary']);
  assert.ok(!prose.includes('<script'), 'no script tag outside code');
  assert.ok(!prose.includes('<img'), 'no img tag outside code');
  // No link to javascript: (an unescaped "](" followed by the scheme).
  assert.ok(!/(^|[^\\])\]\(javascript/.test(prose));
  assert.ok(prose.includes('\\]\\(javascript\\:alert\\(1\\)\\)'));
  // Mentions in prose are neutralised; in code GitHub does not ping.
  assert.ok(!/@octocat/.test(prose), '@octocat outside code is broken by a zero-width joiner');
  assert.ok(prose.includes(`@${ZWJ}octocat`));
  assert.ok(prose.includes('\\*\\*bold\\*\\*'));
  assert.ok(!/^\s*#\s*heading/m.test(prose));
  assert.ok(!/^\s*>\s*quote/m.test(prose));
  // Table rows keep their three cells.
  for (const row of prose.split('\n').filter((l) => l.startsWith('|'))) {
    const cells = row.replace(/\\\|/g, '').split('|').length - 2;
    assert.equal(cells, 3, row);
  }
  // The log tail sits in a fence longer than its longest backtick run (4), so it cannot close it.
  assert.ok(md.includes('`````\n  Step 5/9'));
  assert.ok(!md.includes('\u001B'), 'ANSI escapes are stripped');
});

// A CommonMark + GFM-tables renderer with raw HTML allowed and bare URLs linkified, as GitHub does before sanitising.
const markdownIt = new MarkdownIt({ html: true, linkify: true });
const ALLOWED_TAGS = new Set(
  'h3 h4 h5 p strong em br a ul ol li table thead tbody tr th td details summary pre code blockquote'.split(
    ' ',
  ),
);

function fixFirstCount(md: string): number {
  const section = /#### Fix these first\n\n((?:\d\. .*\n)+)/.exec(md);
  return section ? section[1].trim().split('\n').length : 0;
}

function assertSafeHtml(md: string, findings: number) {
  const html = markdownIt.render(md);
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/g)) {
    assert.ok(ALLOWED_TAGS.has(m[1]), `unexpected <${m[1]}> in the rendered HTML`);
    const href = /href="([^"]*)"/.exec(m[2]);
    if (href) assert.match(href[1], /^(https:\/\/|#tfr-[\w-]+$)/, `link to ${href[1]}`);
  }
  const findingItems = html.match(/<li>[^<]*(?:❌|⚠️|ℹ️) <a href="[^"]*rules\.md/g) ?? [];
  assert.equal(findingItems.length, findings + fixFirstCount(md), 'one list item per finding');
  for (const row of html.match(/<tr>[\s\S]*?<\/tr>/g) ?? []) {
    assert.equal((row.match(/<t[dh][ >]/g) ?? []).length, 3, row);
  }
  return html;
}

test("markdown rendered to HTML: only the renderer's own tags and https links, hostile text shown as text", () => {
  const report = fixtureReport();
  const html = assertSafeHtml(renderMarkdown(report, MD_OPTIONS), report.findings.length);
  assert.ok(
    html.includes(
      'app/&lt;script&gt;alert(1)&lt;/script&gt;](javascript:alert(1))|`x`|@\u200Doctocat.py:7</a>',
    ),
  );
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; | <code>code</code> **bold**'));
  assert.ok(
    html.includes('&lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt; @octocat\n```\n</code></pre>'),
  );
  const plain = renderMarkdown(report);
  assertSafeHtml(plain, report.findings.length);
});

test('markdown: file:line links point at the repository path, percent-encoded', () => {
  const md = renderMarkdown(fixtureReport(), MD_OPTIONS);
  assert.ok(
    md.includes(
      '(https://github.com/acme/shop/blob/0123456789abcdef/examples/hardcoded/mysite/settings.py#L23)',
    ),
  );
  const hostileLink = md.match(/\]\((https:\/\/github\.com\/acme\/shop\/blob\/[^)\s]*%40octocat\.py#L7)\)/);
  assert.ok(hostileLink, 'the hostile file has a link');
  assert.ok(!/[()<>`|\s]/.test(hostileLink[1].slice('https://'.length)));
  // Without repoUrl and sha: plain text, no links to files.
  const plain = renderMarkdown(fixtureReport());
  assert.ok(!plain.includes('/blob/0123'));
  assert.ok(plain.includes('`mysite/settings.py:23`'));
});

test('markdown: marker first, verdict and counts, suppressed findings listed apart', () => {
  const md = renderMarkdown(fixtureReport(), MD_OPTIONS);
  assert.ok(md.startsWith('<!-- twelve-factor-review -->\n'));
  assert.match(md, /❌ Twelve-factor review: fail/);
  assert.match(md, /\*\*3 errors, 2 warnings, 1 notice\*\* · 2 suppressed/);
  const [active, suppressed] = md.split('<details><summary>Suppressed (2)');
  assert.ok(suppressed.includes('debug\\-in\\-code') || suppressed.includes('debug-in-code'));
  assert.ok(!active.includes('TF0302'), 'the suppressed TF0302 is not among the active findings');
  assert.match(suppressed, /suppressed by inline\\: local only|suppressed by inline: local only/);
  const pass = renderMarkdown(
    fixtureReport({ verdict: 'pass', findings: [], counts: { error: 0, warning: 0, notice: 0 } }),
  );
  assert.match(pass, /✅ Twelve-factor review: pass/);
  assert.match(pass, /No findings\./);
});

test('markdown: 10,000 findings fit in 65,536 characters with a pointer to the full report', () => {
  const findings: Finding[] = [];
  const severities: Severity[] = ['error', 'warning', 'notice'];
  for (let i = 0; i < 10_000; i++) {
    findings.push(
      finding('TF0301', {
        file: `apps/app${i}/mysite/settings.py`,
        line: i + 1,
        severity: severities[i % 3],
        message: `SECRET_KEY is a literal value in app ${i}: read it from the environment.`,
        details: i % 10 === 0 ? 'x\n'.repeat(50) : undefined,
      }),
    );
  }
  const report = fixtureReport({ findings, counts: { error: 3334, warning: 3333, notice: 3333 } });
  // CPU time, not wall time: a loaded machine must not fail it, a quadratic cut still does.
  const started = process.cpuUsage();
  const md = renderMarkdown(report, MD_OPTIONS);
  const cpu = process.cpuUsage(started);
  const elapsed = (cpu.user + cpu.system) / 1000;
  assert.ok(md.length <= 65_536, `length ${md.length}`);
  assert.ok(md.length > 50_000, 'uses the room it has');
  assert.match(md, /This report was shortened to fit \(\d+ of 10000 findings shown/);
  assert.match(md, /The full report is in the job summary of this run and in its JSON report\./);
  assert.match(md, /… and \d+ more findings not shown here\./);
  assert.ok(md.includes('**Smoke test**'), 'the smoke results survive the cut');
  assert.ok(elapsed < 5000, `rendered in ${Math.round(elapsed)} ms of CPU`);
  outsideFences(md);
  const shown = Number(/\((\d+) of 10000 findings shown/.exec(md)![1]);
  assertSafeHtml(md, shown);
  assert.ok(!md.includes('ℹ️'), 'the most severe findings are the ones kept');
});

test('markdown: every maxChars is honoured, down to a tiny one', () => {
  const report = fixtureReport();
  const full = renderMarkdown(report, MD_OPTIONS).length;
  for (const maxChars of [100, 500, 1000, 2000, 3000, full - 1, full]) {
    const md = renderMarkdown(report, { ...MD_OPTIONS, maxChars });
    assert.ok(md.length <= maxChars, `${md.length} > ${maxChars}`);
    assert.ok(md.startsWith(MD_OPTIONS.marker), 'the marker survives any cut');
    if (maxChars >= 500 && maxChars < full) assert.match(md, /shortened to fit/);
    if (maxChars === full) assert.doesNotMatch(md, /shortened to fit/);
    outsideFences(md);
  }
});

test('markdown: maxBytes bounds the UTF-8 size, for consumers that count bytes', () => {
  const findings = Array.from({ length: 3000 }, (_, i) =>
    finding('TF0301', {
      file: `設定/settings${i}.py`,
      line: 1,
      message: '秘密鍵がコードに書かれています。'.repeat(4),
    }),
  );
  const report = fixtureReport({ findings, counts: { error: 3000, warning: 0, notice: 0 } });
  const md = renderMarkdown(report, { maxChars: 1_000_000, maxBytes: 200_000 });
  assert.ok(Buffer.byteLength(md) <= 200_000, `${Buffer.byteLength(md)} bytes`);
  assert.ok(md.length < 200_000 && Buffer.byteLength(md) > 150_000);
  assert.match(md, /shortened to fit/);
});

test('markdown: errors come first within a factor', () => {
  const report = fixtureReport({
    findings: [
      finding('TF0302', { file: 'a/settings.py', line: 1, message: 'debug first in file order' }),
      finding('TF0301', { file: 'b/settings.py', line: 1, message: 'secret second in file order' }),
    ],
  });
  const md = renderMarkdown(report);
  assert.ok(md.indexOf('secret second') < md.indexOf('debug first'));
});

test('markdown: a finding about the whole project has no file link', () => {
  const report = fixtureReport({
    findings: [finding('TF0001', { file: '.', message: 'Rule TF0999 could not judge this project.' })],
  });
  const md = renderMarkdown(report, MD_OPTIONS);
  assert.match(md, /"parse-error"\) the whole project: Rule TF0999/);
});

test("text: the end of a finding's log is shown under it, trimmed as in markdown", () => {
  const log = Array.from({ length: 40 }, (_, i) => `log line ${i}`).join('\n');
  const report = fixtureReport({
    findings: [finding('TF0502', { file: 'Dockerfile', line: 5, message: 'build failed', details: log })],
  });
  const text = renderText(report, { color: false });
  assert.match(
    text,
    /build failed {2}TF0502 image-build-failed\n {7}│ \[… earlier lines cut\]\n {7}│ log line 15\n/,
  );
  assert.match(text, /│ log line 39\n/);
});

test('markdown: long log tails are cut to their end', () => {
  const log = Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n');
  const report = fixtureReport();
  report.smoke!.engines.postgres!.steps[0].logTail = log;
  const md = renderMarkdown(report);
  assert.ok(md.includes('line 499'));
  assert.ok(!md.includes('line 100\n'));
  assert.ok(md.includes('[… earlier lines cut]'));
});

test('escape helpers', () => {
  assert.equal(escapeMarkdown('a|b'), 'a\\|b');
  assert.equal(escapeMarkdown('<b>&'), '&lt;b&gt;&amp;');
  assert.equal(escapeMarkdown('# x\n> y'), '\\# x &gt; y');
  assert.equal(escapeMarkdown('@team'), `@${ZWJ}team`);
  assert.equal(escapeHtml(`it's <b> @me`), `it&#39;s &lt;b&gt; @${ZWJ}me`);
  assert.equal(fencedBlock('a ``` b\n`````'), '``````\na ``` b\n`````\n``````');
  assert.equal(fencedBlock('plain', '  '), '  ```\n  plain\n  ```');
});

test('text: grouped by file, suppressed findings marked and not counted, colours only when asked', () => {
  const plain = renderText(fixtureReport(), { color: false });
  assert.ok(!plain.includes('\u001B['), 'no ANSI codes without colour');
  assert.match(
    plain,
    /^mysite\/settings\.py\n {2}23:1 {2}error {4}SECRET_KEY is a literal value\. {2}TF0301 secret-key-in-code$/m,
  );
  assert.match(plain, /DEBUG = True in code\. {2}TF0302 debug-in-code {2}\(suppressed, inline: local only\)/);
  assert.match(
    plain,
    /✖ 6 problems \(3 errors, 2 warnings, 1 notice\), 2 suppressed: fail \(fail-on: error\)\n$/,
  );
  const coloured = renderText(fixtureReport(), { color: true });
  assert.ok(coloured.includes('\u001B[31merror'));
  assert.ok(coloured.includes('\u001B[2m'));
  // A file name cannot smuggle terminal escapes.
  const report = fixtureReport({
    findings: [finding('TF0301', { file: 'a\u001B[2Jb.py', line: 1, message: 'm\u0007' })],
  });
  assert.ok(!renderText(report, { color: false }).includes('\u001B'));
});

test('json: stable shape, file relative with /, line 1-based or null', () => {
  const json = JSON.parse(renderJson(fixtureReport()));
  assert.deepEqual(Object.keys(json), [
    'tool',
    'directory',
    'verdict',
    'failOn',
    'counts',
    'configFile',
    'apps',
    'skipped',
    'durationMs',
    'findings',
    'smoke',
  ]);
  assert.deepEqual(json.counts, { error: 3, warning: 2, notice: 1, suppressed: 2 });
  for (const f of json.findings) {
    assert.deepEqual(Object.keys(f).slice(0, 7), [
      'ruleId',
      'name',
      'factor',
      'severity',
      'kind',
      'file',
      'line',
    ]);
    assert.ok(f.line === null || (Number.isInteger(f.line) && f.line >= 1));
  }
  const hostile = json.findings.find((f: { file: string }) => f.file === HOSTILE_FILE);
  assert.equal(hostile.line, 7);
  assert.deepEqual(json.findings.find((f: { ruleId: string }) => f.ruleId === 'TF0302').suppressed, {
    by: 'inline',
    reason: 'local only',
  });
  assert.equal(json.smoke.engines.postgres.steps[0].logTail, HOSTILE_LOG);
  assert.equal(JSON.parse(renderJson(fixtureReport({ smoke: undefined }))).smoke, undefined);
});

test('annotations: unsuppressed only, repository paths, at most 10 per level with overflow notes', () => {
  const base = renderAnnotations(fixtureReport());
  assert.equal(base.length, 6);
  assert.ok(
    base.every((a) => !a.title.startsWith('TF0302')),
    'suppressed findings are not annotated',
  );
  const secret = base.find((a) => a.file === 'examples/hardcoded/mysite/settings.py');
  assert.deepEqual(secret, {
    level: 'error',
    message: 'SECRET_KEY is a literal value.',
    title: 'TF0301 secret-key-in-code',
    file: 'examples/hardcoded/mysite/settings.py',
    startLine: 23,
  });

  const many = (severity: Severity, n: number) =>
    Array.from({ length: n }, (_, i) =>
      finding('TF0301', { file: `f${severity}${i}.py`, line: i + 1, severity, message: `${severity} ${i}` }),
    );
  const report = fixtureReport({
    findings: [...many('error', 17), ...many('warning', 11), ...many('notice', 30)],
  });
  const annotations = renderAnnotations(report);
  const count = (level: Severity) => annotations.filter((a) => a.level === level).length;
  // The report fails, and core.setFailed adds an error annotation of its own: 9 + 1 = 10.
  assert.equal(report.verdict, 'fail');
  assert.equal(count('error'), 9);
  assert.equal(count('warning'), 10);
  assert.equal(count('notice'), 10, 'overflow notes count against the notice cap');
  assert.equal(
    renderAnnotations({ ...report, verdict: 'pass' }).filter((a) => a.level === 'error').length,
    10,
    'a passing run (fail-on never) may use all ten',
  );
  const notes = annotations.filter((a) => a.file === undefined).map((a) => a.message);
  assert.deepEqual(notes, [
    'and 8 more errors: see the job summary',
    'and 1 more warning: see the job summary',
    'and 23 more notices: see the job summary',
  ]);

  const few = renderAnnotations(fixtureReport({ findings: [...many('warning', 12), ...many('notice', 10)] }));
  assert.equal(few.filter((a) => a.level === 'notice').length, 10);
  assert.deepEqual(
    few.filter((a) => a.file === undefined).map((a) => a.message),
    ['and 2 more warnings: see the job summary', 'and 2 more notices: see the job summary'],
  );
  // Room left for what the caller writes itself: setFailed's error, its own warnings.
  const reserved = renderAnnotations(report, { error: 1, warning: 3 });
  const countIn = (list: typeof reserved, level: Severity) => list.filter((a) => a.level === level).length;
  assert.equal(countIn(reserved, 'error'), 9);
  assert.equal(countIn(reserved, 'warning'), 7);
  assert.equal(countIn(reserved, 'notice'), 10);
  assert.deepEqual(
    reserved.filter((a) => a.file === undefined).map((a) => a.message),
    [
      'and 8 more errors: see the job summary',
      'and 4 more warnings: see the job summary',
      'and 23 more notices: see the job summary',
    ],
  );
  const full = renderAnnotations(report, { error: 10, warning: 10, notice: 9 });
  assert.equal(countIn(full, 'error') + countIn(full, 'warning'), 0);
  assert.deepEqual(
    full.map((a) => a.message),
    ['and 17 more errors: see the job summary'],
    'one notice slot left: the first overflow note takes it',
  );
  const fit = renderAnnotations(fixtureReport({ findings: [...many('warning', 12), ...many('notice', 9)] }));
  assert.equal(fit.filter((a) => a.level === 'notice').length, 10);
  assert.equal(fit.filter((a) => a.file === undefined).length, 1);
});

test('escapeMarkdown: any text renders as exactly that text, with no markup (property)', () => {
  const alphabet = fc.constantFrom(
    ...'ab1 .:@#<>&|`*_~[]()!\\-+={}"\'/\n\tx'.split(''),
    'javascript:',
    'https://',
    'www.',
    '<script>',
    '&amp;',
    '&#39;',
    '```',
  );
  const decode = (html: string) =>
    html
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  fc.assert(
    fc.property(
      fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')),
      (text) => {
        const html = markdownIt.renderInline(`x ${escapeMarkdown(text)} x`);
        assert.ok(!/<[a-z]/i.test(html), `markup in ${JSON.stringify(html)}`);
        const expected = neutraliseMentions(text.replace(/\s*\n\s*/g, ' '));
        assert.equal(decode(html), `x ${expected} x`);
      },
    ),
    { numRuns: 2000 },
  );
});
