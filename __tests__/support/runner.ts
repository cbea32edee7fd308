/**
 * Runs the real bundle (dist/index.js) the way a GitHub runner starts a node24 action: Node 24, the GITHUB_* and
 * RUNNER_* variables, INPUT_* for every input of action.yml (its defaults unless the test sets one), the event
 * payload in GITHUB_EVENT_PATH, and the file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE,
 * GITHUB_ENV, GITHUB_PATH). The workflow commands it prints (::warning file=…::…) are parsed back.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '..', '..');

let bundled = false;
/**
 * Builds dist/ from the working tree once per test process (dist/ is never committed by these tests). Under
 * `npm test`, which has built it already for all files, TFR_BUNDLED=1 says so.
 */
export function bundleOnce(): void {
  if (bundled || process.env.TFR_BUNDLED === '1') return;
  const r = spawnSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run bundle failed:\n${r.stdout}\n${r.stderr}`);
  bundled = true;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  commands: WorkflowCommand[];
  /** The ::error/::warning/::notice commands. */
  annotations: WorkflowCommand[];
}

export interface RunOptions {
  workspace: string;
  eventName: string;
  payload: unknown;
  /** Inputs the workflow sets (`with:`); every other input gets its action.yml default. */
  inputs?: Record<string, string>;
  /** What `${{ github.token }}` evaluates to. */
  token: string;
  apiUrl: string;
  repository: string;
  sha: string;
  ref?: string;
  /** Anything else in the step's environment (DOCKER_HOST, ...). */
  env?: Record<string, string>;
}

interface ActionYml {
  inputs: Record<string, { default?: unknown }>;
}

export function actionInputs(): ActionYml['inputs'] {
  return (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml).inputs;
}

export async function runAction(o: RunOptions): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tfr-runner-'));
  const temp = join(dir, 'temp');
  mkdirSync(temp);
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.payload));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__run',
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_ACTION_REPOSITORY: '',
    GITHUB_ACTOR: 'octocat',
    GITHUB_ACTOR_ID: '583231',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_API_URL: o.apiUrl,
    GITHUB_GRAPHQL_URL: `${o.apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: o.repository,
    GITHUB_REPOSITORY_OWNER: o.repository.split('/')[0],
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: o.sha,
    GITHUB_REF: o.ref ?? 'refs/heads/main',
    GITHUB_REF_NAME: (o.ref ?? 'refs/heads/main').replace(/^refs\/(heads|tags|pull)\//, ''),
    GITHUB_REF_TYPE: 'branch',
    GITHUB_HEAD_REF: '',
    GITHUB_BASE_REF: '',
    GITHUB_WORKFLOW: 'twelve-factor-review',
    GITHUB_WORKFLOW_REF: `${o.repository}/.github/workflows/review.yml@${o.ref ?? 'refs/heads/main'}`,
    GITHUB_JOB: 'review',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RETENTION_DAYS: '90',
    GITHUB_WORKSPACE: o.workspace,
    ...files,
    RUNNER_NAME: 'GitHub Actions 2',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: join(dir, 'toolcache'),
    RUNNER_DEBUG: '',
    ...o.env,
  };
  const given = o.inputs ?? {};
  for (const [name, input] of Object.entries(actionInputs())) {
    const fallback = String(input.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/g, o.token);
    // The runner upper-cases the name and keeps dashes: INPUT_WORKING-DIRECTORY.
    env[`INPUT_${name.toUpperCase()}`] = name in given ? given[name] : fallback;
  }
  for (const name of Object.keys(given)) {
    if (!(name in actionInputs())) throw new Error(`input '${name}' is not declared in action.yml`);
  }

  const child = spawn(join(ROOT, 'scripts/node24'), [join(ROOT, 'dist/index.js')], { cwd: o.workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const commands = parseCommands(stdout);
  return {
    code,
    stdout,
    stderr,
    outputs: parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    commands,
    annotations: commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command)),
  };
}

/** GITHUB_OUTPUT / GITHUB_STATE records: `name<<delimiter\nvalue\ndelimiter`. */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([^<\n]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm)) out[m[1]] = m[3];
  return out;
}

/** `::command key=value,key=value::message` lines, unescaped as the runner does. */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = kv.indexOf('=');
      properties[kv.slice(0, eq)] = unescape(kv.slice(eq + 1));
    }
    out.push({ command: m[1], properties, message: unescape(m[3]) });
  }
  return out;
}

function unescape(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

type Payload = Record<string, unknown> & {
  pull_request: Record<string, unknown>;
  repository: Record<string, unknown>;
};

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as {
  name: string;
  examples: Record<string, unknown>[];
}[];

function example(event: string, action?: string): Record<string, unknown> {
  const list = examples.find((e) => e.name === event)!.examples;
  return structuredClone(list.find((e) => action === undefined || e.action === action) ?? list[0]);
}

/** Points a payload's repository objects at the test repository. */
function retarget(repo: Record<string, unknown>, repository: string): void {
  const [owner, name] = repository.split('/');
  Object.assign(repo, { full_name: repository, name, html_url: `https://github.com/${repository}` });
  if (repo.owner && typeof repo.owner === 'object') Object.assign(repo.owner, { login: owner });
}

/** A real `pull_request` webhook payload (@octokit/webhooks-examples, action synchronize) about the test repository. */
export function pullRequestPayload(o: {
  repository: string;
  number: number;
  headSha: string;
  baseSha?: string;
  fork?: string;
}): Payload {
  const p = example('pull_request', 'synchronize') as Payload;
  retarget(p.repository, o.repository);
  p.number = o.number;
  const pr = p.pull_request;
  pr.number = o.number;
  const head = pr.head as Record<string, unknown>;
  const base = pr.base as Record<string, unknown>;
  head.sha = o.headSha;
  base.sha = o.baseSha ?? 'b'.repeat(40);
  retarget(base.repo as Record<string, unknown>, o.repository);
  retarget(head.repo as Record<string, unknown>, o.fork ?? o.repository);
  if (o.fork) (head.repo as Record<string, unknown>).fork = true;
  p.after = o.headSha;
  return p;
}

/** A real `push` webhook payload about the test repository. */
export function pushPayload(o: { repository: string; sha: string }): Record<string, unknown> {
  const p = example('push');
  retarget(p.repository as Record<string, unknown>, o.repository);
  p.after = o.sha;
  return p;
}

/** A real `workflow_run` completed payload: the pull_request run of `headSha` finished (pull_requests is empty for forks). */
export function workflowRunPayload(o: { repository: string; headSha: string }): Record<string, unknown> {
  const p = example('workflow_run', 'completed');
  retarget(p.repository as Record<string, unknown>, o.repository);
  const run = p.workflow_run as Record<string, unknown>;
  Object.assign(run, {
    head_sha: o.headSha,
    event: 'pull_request',
    conclusion: 'success',
    pull_requests: [],
  });
  return p;
}
