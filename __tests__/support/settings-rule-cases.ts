// Settings rule cases for __tests__/rules/: the settings module is evaluated for real; the Dockerfile stage and the
// compose service it is deployed with are built by hand.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { interpolate } from '../../src/model/compose/interpolation.js';
import { modelSettings } from '../../src/model/settings.js';
import type { ComposeService, ComposeVolumeMount } from '../../src/model/types/compose.js';
import type { Stage } from '../../src/model/types/dockerfile.js';
import type { Severity } from '../../src/core/index.js';
import type { App, Project } from '../../src/model/types/project.js';
import type { Rule } from '../../src/rules/lib/rule.js';
import { assertFiresThenSilent } from './rule-cases.js';

export const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/settings/${name}`, import.meta.url), 'utf8');
export const SETTINGS = 'mysite/settings.py';

export interface Deploy {
  /** Target stage of the Dockerfile; false for an app without Dockerfile. */
  stage?: { env?: Record<string, string | undefined>; volumes?: string[]; workdir?: string } | false;
  service?: {
    environment?: Record<string, string | undefined>;
    volumes?: Partial<ComposeVolumeMount>[];
    envFiles?: string[];
    envFileEntries?: Record<string, Record<string, string>>;
  };
  imageSourceDir?: string | null;
  managePy?: string;
  settingsFile?: string;
  sentFiles?: string[];
}

function stageOf(o: {
  env?: Record<string, string | undefined>;
  volumes?: string[];
  workdir?: string;
}): Stage {
  return {
    index: 0,
    from: { line: 1, endLine: 1, raw: 'FROM python:3.12-slim', image: 'python:3.12-slim', scratch: false },
    instructions: [],
    lastLine: 6,
    workdir: o.workdir ?? '/app',
    env: o.env ?? {},
    exposes: [],
    volumes: (o.volumes ?? []).map((p, i) => ({
      keyword: 'VOLUME',
      line: 3 + i,
      endLine: 3 + i,
      paths: [p],
    })),
  };
}

function serviceOf(o: NonNullable<Deploy['service']>): ComposeService {
  const at = { file: 'docker-compose.yml', line: 3 };
  const environment: ComposeService['environment'] = Object.entries(o.environment ?? {}).map(
    ([name, value], i) => ({
      file: 'docker-compose.yml',
      line: 5 + i,
      name,
      // A value written with `${...}` is interpolated as compose does with nothing set.
      ...(value === undefined ? {} : { value: interpolate(value, {}).value, raw: value }),
      interpolated: value?.includes('$') ?? false,
      source: 'environment' as const,
    }),
  );
  for (const [path, entries] of Object.entries(o.envFileEntries ?? {}))
    for (const [name, value] of Object.entries(entries))
      environment.push({
        file: path,
        line: 1,
        name,
        value,
        raw: value,
        interpolated: false,
        source: 'env_file',
      });
  return {
    ...at,
    name: 'web',
    environment,
    envFiles: (o.envFiles ?? []).map((path) => ({ ...at, path })),
    ports: [],
    expose: [],
    volumes: (o.volumes ?? []).map((v, i) => ({
      file: 'docker-compose.yml',
      line: 10 + i,
      type: v.type ?? 'volume',
      target: v.target ?? '/',
      readOnly: false,
      ...(v.source ? { source: v.source } : {}),
    })),
    dependsOn: [],
    secrets: [],
    role: 'app',
  };
}

export function settingsProjectOf(settings: string, deploy: Deploy = {}): Project {
  const file = deploy.settingsFile ?? SETTINGS;
  const { model } = modelSettings(file, 'mysite.settings', settings);
  const app: App = {
    dir: '.',
    managePy: deploy.managePy ?? 'manage.py',
    settings: model,
    requirements: [],
    entrypointScripts: [],
  };
  if (deploy.stage !== false) {
    const stage = stageOf(deploy.stage ?? {});
    app.dockerfile = {
      file: 'Dockerfile',
      stages: [stage],
      targetStage: stage,
      builtStages: [stage],
      globalArgs: [],
    };
    app.context = { dir: '.', files: deploy.sentFiles ?? [], sentFiles: deploy.sentFiles ?? [] };
    if (deploy.imageSourceDir !== null) app.imageSourceDir = deploy.imageSourceDir ?? '/app';
  }
  if (deploy.service) {
    const service = serviceOf(deploy.service);
    app.compose = { files: ['docker-compose.yml'], services: [service], appService: service, volumes: [] };
  }
  return { root: '/repo', apps: [app], parseErrors: [], suppressions: [], suppressionProblems: [] };
}

/** [line, severity] of the findings of one rule; severity only when it differs from the rule's default. */
export function settingsRuleFindings(
  rule: Rule,
  settings: string,
  deploy?: Deploy,
): [number | undefined, Severity?][] {
  return rule.check(settingsProjectOf(settings, deploy)).map((f) => {
    assert.equal(f.file, deploy?.settingsFile ?? SETTINGS);
    assert.doesNotMatch(f.message, /s3cret|django-insecure|hunter2/, 'a finding must never print a secret');
    return f.severity && f.severity !== rule.severity ? [f.line, f.severity] : [f.line];
  });
}

export interface SettingsCase {
  name: string;
  settings: string;
  deploy?: Deploy;
  expect: [number | undefined, Severity?][];
}

export function settingsRuleCases(rule: Rule, cases: SettingsCase[]): void {
  assertFiresThenSilent(
    rule,
    cases.map((c) => c.expect),
  );
  for (const c of cases)
    test(`${rule.id} ${c.expect.length ? 'fires' : 'silent'}: ${c.name}`, () => {
      assert.deepEqual(settingsRuleFindings(rule, c.settings, c.deploy), c.expect);
    });
}

export const lines = (...l: string[]) => l.join('\n') + '\n';
