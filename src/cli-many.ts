import { closeSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Report } from './core/index.js';
import { OptionError, type Format } from './options.js';
import { manyReportWriter } from './report/many.js';
import { RULES } from './rules/registry.js';
import { writeAll } from './util/std-streams.js';

/**
 * `check` with many projects (several directories, `--each`): every project reviewed on its own, a few at a time,
 * each report written in the projects' order as soon as the ones before it are out, then dropped.
 */
export interface ManyProjects {
  dirs: readonly string[];
  format: Format;
  color: boolean;
  /** The file the reports go to, else standard output. */
  output?: string;
  review: (dir: string) => Promise<Report>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The exit code: 2 when a project could not be reviewed, else 1 when a report fails, else 0. */
export async function checkMany(run: ManyProjects): Promise<number> {
  let failed = false;
  let broken = false;
  const writer = manyReportWriter(run.format, { color: run.color, rules: RULES });
  const out = run.output === undefined ? undefined : openSync(run.output, 'w');
  const write = (text: string) => {
    if (text === '') return;
    if (out === undefined) run.stdout(text);
    else writeAll(out, text);
  };
  try {
    const young = youngGenerationCap();
    await inParallel(
      run.dirs,
      PROJECTS_AT_ONCE,
      async (dir) => {
        try {
          young.check();
          return await run.review(dir);
        } catch (error) {
          // One project's bad config or a bug on its files must not cost the others their report.
          const message =
            error instanceof OptionError
              ? error.message
              : `internal error: ${(error as Error).stack ?? error}`;
          run.stderr(`twelve-factor-review: ${dir}: ${message}\n`);
          broken = true;
          return undefined;
        }
      },
      (report) => {
        if (report === undefined) return;
        failed ||= report.verdict === 'fail';
        write(writer.add(report));
      },
    );
    young.release();
    write(writer.end());
  } finally {
    if (out !== undefined) closeSync(out);
  }
  return broken ? 2 : failed ? 1 : 0;
}

/**
 * Projects reviewed at once: a review mostly waits on small file reads, so a few at a time keep the CPU busy, and
 * few enough that memory holds only their models.
 */
const PROJECTS_AT_ONCE = 8;

const require = createRequire(import.meta.url);

/**
 * `fn` over the items, at most `limit` at a time; `done` gets each result in the items' order, as soon as the
 * results before it are in, and nothing keeps a result after it.
 */
async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
  done: (result: R) => void,
): Promise<void> {
  const waiting = new Map<number, R>();
  let next = 0;
  let delivered = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      waiting.set(i, await fn(items[i]));
      while (waiting.has(delivered)) {
        const result = waiting.get(delivered) as R;
        waiting.delete(delivered++);
        done(result);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * V8 doubles the young generation while many projects are analysed, up to 64 MB, though little of what it holds
 * outlives a project. Past YOUNG_CAP_MB it stops growing: a class's clones stay well under 200 MB, for a few more
 * (cheap) scavenges. Checked every few projects, since the size is only known as it grows.
 */
function youngGenerationCap(): { check(): void; release(): void } {
  const v8 = require('node:v8') as typeof import('node:v8');
  let capped = false;
  let projects = 0;
  return {
    check() {
      if (capped || ++projects % 8 !== 0) return;
      const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      if (young && young.space_size >= YOUNG_CAP_MB * 1024 * 1024) {
        v8.setFlagsFromString('--semi-space-growth-factor=1');
        capped = true;
      }
    },
    // The flags are part of the code cache's key: the CLI's next run must find the cache this one writes.
    release() {
      if (capped) v8.setFlagsFromString('--semi-space-growth-factor=2');
    },
  };
}

const YOUNG_CAP_MB = 16;
