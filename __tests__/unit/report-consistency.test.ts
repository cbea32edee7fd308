// One report through the four places a reader meets it (the pull request comment, the job summary, SARIF and the
// terminal): the same findings, the same trimmed log, the same code samples in each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { type Report, code, msg, path } from '../../src/core/index.js';
import { explainingTail } from '../../src/report/logs.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { sarifLog } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { FIXTURE_RULES, finding, fixtureReport } from './report-fixture.js';

const REPO = 'https://github.com/acme/shop';
const SHA = '0123456789abcdef';
const gfm = new MarkdownIt({ html: true, linkify: true });

const CAUSE = 'psycopg2.OperationalError: connection to server at "db" (172.18.0.2), port 5432 failed';
const ERROR = 'django.db.utils.OperationalError: connection to server at "db" (172.18.0.2), port 5432 failed';
const BUILD_LOG = [
  'Step 7/9 : RUN python manage.py migrate',
  'Traceback (most recent call last):',
  ...Array.from(
    { length: 40 },
    (_, i) => `  File "/usr/lib/python3/django/frame${i}.py", line ${i}, in f${i}`,
  ),
  CAUSE,
  '',
  'The above exception was the direct cause of the following exception:',
  '',
  ...Array.from({ length: 10 }, (_, i) => `  File "/app/mysite/frame${i}.py", line ${i}`),
  ERROR,
  "The command '/bin/sh -c python manage.py migrate' returned a non-zero code: 1",
].join('\n');
const SAMPLES = ['SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', 'RUN python manage.py collectstatic'];

function report(): Report {
  const r = fixtureReport({
    findings: [
      finding('TF0201', { file: 'Dockerfile', line: 1, message: 'Base image python has no tag.' }),
      finding('TF0502', {
        file: 'Dockerfile',
        line: 7,
        ...msg`The image does not build: ${'RUN python manage.py migrate'} failed; move it to the release: ${code(SAMPLES[1])}.`,
        details: BUILD_LOG,
      }),
      finding('TF0301', {
        file: 'mysite/settings.py',
        line: 23,
        ...msg`SECRET_KEY is a literal in ${path('mysite/settings.py')}; use ${code(SAMPLES[0])}.`,
      }),
      finding('TF1301', { file: 'Dockerfile', line: 9, message: 'The image runs as root: add a USER.' }),
    ],
    counts: { error: 2, warning: 2, notice: 0 },
  });
  r.smoke!.status = 'failed';
  r.smoke!.build = {
    name: 'build',
    status: 'failed',
    durationMs: 9000,
    detail: 'exit code 1',
    logTail: BUILD_LOG,
  };
  r.smoke!.engines = {};
  return r;
}

/** The four renderings, each as the text a reader sees (markdown through GFM, SARIF's message and details). */
function renderings(r: Report): Record<string, string> {
  const comment = gfm.render(
    renderMarkdown(r, { repoUrl: REPO, sha: SHA, marker: '<!-- twelve-factor-review:. -->' }),
  );
  const summary = gfm.render(renderMarkdown(r, { repoUrl: REPO, sha: SHA, maxChars: Infinity }));
  const sarif = JSON.stringify(sarifLog(r, FIXTURE_RULES).runs[0].results, null, 1);
  const text = renderText(r, { color: false });
  return { comment, summary, sarif, text };
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

test('the comment, the job summary, SARIF and the terminal show the same findings', () => {
  const r = report();
  const out = renderings(r);
  const sarif = sarifLog(r, FIXTURE_RULES).runs[0].results;
  for (const f of r.findings) {
    const at = `${f.file}:${f.line}`;
    for (const channel of ['comment', 'summary'] as const) {
      const link = `${REPO}/blob/${SHA}/examples/hardcoded/${f.file}#L${f.line}`;
      assert.ok(
        out[channel].includes(`<a href="${link}"><code>${at}</code></a>`),
        `${channel}: ${f.ruleId} ${at}`,
      );
    }
    assert.ok(
      sarif.some(
        (s) =>
          s.ruleId === f.ruleId &&
          s.locations[0].physicalLocation.artifactLocation.uri === `examples/hardcoded/${f.file}` &&
          s.locations[0].physicalLocation.region?.startLine === f.line,
      ),
      `sarif: ${f.ruleId} ${at}`,
    );
    const section = out.text.split(/\n(?=\S)/).find((s) => s.startsWith(`${f.file}\n`))!;
    assert.match(section, new RegExp(`\\n +${f.line}:1 .*${f.ruleId} ${f.name}`), `text: ${f.ruleId} ${at}`);
  }
  assert.equal(sarif.length, r.findings.length);
});

test('the comment, the job summary, SARIF and the terminal show the same trimmed log, once', () => {
  const out = renderings(report());
  const trimmed = explainingTail(BUILD_LOG).split('\n');
  // The exception and its cause first, then the tail; the frames in between are cut everywhere.
  assert.deepEqual(trimmed.slice(0, 2), [ERROR, `[caused by] ${CAUSE}`]);
  for (const [channel, rendered] of Object.entries(out)) {
    const seen = channel === 'sarif' ? JSON.parse(rendered)[1].properties.details : unescape(rendered);
    for (const line of trimmed.filter((l) => l.trim() !== ''))
      assert.ok(seen.includes(line), `${channel} lacks the log line ${line}`);
    assert.ok(!seen.includes('django/frame0.py'), `${channel} shows a frame the trimming cuts`);
    assert.equal(seen.split(`[caused by] ${CAUSE}`).length - 1, 1, `${channel} shows the log more than once`);
  }
});

test('the comment, the job summary, SARIF and the terminal show the same code samples as code', () => {
  const out = renderings(report());
  const sarif = sarifLog(report(), FIXTURE_RULES).runs[0].results;
  for (const sample of SAMPLES) {
    for (const channel of ['comment', 'summary'] as const)
      assert.ok(unescape(out[channel]).includes(`<code>${sample}</code>`), `${channel}: ${sample}`);
    assert.ok(
      sarif.some((s) => s.message.markdown.includes(`\`${sample}\``)),
      `sarif markdown: ${sample}`,
    );
    assert.ok(
      sarif.some((s) => s.message.text.includes(`\`${sample}\``)),
      `sarif text: ${sample}`,
    );
    assert.ok(out.text.includes(`\`${sample}\``), `text: ${sample}`);
  }
  // The repository's own instruction is a value: text in every rendering, never a code span.
  assert.ok(!out.comment.includes('<code>RUN python manage.py migrate</code>'));
});
