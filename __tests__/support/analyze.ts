import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import type { DiscoverOptions } from '../../src/discover/types.js';
import type { Finding } from '../../src/core/index.js';
import type { Project } from '../../src/model/types/project.js';
import { loadConfig } from '../../src/options.js';
import { analyzeStatic } from '../../src/pipeline.js';

export interface AnalyzeResult {
  findings: Finding[];
  project: Project;
  /** The temporary directory the files were written to (already removed when the promise settles). */
  dir: string;
}

/**
 * Writes `files` (relative path → text or bytes) into a fresh temporary directory, runs the real static pipeline
 * (config → discover → model → rules) on it, and removes the directory.
 */
export async function analyzeFiles(
  files: Record<string, string | Uint8Array>,
  options: { discover?: DiscoverOptions; config?: Partial<Config> } = {},
): Promise<AnalyzeResult> {
  const dir = await mkdtemp(join(tmpdir(), 'tfr-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      const abs = join(dir, ...path.split('/'));
      await mkdir(dirname(abs), { recursive: true });
      await writeFile(abs, content);
    }
    // A config file among the files is loaded as the action would load it; `options.config` overrides it.
    const fromFile = await loadConfig(dir, options.discover?.configFile);
    const config: Config = { ...DEFAULT_CONFIG, ...fromFile, ...options.config };
    const { findings, project } = await analyzeStatic(dir, config, options.discover ?? {});
    return { findings, project, dir };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `[file, line]` of the findings of one rule (id or name), in report order. */
export function findingsOf(result: { findings: Finding[] }, rule: string): [string, number | undefined][] {
  return result.findings
    .filter((f) => f.ruleId === rule || f.name === rule)
    .map((f) => [f.file, f.line] as [string, number | undefined]);
}

/** Distinct rule ids among the unsuppressed findings. */
export function ruleIds(result: { findings: Finding[] }): string[] {
  return [...new Set(result.findings.filter((f) => !f.suppressed).map((f) => f.ruleId))].sort();
}
