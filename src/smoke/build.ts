import type { Dirent } from 'node:fs';
import {
  chmod,
  copyFile,
  link,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readlink,
  rm,
  symlink,
} from 'node:fs/promises';
import path from 'node:path';
import { LINES } from '../util/lines.js';

/** Where a failed build broke, read from the builder's log (BuildKit or the classic builder). */
export interface BuildFailure {
  /** 1-based line of the failing instruction in the Dockerfile, when found. */
  line?: number;
  /** The failing instruction as the builder printed it. */
  instruction?: string;
}

interface DockerfileInstruction {
  line: number;
  text: string;
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Instructions of a Dockerfile with the line each starts on; continuation lines are joined, comments dropped. */
export function dockerfileInstructions(text: string): DockerfileInstruction[] {
  const out: DockerfileInstruction[] = [];
  const lines = text.split(LINES);
  let current: DockerfileInstruction | undefined;
  let heredoc: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (heredoc !== undefined) {
      if (raw.trim() === heredoc) heredoc = undefined;
      continue;
    }
    if (!current && (/^\s*#/.test(raw) || raw.trim() === '')) continue;
    if (current && /^\s*#/.test(raw)) continue;
    const continued = /\\\s*$/.test(raw);
    const body = raw.replace(/\\\s*$/, '');
    if (current) current.text += ` ${body}`;
    else current = { line: i + 1, text: body };
    const marker = /<<-?\s*["']?(\w+)["']?/.exec(body);
    if (marker && /^\s*(RUN|COPY|ADD)\b/i.test(current.text)) heredoc = marker[1];
    if (!continued) {
      out.push({ line: current.line, text: normalize(current.text) });
      current = undefined;
    }
  }
  if (current) out.push({ line: current.line, text: normalize(current.text) });
  return out;
}

/** Finds the failing instruction: BuildKit's `Dockerfile:LINE`, else the classic builder's last `Step N/M : INSTR`. */
export function locateBuildFailure(log: string, dockerfileText?: string): BuildFailure {
  const buildkit = [...log.matchAll(/^(?:\S*\/)?[\w.-]+:(\d+)\s*\n-{5,}/gm)].pop();
  const buildkitStep = [...log.matchAll(/^\s*>\s*\[[^\]]*\]\s+(.+?):?\s*$/gm)].pop();
  if (buildkit) return { line: Number(buildkit[1]), instruction: buildkitStep?.[1] };
  const steps = [...log.matchAll(/^Step (\d+)\/(\d+) : (.+)$/gm)];
  const last = steps.pop();
  if (!last) return {};
  const instruction = last[3].trim();
  if (!dockerfileText) return { instruction };
  const instructions = dockerfileInstructions(dockerfileText);
  const wanted = normalize(instruction);
  const exact = instructions.find((i) => i.text === wanted);
  if (exact) return { line: exact.line, instruction };
  const ci = instructions.find((i) => i.text.toLowerCase() === wanted.toLowerCase());
  if (ci) return { line: ci.line, instruction };
  const prefix = instructions.find((i) => i.text.startsWith(wanted.slice(0, 40)));
  if (prefix) return { line: prefix.line, instruction };
  return { instruction };
}

/** A copy of a build context without `.git`: what the image build is given instead of the checkout. */
export interface StagedContext {
  /** The staged copy, to pass as the build context. */
  context: string;
  /** The Dockerfile to pass with -f: its staged copy when it lies in the context, else the original. */
  dockerfile: string;
  /** Removes the staged copy (idempotent). */
  remove(): Promise<void>;
}

/** Never copied into a build context: a checkout's `.git` holds the credentials actions/checkout persisted. */
const NEVER_STAGED = '.git';

/**
 * Copies a build context into a fresh directory under `tempDir`, leaving out every `.git` (directory or file, at any
 * depth) whatever `.dockerignore` says; `.dockerignore` itself is copied, so the builder applies it as before. Files
 * are hard-linked when they can be (same filesystem), else copied; symlinks are recreated as they are, never followed.
 * A context that does not exist stages as an empty directory (the build then fails as it would have).
 */
export async function stageBuildContext(
  contextDir: string,
  dockerfile: string,
  tempDir: string,
): Promise<StagedContext> {
  await mkdir(tempDir, { recursive: true });
  const stage = await mkdtemp(path.join(tempDir, 'tfr-context-'));
  let removed: Promise<void> | undefined;
  const remove = () => (removed ??= rm(stage, { recursive: true, force: true }));
  try {
    const destination = path.join(stage, 'context');
    await mkdir(destination);
    await copyTree(path.resolve(contextDir), destination, path.resolve(stage));
    const rel = path.relative(path.resolve(contextDir), path.resolve(dockerfile));
    const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    const staged =
      inside && !rel.split(path.sep).includes(NEVER_STAGED) ? path.join(destination, rel) : dockerfile;
    return { context: destination, dockerfile: staged, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

async function copyTree(from: string, to: string, skip: string): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(from, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const e of entries) {
    if (e.name === NEVER_STAGED) continue;
    const source = path.join(from, e.name);
    const target = path.join(to, e.name);
    if (source === skip) continue; // a temp directory inside the context is not copied into itself
    if (e.isDirectory()) {
      await mkdir(target);
      await copyTree(source, target, skip);
      await chmod(target, ((await lstat(source)).mode & 0o7777) | 0o700); // ours to remove afterwards
    } else if (e.isSymbolicLink()) {
      await symlink(await readlink(source), target);
    } else if (e.isFile()) {
      try {
        await link(source, target);
      } catch {
        await copyFile(source, target);
      }
    }
    // Sockets, FIFOs and devices are not sent to a builder either.
  }
}

/** What a classic build committed, as its log streamed: the record the final cleanup removes layers from. */
export interface ClassicBuildRecord {
  /** Layers this build committed itself (a step that ran, not `---> Using cache`), in the order it made them. */
  created: string[];
  /** Layers it took from the cache (and its base), in order: another run may have handed one over for removal. */
  reused?: string[];
  /** The last layer printed (its own, a cached one or a base): what a step committed after the log ended builds on. */
  lastLayer?: string;
  /** The instruction of the step under way when the log ended (FROM, RUN, COPY…), if it had not committed yet. */
  pendingStep?: string;
  /** The container of that step, when it printed one. */
  stepContainer?: string;
}

/**
 * Reads the classic builder's log line by line as it streams, so no layer is lost when the output kept in memory is
 * only the tail. A step's ` ---> <id>` is a layer it committed unless the step printed ` ---> Using cache` (a layer
 * other builds share, never ours to remove); a FROM step's is its base, unless build triggers ran on it.
 */
export class ClassicBuildLog {
  private readonly record: ClassicBuildRecord = { created: [] };
  private partial = '';
  private step?: { from: boolean; cached: boolean; ran: boolean };

  feed(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.line(line.replace(/\r$/, ''));
  }

  /** The layers committed so far, from the complete lines read. */
  get created(): readonly string[] {
    return this.record.created;
  }

  /** The record so far, with the last unterminated line read too. */
  result(): ClassicBuildRecord {
    if (this.partial) {
      this.line(this.partial);
      this.partial = '';
    }
    return {
      ...this.record,
      created: [...this.record.created],
      ...(this.record.reused ? { reused: [...this.record.reused] } : {}),
    };
  }

  private line(line: string): void {
    const step = /^Step \d+\/\d+ : (\w+)/.exec(line);
    if (step) {
      this.step = { from: step[1].toUpperCase() === 'FROM', cached: false, ran: false };
      this.record.pendingStep = step[1].toUpperCase();
      delete this.record.stepContainer;
      return;
    }
    if (!this.step) return;
    if (/^ ---> Using cache\s*$/.test(line)) {
      this.step.cached = true;
      return;
    }
    const running = /^ ---> Running in ([0-9a-f]{12,})\s*$/.exec(line);
    if (running) {
      this.step.ran = true;
      this.record.stepContainer = running[1];
      return;
    }
    if (/^# Executing \d+ build triggers?/.test(line)) this.step.ran = true;
    const layer = /^ ---> ([0-9a-f]{12,})\s*$/.exec(line);
    if (!layer) return;
    const ours = !this.step.cached && (!this.step.from || this.step.ran);
    if (ours && !this.record.created.includes(layer[1])) this.record.created.push(layer[1]);
    else if (!ours && !this.record.reused?.includes(layer[1])) (this.record.reused ??= []).push(layer[1]);
    this.record.lastLayer = layer[1];
    delete this.record.pendingStep;
    delete this.record.stepContainer;
  }
}
