/* global Buffer, WebSocket */
// Screenshots of the pull request comment as GitHub shows it, for the README: the report of each example,
// rendered by the action's own markdown renderer, turned into HTML by a GFM implementation, styled like a
// GitHub comment and captured by headless Chromium (Debian's `chromium`, installed with apt-get when missing).
//
// Usage: npm run screenshots [-- --record]
//   --record  first re-runs the analysis with the smoke test (Docker and the local base images, as `npm run demo`)
//             and rewrites the recorded reports docs/screenshots/*.report.json; without it those are reused.
// Output: docs/screenshots/<example>.png and .html.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDeps, ensureDocker } from './ensure-deps.mjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'docs', 'screenshots');
const EXAMPLES = ['hardcoded', 'production'];
// Links in the screenshots point where they would on GitHub: this repository at a fixed commit.
const REPO_URL = 'https://github.com/twelve-factor-review/twelve-factor-review';
const WIDTH = 900;

ensureDeps();
if (process.argv.includes('--record')) {
  ensureDocker();
  for (const example of EXAMPLES) record(example);
}
const chromium = ensureChromium();
const MarkdownIt = (await import('markdown-it')).default;
const gfm = new MarkdownIt({ html: true, linkify: true });
// The renderers are TypeScript: load them through tsx, which the tests use too.
const { register } = await import('tsx/esm/api');
register();
const { renderMarkdown } = await import('../src/report/markdown.ts');

for (const example of EXAMPLES) {
  const report = readReport(join(out, `${example}.report.json`));
  const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const markdown = renderMarkdown(report, {
    repoUrl: REPO_URL,
    sha,
    marker: `<!-- twelve-factor-review:examples/${example} -->`,
  });
  const html = page(`examples/${example}`, gfm.render(markdown));
  const htmlFile = join(out, `${example}.html`);
  writeFileSync(htmlFile, html);
  await screenshot(chromium, htmlFile, join(out, `${example}.png`));
  console.log(`docs/screenshots/${example}.png`);
}

/** Runs the CLI with the smoke test on an example and keeps its JSON report. */
function record(example) {
  const args = [
    '--import',
    'tsx',
    join(root, 'src/cli.ts'),
    'check',
    `examples/${example}`,
    '--smoke',
    '--build-arg',
    'BASE_IMAGE=tfr-test/django-base:bookworm',
    '--postgres-image',
    'tfr-test/postgres:15',
    '--format',
    'json',
  ];
  const run = spawnSync(join(root, 'scripts/node24'), args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  // Exit code 1: the review failed, as it should for examples/hardcoded.
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`the analysis of examples/${example} failed:\n${run.stderr}`);
  writeFileSync(join(out, `${example}.report.json`), run.stdout);
}

/** The JSON report back into the renderer's Report (null lines become absent). */
function readReport(file) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const { suppressed: _suppressed, ...counts } = json.counts;
  return {
    ...json,
    counts,
    configFile: json.configFile ?? undefined,
    findings: json.findings.map(({ line, ...f }) => (line === null ? f : { ...f, line })),
  };
}

function ensureChromium() {
  for (const bin of ['chromium', 'chromium-browser']) {
    if (spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0) return bin;
  }
  console.log('Installing chromium with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => execFileSync('apt-get', args, { stdio: 'inherit', env });
  apt('update');
  apt('install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-color-emoji', 'fonts-dejavu-core');
  return 'chromium';
}

/** Headless Chromium driven over the DevTools protocol, to capture the whole page at its real height. */
async function screenshot(bin, htmlFile, pngFile) {
  const profile = mkdtempSync(join(tmpdir(), 'tfr-chromium-'));
  const browser = spawn(
    bin,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      `--window-size=${WIDTH},800`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  try {
    const wsUrl = await new Promise((resolveUrl, reject) => {
      let err = '';
      browser.stderr.on('data', (chunk) => {
        err += chunk;
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
        if (m) resolveUrl(m[1]);
      });
      browser.on('exit', (code) => reject(new Error(`chromium exited (${code}):\n${err}`)));
    });
    const cdp = await connect(wsUrl);
    const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const page = (method, params) => cdp.send(method, params, sessionId);
    await page('Page.enable');
    const loaded = cdp.once('Page.loadEventFired');
    await page('Page.navigate', { url: `file://${htmlFile}` });
    await loaded;
    await sleep(200);
    const { result } = await page('Runtime.evaluate', {
      expression: 'Math.ceil(document.documentElement.scrollHeight)',
      returnByValue: true,
    });
    const height = result.value;
    await page('Emulation.setDeviceMetricsOverride', {
      width: WIDTH,
      height,
      deviceScaleFactor: 1,
      mobile: false,
    });
    const shot = await page('Page.captureScreenshot', {
      format: 'png',
      clip: { x: 0, y: 0, width: WIDTH, height, scale: 1 },
      captureBeyondViewport: true,
    });
    writeFileSync(pngFile, Buffer.from(shot.data, 'base64'));
    cdp.close();
  } finally {
    browser.kill();
    await new Promise((r) => (browser.exitCode !== null ? r() : browser.once('exit', r)));
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A minimal DevTools protocol client over Node's WebSocket. */
async function connect(url) {
  const ws = new WebSocket(url);
  await new Promise((r, reject) => {
    ws.onopen = r;
    ws.onerror = reject;
  });
  let id = 0;
  const pending = new Map();
  const waiters = new Map();
  ws.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.id !== undefined) {
      const p = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) p.reject(new Error(message.error.message));
      else p.resolve(message.result);
    } else if (waiters.has(message.method)) {
      waiters.get(message.method)();
      waiters.delete(message.method);
    }
  };
  return {
    send(method, params = {}, sessionId) {
      const message = { id: ++id, method, params, ...(sessionId ? { sessionId } : {}) };
      return new Promise((resolveResult, reject) => {
        pending.set(message.id, { resolve: resolveResult, reject });
        ws.send(JSON.stringify(message));
      });
    },
    once(method) {
      return new Promise((r) => waiters.set(method, r));
    },
    close() {
      ws.close();
    },
  };
}

/** A GitHub pull request comment around the rendered HTML: its box, header, fonts and markdown styles. */
function page(title, body) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title>
<style>
body { margin: 0; padding: 16px; background: #fff; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "DejaVu Sans", sans-serif, "Noto Color Emoji"; color: #1f2328; }
.comment { border: 1px solid #d1d9e0; border-radius: 6px; }
.comment-header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e; border-radius: 6px 6px 0 0; }
.comment-header b { color: #1f2328; }
.markdown-body { padding: 16px; }
.markdown-body > :first-child { margin-top: 0 !important; }
h3, h4 { font-weight: 600; line-height: 1.25; margin: 24px 0 16px; }
h3 { font-size: 1.25em; } h4 { font-size: 1em; }
p, ul, ol, table, pre, details, blockquote { margin: 0 0 16px; }
ul, ol { padding-left: 2em; } li + li { margin-top: .25em; }
a { color: #0969da; text-decoration: none; }
code { font: 85% ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, monospace; background: rgba(129,139,152,.12); padding: .2em .4em; border-radius: 6px; }
pre { background: #f6f8fa; padding: 16px; border-radius: 6px; overflow: auto; font-size: 85%; line-height: 1.45; }
pre code { background: none; padding: 0; font-size: 100%; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d1d9e0; padding: 4px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
summary { cursor: pointer; }
details > :not(summary) { margin-top: 8px; }
blockquote { border-left: .25em solid #0969da; padding: 0 1em; color: #59636e; }
</style></head>
<body><div class="comment"><div class="comment-header"><b>github-actions</b> bot commented</div>
<div class="markdown-body">
${body}
</div></div></body></html>
`;
}
