import {
  type EngineResult,
  type FailOn,
  type Finding,
  type MessagePart,
  type Report,
  SEVERITIES,
  type Severity,
  plainMessage,
  type SmokeResult,
  type SmokeStep,
  type RunStatus,
  type StepStatus,
} from '../core/index.js';
import { makeReport } from '../report/make.js';
import { validateFixes } from './artifact-fixes.js';
import { RULES } from '../rules/registry.js';

/**
 * The schema of report.json as publish mode accepts it. The artifact comes from a run of the pull request's code,
 * so nothing in it is trusted: every field is checked for type, length and allowed values; what does not fit is
 * dropped with a warning; the rule metadata comes from this action's own registry, and the counts and verdict are
 * recomputed. Strings that pass still count as repository text: the renderers escape them like any other.
 */
export const LIMITS = {
  findings: 10_000,
  path: 1024,
  message: 4000,
  parts: 200,
  details: 64 * 1024,
  reason: 1000,
  steps: 50,
  stepName: 64,
  durationMs: 7 * 24 * 3600 * 1000,
  line: 10_000_000,
} as const;

const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));
const STATUSES: readonly StepStatus[] = ['passed', 'failed', 'skipped'];
const RUN_STATUSES: readonly RunStatus[] = ['passed', 'warnings', 'failed', 'skipped'];
const SUPPRESSED_BY = ['inline', 'file', 'config'] as const;
const PART_KINDS: readonly string[] = ['text', 'code', 'path', 'value'];
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

export interface ValidatedReport {
  report: Report;
  /** One line per kind of problem found, for core.warning. */
  warnings: string[];
}

type Json = Record<string, unknown>;

/** Rebuilds a report from untrusted JSON; throws only when it holds no report at all. */
export function validateReport(raw: unknown, failOn: FailOn, source: string): ValidatedReport {
  if (!isObject(raw) || !Array.isArray(raw.findings)) throw new Error(`${source} holds no report.`);
  const problems = new Problems(source);
  const directory = relativePath(raw.directory) ?? '.';
  if (raw.directory !== undefined && relativePath(raw.directory) === undefined)
    problems.add('directory is not a relative path: the repository root is assumed');
  if (raw.findings.length > LIMITS.findings)
    problems.add(`${raw.findings.length} findings, more than ${LIMITS.findings}: the rest are dropped`);
  const findings: Finding[] = [];
  for (const [i, value] of raw.findings.slice(0, LIMITS.findings).entries()) {
    const f = finding(value, (problem) => problems.add(`finding ${i}: ${problem}`));
    if (typeof f === 'string') problems.add(`finding ${i} dropped: ${f}`);
    else findings.push(f);
  }
  const smoke = raw.smoke === undefined || raw.smoke === null ? undefined : smokeResult(raw.smoke);
  if (typeof smoke === 'string') problems.add(`smoke result dropped: ${smoke}`);
  const configFile = raw.configFile == null ? undefined : relativePath(raw.configFile);
  if (raw.configFile != null && configFile === undefined)
    problems.add('configFile dropped: not a relative path');
  const fixes = raw.fixes == null ? undefined : validateFixes(raw.fixes, findings);
  if (typeof fixes === 'string') problems.add(`fixes dropped: ${fixes}`);
  const made = makeReport({
    directory,
    findings,
    smoke: typeof smoke === 'string' ? undefined : smoke,
    configFile,
    // The publish workflow's fail-on decides: the analysing run's choice came from the pull request too.
    failOn,
    durationMs: duration(raw.durationMs) ?? 0,
  });
  const report = fixes && typeof fixes !== 'string' ? { ...made, fixes } : made;
  return { report, warnings: problems.lines() };
}

/** Collects problems, at most a few of each kind spelled out, so a hostile artifact cannot flood the log. */
class Problems {
  private readonly seen: string[] = [];
  private count = 0;
  constructor(private readonly source: string) {}
  add(problem: string): void {
    this.count++;
    if (this.seen.length < 5) this.seen.push(problem);
  }
  lines(): string[] {
    if (this.count === 0) return [];
    const more = this.count > this.seen.length ? ` (and ${this.count - this.seen.length} more)` : '';
    return [`${this.source} did not fit the report schema: ${this.seen.join('; ')}${more}.`];
  }
}

/** A finding with the registry's metadata, or why it was dropped; `note` hears of a part dropped from it. */
function finding(value: unknown, note: (problem: string) => void): Finding | string {
  if (!isObject(value)) return 'not an object';
  const rule = typeof value.ruleId === 'string' ? RULE_BY_ID.get(value.ruleId) : undefined;
  if (!rule) return 'ruleId is not a rule of this action';
  if (!SEVERITIES.includes(value.severity as Severity)) return 'severity is not error, warning or notice';
  const file = relativePath(value.file);
  if (file === undefined) return 'file is not a relative path';
  const message = text(value.message, LIMITS.message);
  if (message === undefined) return `message is not a string of at most ${LIMITS.message} characters`;
  if (value.details !== undefined && text(value.details, LIMITS.details) === undefined)
    return `details is not a string of at most ${LIMITS.details} characters`;
  if (typeof value.fingerprint !== 'string' || !/^[\w-]{1,64}$/.test(value.fingerprint))
    return 'fingerprint is not 1 to 64 letters, digits, _ or -';
  // Parts that do not fit are dropped alone: the renderers recover them from the plain message.
  const checked = value.parts == null ? undefined : messageParts(value.parts, message);
  if (typeof checked === 'string') note(`${checked}: dropped`);
  const parts = typeof checked === 'string' ? undefined : checked;
  const suppressed = value.suppressed == null ? undefined : suppression(value.suppressed);
  if (typeof suppressed === 'string') return suppressed;
  const line = position(value.line);
  const endLine = position(value.endLine);
  const column = position(value.column);
  return {
    ruleId: rule.id,
    name: rule.name,
    factor: rule.factor,
    severity: value.severity as Severity,
    kind: rule.kind,
    related: [...rule.related],
    fingerprint: value.fingerprint,
    file,
    ...(line !== undefined ? { line } : {}),
    ...(line !== undefined && endLine !== undefined && endLine >= line ? { endLine } : {}),
    ...(line !== undefined && column !== undefined ? { column } : {}),
    message,
    ...(parts ? { parts } : {}),
    ...(typeof value.details === 'string' ? { details: value.details } : {}),
    ...(suppressed ? { suppressed } : {}),
  };
}

/**
 * A message's parts, only when they spell the message exactly; every part but code comes back as a repository value,
 * since nothing in the artifact is ours, and code is shown as an inert code span.
 */
function messageParts(value: unknown, message: string): MessagePart[] | string {
  const problem = `parts is not a list of at most ${LIMITS.parts} text and code parts that spell the message`;
  if (!Array.isArray(value) || value.length > LIMITS.parts) return problem;
  const parts: MessagePart[] = [];
  for (const p of value) {
    if (!isObject(p) || typeof p.text !== 'string' || !PART_KINDS.includes(p.kind as string)) return problem;
    const last = parts.at(-1);
    if (p.kind !== 'code' && last?.kind === 'value') last.text += p.text;
    else parts.push({ kind: p.kind === 'code' ? 'code' : 'value', text: p.text });
  }
  return plainMessage(parts) === message ? parts : problem;
}

function suppression(value: unknown): Finding['suppressed'] | string {
  if (!isObject(value) || !SUPPRESSED_BY.includes(value.by as (typeof SUPPRESSED_BY)[number]))
    return 'suppressed.by is not inline, file or config';
  const reason = value.reason == null ? undefined : text(value.reason, LIMITS.reason);
  if (value.reason != null && reason === undefined)
    return `suppressed.reason is not a string of at most ${LIMITS.reason} characters`;
  return { by: value.by as (typeof SUPPRESSED_BY)[number], ...(reason !== undefined ? { reason } : {}) };
}

/** The smoke part, whole or not at all: the renderers read every field of it. */
function smokeResult(value: unknown): SmokeResult | string {
  if (!isObject(value)) return 'not an object';
  if (!RUN_STATUSES.includes(value.status as RunStatus))
    return 'status is not passed, warnings, failed or skipped';
  const durationMs = duration(value.durationMs);
  if (durationMs === undefined) return 'durationMs is not a number of milliseconds';
  if (!optionalText(value.reason, LIMITS.reason)) return 'reason is too long or not a string';
  if (value.app !== undefined && relativePath(value.app) === undefined) return 'app is not a relative path';
  const build = value.build === undefined ? undefined : step(value.build);
  if (typeof build === 'string') return `build: ${build}`;
  if (!isObject(value.engines)) return 'engines is not an object';
  const engines: SmokeResult['engines'] = {};
  for (const [name, e] of Object.entries(value.engines)) {
    if (name !== 'sqlite' && name !== 'postgres') return `engine ${name.slice(0, 20)} is unknown`;
    const checked = engine(name, e);
    if (typeof checked === 'string') return `${name}: ${checked}`;
    engines[name] = checked;
  }
  return {
    status: value.status as RunStatus,
    ...(typeof value.reason === 'string' ? { reason: value.reason } : {}),
    ...(typeof value.app === 'string' ? { app: value.app } : {}),
    ...(build ? { build } : {}),
    engines,
    durationMs,
  };
}

function engine(name: 'sqlite' | 'postgres', value: unknown): EngineResult | string {
  if (!isObject(value)) return 'not an object';
  if (value.engine !== undefined && value.engine !== name) return 'engine does not match its key';
  if (!RUN_STATUSES.includes(value.status as RunStatus))
    return 'status is not passed, warnings, failed or skipped';
  const durationMs = duration(value.durationMs);
  if (durationMs === undefined) return 'durationMs is not a number of milliseconds';
  if (!optionalText(value.reason, LIMITS.reason)) return 'reason is too long or not a string';
  if (!Array.isArray(value.steps) || value.steps.length > LIMITS.steps)
    return `steps is not a list of at most ${LIMITS.steps}`;
  const steps: SmokeStep[] = [];
  for (const s of value.steps) {
    const checked = step(s);
    if (typeof checked === 'string') return `step: ${checked}`;
    steps.push(checked);
  }
  return {
    engine: name,
    status: value.status as RunStatus,
    ...(typeof value.reason === 'string' ? { reason: value.reason } : {}),
    durationMs,
    steps,
  };
}

function step(value: unknown): SmokeStep | string {
  if (!isObject(value)) return 'not an object';
  if (typeof value.name !== 'string' || !/^[\w .-]+$/.test(value.name) || value.name.length > LIMITS.stepName)
    return 'name is not a short step name';
  if (!STATUSES.includes(value.status as StepStatus)) return 'status is not passed, failed or skipped';
  const durationMs = duration(value.durationMs);
  if (durationMs === undefined) return 'durationMs is not a number of milliseconds';
  if (!optionalText(value.detail, LIMITS.reason)) return 'detail is too long or not a string';
  if (value.logTail !== undefined && text(value.logTail, LIMITS.details) === undefined)
    return 'logTail is too long or not a string';
  return {
    name: value.name,
    status: value.status as StepStatus,
    durationMs,
    ...(typeof value.detail === 'string' ? { detail: value.detail } : {}),
    ...(typeof value.logTail === 'string' ? { logTail: value.logTail } : {}),
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string of at most `max` characters (the renderers escape it and strip its control characters). */
function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

function optionalText(value: unknown, max: number): boolean {
  return value === undefined || text(value, max) !== undefined;
}

/** A relative path with '/' separators, no '..', no control characters or line breaks, of bounded length. */
function relativePath(value: unknown): string | undefined {
  const path = text(value, LIMITS.path);
  if (!path || CONTROL.test(path) || path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\\'))
    return undefined;
  return path.split('/').includes('..') ? undefined : path;
}

function position(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= LIMITS.line
    ? (value as number)
    : undefined;
}

function duration(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= LIMITS.durationMs
    ? value
    : undefined;
}
