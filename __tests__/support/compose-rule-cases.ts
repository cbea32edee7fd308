// Compose rule cases for __tests__/rules/: the compose files are modelled for real; the Dockerfile stage and the
// settings, when a case needs them, are built by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelCompose } from '../../src/model/compose.js';
import type { DockerfileModel, Stage } from '../../src/model/types/dockerfile.js';
import type { RawFinding } from '../../src/core/index.js';
import type { App, Project } from '../../src/model/types/project.js';
import type { SettingsModel, ValueSource } from '../../src/model/types/settings.js';
import type { Rule } from '../../src/rules/lib/rule.js';
import { assertFiresThenSilent } from './rule-cases.js';

export interface ComposeCase {
  name: string;
  /** compose.yaml text, or several compose files in merge order. */
  compose?: string | Record<string, string>;
  env?: Record<string, string>;
  app?: Partial<App>;
  /** Expected findings as 'file:line'; [] for silence. */
  expect: string[];
  /** Patterns the findings' messages must match, in order. */
  messages?: RegExp[];
}

export function composeProjectOf(c: ComposeCase): Project {
  const files = typeof c.compose === 'string' ? { 'compose.yaml': c.compose } : (c.compose ?? {});
  const entries = Object.entries(files).map(([file, text]) => ({ file, text }));
  const { model } = entries.length > 0 ? modelCompose(entries, c.env ?? {}) : { model: undefined };
  const app: App = { dir: '.', requirements: [], entrypointScripts: [], compose: model, ...c.app };
  return { root: '/repo', apps: [app], parseErrors: [], suppressions: [], suppressionProblems: [] };
}

export function composeRuleCases(rule: Rule, cases: ComposeCase[]): void {
  assertFiresThenSilent(
    rule,
    cases.map((c) => c.expect),
  );
  for (const c of cases) {
    test(`${rule.id} ${rule.name}: ${c.name}`, () => {
      const findings: RawFinding[] = rule.check(composeProjectOf(c));
      assert.deepEqual(
        findings.map((f) => `${f.file}:${f.line}`),
        c.expect,
        findings.map((f) => f.message).join('\n'),
      );
      for (const f of findings) assert.ok(f.message.length > 20);
      for (const [i, pattern] of (c.messages ?? []).entries())
        assert.match(findings[i]?.message ?? '', pattern);
    });
  }
}

export const y = (...lines: string[]): string => lines.join('\n') + '\n';

export function stage(opts: {
  workdir?: string;
  volumes?: { line: number; paths: string[] }[];
  copyTo?: string[];
}): Stage {
  const workdir = opts.workdir ?? '/';
  const from = { line: 1, endLine: 1, raw: 'python:3.12', image: 'python:3.12', scratch: false };
  return {
    index: 0,
    from,
    instructions: (opts.copyTo ?? []).map((dest, i) => ({
      keyword: 'COPY' as const,
      line: 3 + i,
      endLine: 3 + i,
      sources: ['.'],
      dest,
    })),
    lastLine: 20,
    workdir,
    env: {},
    exposes: [],
    volumes: (opts.volumes ?? []).map((v) => ({
      keyword: 'VOLUME' as const,
      line: v.line,
      endLine: v.line,
      paths: v.paths,
    })),
  };
}

export function dockerfile(s: Stage): DockerfileModel {
  return { file: 'Dockerfile', stages: [s], targetStage: s, builtStages: [s], globalArgs: [] };
}

export function settings(
  assignments: SettingsModel['assignments'],
  hosts: ValueSource[] = [],
): SettingsModel {
  return {
    file: 'mysite/settings.py',
    module: 'mysite.settings',
    assignments,
    envReads: [],
    logHandlers: [],
    databases: {
      line: 10,
      selection: { kind: 'fixed' },
      configs: hosts.map((h) => ({ engine: 'django.db.backends.postgresql', line: 10, fields: { HOST: h } })),
    },
  };
}

/** An app whose image copies the code to /app, its WORKDIR. */
export const appCopiedToApp = {
  dockerfile: dockerfile(stage({ workdir: '/app', copyTo: ['/app'] })),
  imageSourceDir: '/app',
};
