// The pull request comment of each example as a reader sees it: the recorded report rendered by the action's own
// markdown renderer, turned into HTML by a GFM implementation, styled like a GitHub comment and captured by headless
// Chromium (Debian's `chromium`). Used by `npm run screenshots` and by the screenshot suite of `npm test`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import MarkdownIt from 'markdown-it';
import type { Report } from '../src/core/index.js';
import { renderMarkdown } from '../src/report/markdown.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
export const EXAMPLES = ['hardcoded', 'production'] as const;
/** Records, per example, the digest of the HTML its screenshot was taken from: what the suite checks. */
export const MANIFEST = join(SCREENSHOTS, 'screenshots.json');
// Links in the screenshots point where they would on GitHub: this repository's main branch, so that the rendering
// (and its digest) does not change with every commit.
const REPO_URL = 'https://github.com/twelve-factor-review/twelve-factor-review';
const LINK_REF = 'main';
export const WIDTH = 900;

const gfm = new MarkdownIt({ html: true, linkify: true });

/** The JSON report back into the renderer's Report (null lines become absent). */
export function readReport(file: string): Report {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const { suppressed: _suppressed, ...counts } = json.counts;
  return {
    ...json,
    counts,
    configFile: json.configFile ?? undefined,
    findings: json.findings.map(({ line, ...f }: { line: number | null }) =>
      line === null ? f : { ...f, line },
    ),
  };
}

/** The comment's markdown for an example, from its recorded report. */
export function exampleMarkdown(example: string): string {
  const report = readReport(join(SCREENSHOTS, `${example}.report.json`));
  return renderMarkdown(report, {
    repoUrl: REPO_URL,
    sha: LINK_REF,
    marker: `<!-- twelve-factor-review:examples/${example} -->`,
  });
}

/** The page the screenshot is taken of: the comment's markdown as GitHub's HTML, in a comment's frame. */
export function exampleHtml(example: string): string {
  return page(`examples/${example}`, gfm.render(exampleMarkdown(example)));
}

export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Renders an example's comment to a PNG file. */
export async function screenshotExample(chromium: string, example: string, pngFile: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tfr-shot-'));
  try {
    const htmlFile = join(dir, `${example}.html`);
    writeFileSync(htmlFile, exampleHtml(example));
    await screenshot(chromium, htmlFile, pngFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Width and height of a PNG, from its IHDR chunk; undefined when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR')
    return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Headless Chromium driven over the DevTools protocol, to capture the whole page at its real height. */
export async function screenshot(bin: string, htmlFile: string, pngFile: string): Promise<void> {
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
    const wsUrl = await new Promise<string>((resolveUrl, reject) => {
      let err = '';
      browser.stderr!.on('data', (chunk: Buffer) => {
        err += chunk;
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
        if (m) resolveUrl(m[1]);
      });
      browser.on('exit', (code) => reject(new Error(`chromium exited (${code}):\n${err}`)));
    });
    const cdp = await connect(wsUrl);
    const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const page = (method: string, params?: Record<string, unknown>) => cdp.send(method, params, sessionId);
    await page('Page.enable');
    const loaded = cdp.once('Page.loadEventFired');
    await page('Page.navigate', { url: `file://${htmlFile}` });
    await loaded;
    await sleep(200);
    const { result } = await page('Runtime.evaluate', {
      // The comment's own height: the document is never shorter than the window.
      expression: "Math.ceil(document.querySelector('.comment').getBoundingClientRect().bottom + 16)",
      returnByValue: true,
    });
    const height = result.value as number;
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
    writeFileSync(pngFile, Buffer.from(shot.data as string, 'base64'));
    cdp.close();
  } finally {
    browser.kill();
    await new Promise<void>((r) => (browser.exitCode !== null ? r() : browser.once('exit', () => r())));
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A minimal DevTools protocol client over Node's WebSocket. */
async function connect(url: string) {
  const ws = new WebSocket(url);
  await new Promise((r, reject) => {
    ws.onopen = r;
    ws.onerror = reject;
  });
  let id = 0;
  type Result = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const pending = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>();
  const waiters = new Map<string, () => void>();
  ws.onmessage = (event) => {
    const message = JSON.parse(String(event.data));
    if (message.id !== undefined) {
      const p = pending.get(message.id)!;
      pending.delete(message.id);
      if (message.error) p.reject(new Error(message.error.message));
      else p.resolve(message.result);
    } else if (waiters.has(message.method)) {
      waiters.get(message.method)!();
      waiters.delete(message.method);
    }
  };
  return {
    send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Result> {
      const message = { id: ++id, method, params, ...(sessionId ? { sessionId } : {}) };
      return new Promise((resolveResult, reject) => {
        pending.set(message.id, { resolve: resolveResult, reject });
        ws.send(JSON.stringify(message));
      });
    },
    once(method: string) {
      return new Promise<void>((r) => waiters.set(method, r));
    },
    close() {
      ws.close();
    },
  };
}

/** A GitHub pull request comment around the rendered HTML: its box, header, fonts and markdown styles. */
function page(title: string, body: string): string {
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

/** The Chromium binary on this machine; `npm test` installs Debian's package before the screenshot suite. */
export function findChromium(): string | undefined {
  return ['chromium', 'chromium-browser'].find(
    (bin) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0,
  );
}
