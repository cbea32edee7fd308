// Builds small Project values from Dockerfile/compose/script text, for the Dockerfile and runtime rule tests.
import { modelDockerfile } from '../../src/model/dockerfile.js';
import { parseShell } from '../../src/parse/shell.js';
import type { ComposeCommand, ComposeService } from '../../src/model/types/compose.js';
import type { RawFinding } from '../../src/core/index.js';
import type { App, Project, RequirementsFile } from '../../src/model/types/project.js';
import type { Rule } from '../../src/rules/lib/rule.js';

export interface AppFixture {
  dockerfile?: string;
  target?: string;
  buildArgs?: Record<string, string | undefined>;
  /** compose app service fields; `command`/`entrypoint` as a string (shell-like) or a list. */
  service?: Partial<Omit<ComposeService, 'command' | 'entrypoint'>> & {
    command?: string | string[];
    entrypoint?: string | string[];
  };
  scripts?: { file: string; text: string; imagePath: string }[];
  requirements?: RequirementsFile[];
  contextFiles?: string[];
  logHandlers?: { className: string; line: number }[];
}

export function projectOf(f: AppFixture): Project {
  const app: App = { dir: '.', requirements: f.requirements ?? [], entrypointScripts: [] };
  if (f.dockerfile !== undefined) {
    app.dockerfile = modelDockerfile('Dockerfile', f.dockerfile, {
      target: f.target,
      buildArgs: f.buildArgs,
    }).model;
  }
  if (f.contextFiles) app.context = { dir: '.', files: f.contextFiles, sentFiles: f.contextFiles };
  for (const s of f.scripts ?? []) {
    app.entrypointScripts.push({ file: s.file, imagePath: s.imagePath, script: parseShell(s.text, 1) });
  }
  if (f.service) {
    const { command, entrypoint, ...rest } = f.service;
    const service: ComposeService = {
      file: 'compose.yaml',
      line: 2,
      name: 'web',
      environment: [],
      envFiles: [],
      ports: [],
      expose: [],
      volumes: [],
      dependsOn: [],
      secrets: [],
      role: 'app',
      ...rest,
    };
    if (command !== undefined) service.command = composeCommand(command, 5);
    if (entrypoint !== undefined) service.entrypoint = composeCommand(entrypoint, 4);
    app.compose = { files: ['compose.yaml'], services: [service], appService: service, volumes: [] };
  }
  if (f.logHandlers) {
    app.settings = {
      file: 'mysite/settings.py',
      module: 'mysite.settings',
      assignments: [],
      envReads: [],
      logHandlers: f.logHandlers,
    };
  }
  return { root: '/tmp/x', apps: [app], parseErrors: [], suppressions: [], suppressionProblems: [] };
}

function composeCommand(c: string | string[], line: number): ComposeCommand {
  if (Array.isArray(c)) return { file: 'compose.yaml', line, argv: c, raw: JSON.stringify(c) };
  return { file: 'compose.yaml', line, raw: c, script: parseShell(c, line) };
}

/** `file:line` of each finding (with `!severity` when the rule set one), sorted. */
export function anchors(rule: Rule, f: AppFixture): string[] {
  return rule
    .check(projectOf(f))
    .map((x: RawFinding) => `${x.file}:${x.line ?? ''}${x.severity ? `!${x.severity}` : ''}`)
    .sort();
}

export function messages(rule: Rule, f: AppFixture): string[] {
  return rule.check(projectOf(f)).map((x) => x.message);
}
