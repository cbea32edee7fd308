// The comment and the job summary as a reader sees them: rendered by a GitHub-flavoured markdown implementation,
// then checked on the resulting HTML (links, code, the scorecard, collapsible sections, inert repository text).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { analyzeStatic } from '../../src/pipeline.js';
import { type Report, code, msg, partsOfPlain, path } from '../../src/core/index.js';
import { ruleHelpUri } from '../../src/report/common.js';
import { TAIL_LINES, explainingTail } from '../../src/report/logs.js';
import { codeSpan } from '../../src/report/message.js';
import { renderMarkdown, type MarkdownOptions } from '../../src/report/markdown.js';
import { anchorPrefix } from '../../src/report/markdown-smoke.js';
import { HOSTILE_FILE, finding, fixtureReport } from './report-fixture.js';

const ZWJ = '\u200D';
const REPO = 'https://github.com/acme/shop';
const SHA = '0123456789abcdef';
const COMMENT: MarkdownOptions = { repoUrl: REPO, sha: SHA, marker: '<!-- twelve-factor-review:. -->' };
const SUMMARY: MarkdownOptions = { repoUrl: REPO, sha: SHA, maxChars: Infinity, maxBytes: 1024 * 1024 };
// GitHub renders comments as CommonMark + GFM tables with raw HTML (then sanitised) and bare URLs linkified.
const gfm = new MarkdownIt({ html: true, linkify: true });

/** A report whose messages carry code samples, a path and repository values next to the fixture's hostile ones. */
function reportWithCode(): Report {
  const report = fixtureReport();
  report.findings.push(
    finding('TF0301', {
      file: 'mysite/settings.py',
      line: 30,
      ...msg`SECRET_KEY is read with a fallback ${'dev-<b>key</b> @octocat'}; read it without one: ${code('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]')}, set in ${path('docker-compose.yml')}.`,
    }),
  );
  report.counts.error++;
  return report;
}

/** The text a reader sees outside code: tags removed, entities decoded. */
function visibleProse(html: string): string {
  return html
    .replace(/<pre>[\s\S]*?<\/pre>/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function links(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
    href: m[1],
    text: m[2],
  }));
}

for (const [channel, options] of [
  ['comment', COMMENT],
  ['job summary', SUMMARY],
] as const) {
  test(`${channel}: our code samples render as code, with no literal backticks or backslashes around them`, () => {
    const html = gfm.render(renderMarkdown(reportWithCode(), options));
    assert.ok(html.includes('<code>SECRET_KEY = os.environ[&quot;DJANGO_SECRET_KEY&quot;]</code>'));
    // The hostile file name is repository text: its backticks are its own.
    const prose = visibleProse(html).replaceAll(`${HOSTILE_FILE.replace('@', `@${ZWJ}`)}:7`, '');
    assert.ok(!prose.includes('`'), `a backtick in visible text: ${prose.match(/.{0,40}`.{0,40}/)?.[0]}`);
    assert.ok(!prose.includes('\\'), `a backslash in visible text: ${prose.match(/.{0,40}\\.{0,40}/)?.[0]}`);
    // The repository value is shown as text, not as markup.
    assert.ok(prose.includes(`dev-<b>key</b> @${ZWJ}octocat`));
  });

  test(`${channel}: every rule id links to its docs and every file:line to the line at the commit`, () => {
    const report = reportWithCode();
    const html = gfm.render(renderMarkdown(report, options));
    const all = links(html);
    const ruleLinks = all.filter((l) => /^<strong>TF\d{4}<\/strong>$/.test(l.text));
    const items = html.match(/<li>(?:❌|⚠️|ℹ️) /g) ?? [];
    assert.equal(ruleLinks.length, items.length, 'one rule link per finding line');
    for (const f of report.findings) {
      const help = ruleHelpUri({ id: f.ruleId, name: f.name }, report.tool.version);
      assert.ok(
        ruleLinks.some((l) => l.href === help && l.text === `<strong>${f.ruleId}</strong>`),
        f.ruleId,
      );
    }
    for (const f of report.findings.filter((x) => x.file !== HOSTILE_FILE && x.file !== '.')) {
      const at = f.line === undefined ? '' : `#L${f.line}`;
      const href = `${REPO}/blob/${SHA}/examples/hardcoded/${f.file}${at}`;
      const text = `<code>${f.file}${f.line === undefined ? '' : `:${f.line}`}</code>`;
      assert.ok(
        all.some((l) => l.href === href && l.text === text),
        `${f.file}:${f.line} links to ${href}`,
      );
    }
    const hostile = all.find((l) => l.text.includes(`@${ZWJ}octocat.py:7`));
    assert.ok(hostile, 'the hostile file has its link');
    assert.match(
      hostile.href,
      /^https:\/\/github\.com\/acme\/shop\/blob\/0123456789abcdef\/examples\/hardcoded\/app\/%3Cscript%3E[^"<>\s`()|]*#L7$/,
    );
  });

  test(`${channel}: the scorecard has a row per factor, I to XII and Production, each linked to its section`, () => {
    const html = gfm.render(renderMarkdown(reportWithCode(), options));
    const table = /<table>[\s\S]*?<\/table>/.exec(html)![0];
    const rows = [...table.matchAll(/<tr>\s*<td[^>]*>(.*?)<\/td>\s*<td>(.*?)<\/td>\s*<td>(.*?)<\/td>/g)];
    const names = rows.map((r) => r[2].replace(/<[^>]+>/g, ''));
    assert.deepEqual(names, [
      'I. Codebase',
      'II. Dependencies',
      'III. Config',
      'IV. Backing services',
      'V. Build, release, run',
      'VI. Processes',
      'VII. Port binding',
      'VIII. Concurrency',
      'IX. Disposability',
      'X. Dev/prod parity',
      'XI. Logs',
      'XII. Admin processes',
      'Production checks',
    ]);
    const row = (name: string) => rows.find((r) => r[2].includes(name))!;
    assert.equal(row('III. Config')[1], '❌');
    assert.equal(row('III. Config')[3], '3 errors');
    assert.equal(row('II. Dependencies')[1], '⚠️');
    assert.equal(row('VI. Processes')[1], '✅');
    assert.equal(row('VII. Port binding')[1], '✅', 'notices alone do not fail a factor');
    // A factor with findings links to its section, whose anchor exists.
    const target = /<a href="#([\w-]+)">III\. Config<\/a>/.exec(row('III. Config')[2])![1];
    assert.ok(html.includes(`<a id="${target}"></a>`));
    assert.ok(!row('VI. Processes')[2].includes('<a'), 'a clean factor has no section to link');
  });

  test(`${channel}: factor sections are open when they hold an error and closed otherwise`, () => {
    const html = gfm.render(renderMarkdown(reportWithCode(), options));
    const sections = [...html.matchAll(/<details( open)?><summary><a id="tfr-[\w-]*factor-(\w+)"><\/a>/g)];
    const open = Object.fromEntries(sections.map((m) => [m[2], m[1] === ' open']));
    assert.deepEqual(open, { ii: false, iii: true, v: true, vii: false, xiii: false });
    assert.match(html, /<details><summary>Suppressed \(2\)/);
  });

  test(`${channel}: repository text with HTML, @mentions and markers stays inert`, () => {
    const report = reportWithCode();
    report.findings.push(
      finding('TF0201', {
        file: 'Dockerfile',
        line: 2,
        ...msg`Base image ${'<!-- twelve-factor-review:. --> @org/team #12'} has no tag; pin it: ${code('FROM python:3.12-slim <!-- x -->')}.`,
      }),
    );
    const md = renderMarkdown(report, options);
    const html = gfm.render(md);
    assert.ok(!/<(script|img|iframe)\b/i.test(html), 'no active HTML');
    for (const l of links(html)) assert.match(l.href, /^(https:\/\/|#tfr-[\w-]+$)/);
    const comments = md.match(/<!--/g) ?? [];
    assert.equal(comments.length, options.marker ? 1 : 0, 'the only HTML comment is our own marker');
    const prose = visibleProse(html);
    assert.ok(!/@(octocat|org)/.test(prose), 'no mention that pings');
    assert.ok(!/#\d/.test(prose), 'no issue reference');
  });
}

test('the build log is shown once, under the build step; the finding points to it; the exception comes first', () => {
  const log = [
    'Step 4/6 : RUN python manage.py migrate',
    ...Array.from({ length: 40 }, (_, i) => `  File "/usr/lib/python3/x${i}.py", line ${i}, in f`),
    'django.db.utils.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed',
    '\tIs the server running on that host and accepting TCP/IP connections?',
    ...Array.from({ length: 30 }, (_, i) => `tail line ${i}`),
  ].join('\n');
  const report = fixtureReport();
  report.smoke!.build = {
    name: 'build',
    status: 'failed',
    durationMs: 3900,
    detail: 'The build failed at `RUN python manage.py migrate`.',
    logTail: log,
  };
  const f = report.findings.find((x) => x.ruleId === 'TF0502')!;
  f.details = log;
  const md = renderMarkdown(report, COMMENT);
  const html = gfm.render(md);
  assert.equal(md.split('django.db.utils.OperationalError').length - 1, 1, 'the log appears once');
  const build = html.indexOf('Image build');
  const id = `${anchorPrefix(report.directory)}log-build`;
  const logAt = html.indexOf(`<a id="${id}">`);
  assert.ok(build >= 0 && logAt > build && logAt < html.indexOf('Fix these first'), 'under the build step');
  assert.match(html, /<code>RUN python manage.py migrate<\/code>/);
  assert.ok(html.includes(`<a href="#${id}">log of the image build</a>`), 'the finding points to it');
  const pre = new RegExp(`<a id="${id}"></a>[\\s\\S]*?<pre><code>([\\s\\S]*?)</code></pre>`).exec(html)![1];
  assert.ok(pre.startsWith('django.db.utils.OperationalError'), pre.slice(0, 80));
  assert.ok(pre.includes('tail line 29'));
  assert.ok(!pre.includes('x0.py'), 'the start of the traceback is cut');
});

test('a clean repository fits on one screen: verdict, scorecard, smoke lines, nothing else', () => {
  const report = fixtureReport({
    findings: [],
    counts: { error: 0, warning: 0, notice: 0 },
    verdict: 'pass',
  });
  report.smoke!.status = 'passed';
  report.smoke!.engines.postgres = { ...report.smoke!.engines.sqlite!, engine: 'postgres' };
  const md = renderMarkdown(report, COMMENT);
  assert.ok(md.split('\n').length <= 20, `${md.split('\n').length} lines`);
  assert.ok(md.length < 1000, `${md.length} characters`);
  // The scorecard is one line when every factor passes; notices alone do not bring the table back.
  const html = gfm.render(md);
  assert.ok(!html.includes('<table'), 'no scorecard table');
  assert.match(html, /✅ <strong>All twelve factors and the production checks pass<\/strong>/);
  const notice = finding('TF0701', { file: 'Dockerfile', message: 'No port declared.' });
  const withNotice = renderMarkdown({
    ...report,
    findings: [notice],
    counts: { ...report.counts, notice: 1 },
  });
  assert.ok(!withNotice.includes('| Factor |'));
  assert.match(withNotice, /production checks pass\*\* \(1 notice below\)/);
  assert.ok(!md.includes('<details'), 'nothing to expand');
  assert.ok(!md.includes('Fix these first'));
});

test('"Fix these first": at most three errors, a failed build or engine before the rest', () => {
  const report = reportWithCode();
  const md = renderMarkdown(report, COMMENT);
  const section = /#### Fix these first\n\n((?:\d\. .*\n)+)/.exec(md)![1].trim().split('\n');
  assert.equal(section.length, 3);
  assert.match(section[0], /^1\. ❌ \[\*\*TF0502\*\*\]/);
  assert.ok(
    section.every((l) => l.includes('❌')),
    'errors only',
  );
});

test('explainingTail: the exception line and the exception that caused it come first, then the tail', () => {
  const log = [
    'Traceback (most recent call last):',
    '  File "x.py", line 1, in <module>',
    'psycopg2.OperationalError: could not connect to server',
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    ...Array.from({ length: 30 }, (_, i) => `  frame ${i}`),
    'django.db.utils.OperationalError: could not connect to server',
    ...Array.from({ length: 5 }, (_, i) => `after ${i}`),
  ].join('\n');
  const lines = explainingTail(log).split('\n');
  assert.deepEqual(lines.slice(0, 2), [
    'django.db.utils.OperationalError: could not connect to server',
    '[caused by] psycopg2.OperationalError: could not connect to server',
  ]);
  assert.equal(lines.at(-1), 'after 4');
  assert.ok(lines.length <= TAIL_LINES + 5);
  // A short log without an exception is shown whole, as it is.
  assert.equal(explainingTail('one\ntwo\n'), 'one\ntwo');
});

test('msg: literal text is ours, interpolated strings are repository values, code() a code sample', () => {
  const m = msg`Set ${code('DEBUG = False')} in ${path('mysite/settings.py')}, not ${'x`y'} (${2} times).`;
  assert.deepEqual(m.parts, [
    { kind: 'text', text: 'Set ' },
    { kind: 'code', text: 'DEBUG = False' },
    { kind: 'text', text: ' in ' },
    { kind: 'path', text: 'mysite/settings.py' },
    { kind: 'text', text: ', not ' },
    { kind: 'value', text: 'x`y' },
    { kind: 'text', text: ' (2 times).' },
  ]);
  assert.equal(m.message, 'Set `DEBUG = False` in mysite/settings.py, not x`y (2 times).');
  assert.equal(msg`${code('a `b` c')}`.message, '``a `b` c``');
  assert.deepEqual(partsOfPlain('Run ``a `b` c`` then `d`.'), [
    { kind: 'value', text: 'Run ' },
    { kind: 'code', text: 'a `b` c' },
    { kind: 'value', text: ' then ' },
    { kind: 'code', text: 'd' },
    { kind: 'value', text: '.' },
  ]);
  assert.equal(codeSpan('`x`'), '`` `x` ``');
  assert.equal(gfm.renderInline(codeSpan('a ``` b')), '<code>a ``` b</code>');
});

test('rule messages with a code sample carry it as a code part, rendered as code', async () => {
  const dir = join(import.meta.dirname, '..', '..', 'examples', 'hardcoded');
  const { findings } = await analyzeStatic(dir, DEFAULT_CONFIG, {});
  const secret = findings.find((f) => f.ruleId === 'TF0301')!;
  assert.deepEqual(
    secret.parts?.filter((p) => p.kind === 'code'),
    [{ kind: 'code', text: 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]' }],
  );
  // The plain message keeps its backticks: the JSON report and the fingerprints do not change.
  assert.ok(secret.message.endsWith('`SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]`.'), secret.message);
  const html = gfm.render(renderMarkdown(fixtureReport({ findings }), COMMENT));
  assert.ok(html.includes('<code>SECRET_KEY = os.environ[&quot;DJANGO_SECRET_KEY&quot;]</code>'));
  assert.ok(!visibleProse(html).includes('`'));
});

test('two directories of one repository, two comments on one page: no anchor is shared, each link finds its own', () => {
  const html = ['services/web', 'services/api', '.'].map((directory) =>
    gfm.render(renderMarkdown(fixtureReport({ directory }), COMMENT)),
  );
  const ids = html.map((h) => [...h.matchAll(/<a id="([^"]+)">/g)].map((m) => m[1]));
  for (const list of ids) assert.ok(list.length >= 5, 'factor sections and logs have anchors');
  const all = ids.flat();
  assert.equal(new Set(all).size, all.length, 'an anchor appears in two comments');
  // Safe characters only, the directory readable in it; the repository root keeps the short form.
  for (const id of all) assert.match(id, /^tfr-[a-z0-9-]+$/);
  assert.ok(ids[0].includes(`${anchorPrefix('services/web')}factor-iii`));
  assert.match(anchorPrefix('services/web'), /^tfr-services-web-[0-9a-f]{6}-$/);
  assert.ok(ids[2].includes('tfr-factor-iii'));
  // Directories with the same slug still differ, and hostile names leave only safe characters.
  assert.notEqual(anchorPrefix('a/b'), anchorPrefix('a-b'));
  assert.match(anchorPrefix('x"><script>/@octocat'), /^tfr-x-script-octocat-[0-9a-f]{6}-$/);
  for (const [i, h] of html.entries())
    for (const [, target] of h.matchAll(/<a href="#([^"]+)">/g)) assert.ok(ids[i].includes(target), target);
});
