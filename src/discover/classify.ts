/** File-name conventions shared by discovery (what to read) and the model (what each text is). Pure. */

import { LINES } from '../util/lines.js';

export const DEFAULT_CONFIG_FILE = '.github/twelve-factor.yml';

/** Directories never walked: their content is not the app's source. */
export const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'venv', '.venv', '__pycache__']);

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}

/** Joins relative paths, '.' being the scanned directory itself. */
export function joinPath(dir: string, path: string): string {
  return dir === '.' || dir === '' ? path : `${dir}/${path}`;
}

/** True when `path` is `dir` or below it ('.' holds everything). */
export function isUnder(path: string, dir: string): boolean {
  return dir === '.' || path === dir || path.startsWith(`${dir}/`);
}

/** `path` relative to `dir` (which must hold it). */
export function relativeTo(path: string, dir: string): string {
  if (dir === '.') return path;
  return path === dir ? '.' : path.slice(dir.length + 1);
}

/** Normalises a relative path: drops `./` and empty segments, resolves `..` (never above the start). */
export function normalizeRelative(path: string): string | undefined {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.length === 0 ? '.' : out.join('/');
}

/** Extensions of source, data and documentation files: `dockerfile.js` (an editor's syntax mode) is no Dockerfile. */
const SOURCE_EXTENSION =
  /\.(js|mjs|cjs|jsx|ts|tsx|py|pyc|json|md|rst|txt|ya?ml|html?|css|scss|go|rb|rs|java|php|cpp|xml|toml|ini|cfg|sh|svg|png|map|lock|log|bak|orig)$/i;

/** Third-party or collected files (vendored libraries, static assets): a Dockerfile-named file there is not the app's. */
const VENDORED_DIR = /(^|\/)(node_modules|bower_components|vendor|static|staticfiles)\//;

/** A Dockerfile by its name alone; a compose `dockerfile:` or `docker build -f` names the others. */
export function isDockerfile(path: string): boolean {
  const name = baseName(path);
  if (name.endsWith('.dockerignore')) return false;
  if (SOURCE_EXTENSION.test(name) || VENDORED_DIR.test(path)) return false;
  // Dockerfile, Dockerfile.prod, Dockerfile-prod, Dockerfile_v1, any name.dockerfile, LocalDockerfile
  return /\.dockerfile$/i.test(name) || /^[\w.-]*dockerfile$/i.test(name) || /^dockerfile[._-]/i.test(name);
}

export function isComposeFile(path: string): boolean {
  // docker-compose.prod.yml, compose.production.yaml, docker-compose-deploy.yml; a Swarm stack file docker-stack.yml
  return (
    /^((docker-)?compose|docker-stack)([.-][^/]+)?\.ya?ml$/.test(baseName(path)) && !isComposeTemplate(path)
  );
}

/** A name ending in `.yml` or `.yaml`. */
export function isYamlName(path: string): boolean {
  return path.endsWith('.yml') || path.endsWith('.yaml');
}

/**
 * A YAML file named as a template (`prod-template.yml`, `docker-compose.example.yml`): like `.env.example`, written to
 * be copied elsewhere and filled in, so its paths need not resolve where it is; not a compose project to analyse.
 */
export function isComposeTemplate(path: string): boolean {
  const name = baseName(path);
  const stem = isYamlName(name) ? name.slice(0, name.lastIndexOf('.')) : name;
  return stem.split(/[._-]/).some((part) => /^(example|sample|template|tpl|tmpl)s?$/i.test(part));
}

/** A YAML file holding a compose project under another name (`local.yml`, `compose/production.yml`). */
export function looksLikeCompose(path: string, text: string | undefined): boolean {
  if (isComposeFile(path)) return true;
  if (!isYamlName(path) || CI_CONFIG.test(path) || text === undefined || isComposeTemplate(path))
    return false;
  // Top-level services whose entries build or pull an image; Kubernetes manifests and CI files have other keys.
  return (
    /^services\s*:\s*$/m.test(text) &&
    servicesIsMapping(text) &&
    /^\s+(image|build)\s*:/m.test(text) &&
    !/^apiVersion\s*:/m.test(text)
  );
}

/** CI configuration: GitLab's (whose top-level `services:` is a list of images), GitHub's, and others'. */
const CI_CONFIG =
  /(^|\/)(\.github\/|\.circleci\/|\.gitlab-ci\.ya?ml$|\.gitlab\/|bitbucket-pipelines\.ya?ml$|\.travis\.ya?ml$|\.drone\.ya?ml$|azure-pipelines\.ya?ml$|\.woodpecker)/;

/** A CI configuration file (`.travis.yml`, `.github/workflows/image.yml`): its `docker build` lines name images built here. */
export function isCiConfig(path: string): boolean {
  return /\.ya?ml$/.test(path) && CI_CONFIG.test(path);
}

/** Compose's top-level `services:` maps names to services; a list under it (`- postgres:15`) is another format. */
function servicesIsMapping(text: string): boolean {
  const lines = text.split(LINES);
  const at = lines.findIndex((l) => /^services\s*:\s*$/.test(l));
  const first = lines.slice(at + 1).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  return first !== undefined && /^\s+["']?[\w.-]+["']?\s*:/.test(first);
}

/** YAML files worth reading to see whether they are compose files: shallow, outside CI configuration. */
export function isComposeCandidate(path: string): boolean {
  return isYamlName(path) && !CI_CONFIG.test(path) && path.split('/').length <= 3;
}

export function isComposeOverride(path: string): boolean {
  return /\.override\.ya?ml$/.test(baseName(path));
}

export function isDockerignore(path: string): boolean {
  return baseName(path).endsWith('.dockerignore');
}

export function isRequirementsFile(path: string): boolean {
  const name = baseName(path);
  if (/^requirements.*\.(txt|in)$/.test(name)) return true;
  return /\.(txt|in)$/.test(name) && /(^|\/)requirements\/[^/]+$/.test(path);
}

export function isSettingsCandidate(path: string): boolean {
  const name = baseName(path);
  if (!name.endsWith('.py')) return false;
  return /^settings.*\.py$/.test(name) || /(^|\/)settings\/[^/]+\.py$/.test(path);
}

export function isScript(path: string): boolean {
  const name = baseName(path);
  return name.endsWith('.sh') || /entrypoint/i.test(name);
}

/** A text that starts with a shell's shebang (`#!/bin/sh`, `#!/bin/bash -e`, `#!/usr/bin/env bash`): a script, whatever its name. */
export function hasShellShebang(text: string | undefined): boolean {
  return text !== undefined && /^#!\s*\S*?\/(?:env\s+(?:-\S+\s+)*)?(?:ba|da|a|z|k|mk)?sh\b/.test(text);
}

/** A file read as a shell script: by its name, or by its shebang. */
export function isScriptFile(path: string, text: string | undefined): boolean {
  return isScript(path) || hasShellShebang(text);
}

/** Files whose unreadability is itself a finding (TF0001): the analysis needed them. */
export function isCoreFile(path: string): boolean {
  return isDockerfile(path) || isComposeFile(path) || isSettingsCandidate(path);
}

/**
 * A dotted module name as importlib takes it: Django's import_module loads `webapp.settings-prod` from
 * webapp/settings-prod.py, though no import statement could name it.
 */
export function isModuleName(module: string): boolean {
  return /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(module);
}

/** Dotted module → candidate files relative to a base directory, in Python's order: a package before a module. */
export function moduleFiles(base: string, module: string): string[] {
  if (!isModuleName(module)) return [];
  const path = joinPath(base, module.replaceAll('.', '/'));
  return [`${path}/__init__.py`, `${path}.py`];
}
