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

/** docker-compose.prod.yml, compose.production.yaml, docker-compose-deploy.yml; a Swarm stack file docker-stack.yml */
const COMPOSE_NAME = /^((docker-)?compose|docker-stack)([.-][^/]+)?\.ya?ml$/;

export function isComposeFile(path: string): boolean {
  return COMPOSE_NAME.test(baseName(path)) && !isComposeTemplate(path);
}

/** A name ending in `.yml` or `.yaml`. */
export function isYamlName(path: string): boolean {
  return path.endsWith('.yml') || path.endsWith('.yaml');
}

/**
 * A YAML file named as a template (`prod-template.yml`, `docker-compose.example.yml`): like `.env.example`, written to
 * be copied elsewhere and filled in, so its paths need not resolve where it is; not a compose project to analyse
 * unless no other file is one (see composeFilesAmong).
 * A compose file named for production as well (`docker-compose-prod_template.yml`) is the deployment's own file with
 * values to fill in where it stands: it is analysed, as the production one.
 */
export function isComposeTemplate(path: string): boolean {
  const name = baseName(path);
  const parts = (isYamlName(name) ? name.slice(0, name.lastIndexOf('.')) : name).split(/[._-]/);
  if (!parts.some((part) => /^(example|sample|template|tpl|tmpl)s?$/i.test(part))) return false;
  return !(COMPOSE_NAME.test(name) && parts.some((part) => /^(prod|production|deploy)$/i.test(part)));
}

/** A YAML file holding a compose project under another name (`local.yml`, `compose/production.yml`). */
export function looksLikeCompose(path: string, text: string | undefined): boolean {
  return !isComposeTemplate(path) && holdsCompose(path, text);
}

/**
 * The compose files among the texts read. Templates (`docker-compose.example.yml`) count only where no other file is
 * a compose file: the copy users make of the template is then the compose project they run.
 */
export function composeFilesAmong(texts: Readonly<Record<string, string>>): string[] {
  const files = Object.keys(texts).filter((f) => looksLikeCompose(f, texts[f]));
  if (files.length > 0) return files;
  return Object.keys(texts).filter((f) => isComposeTemplate(f) && holdsCompose(f, texts[f]));
}

/** A compose file by its name or, for other YAML, by the keys it holds; whether it is a template aside. */
function holdsCompose(path: string, text: string | undefined): boolean {
  if (COMPOSE_NAME.test(baseName(path))) return true;
  if (!isYamlName(path) || CI_CONFIG.test(path) || text === undefined) return false;
  // Top-level services whose entries build or pull an image; Kubernetes manifests and CI files have other keys.
  if (!/^services\s*:/m.test(text)) return isLegacyCompose(text);
  return (
    /^services\s*:\s*$/m.test(text) &&
    servicesIsMapping(text) &&
    /^\s+(image|build)\s*:/m.test(text) &&
    !/^apiVersion\s*:/m.test(text)
  );
}

/** Keys a version-1 compose service may hold (Compose file format 1, which had no `services:`). */
const LEGACY_SERVICE_KEY =
  /^(build|image|command|entrypoint|ports|expose|links|external_links|volumes|volumes_from|volume_driver|environment|env_file|restart|depends_on|container_name|hostname|domainname|working_dir|user|labels|net|network_mode|dns|dns_search|cap_add|cap_drop|extends|log_driver|log_opt|logging|mem_limit|memswap_limit|cpu_shares|cpuset|privileged|read_only|stdin_open|tty|devices|security_opt|ulimits|extra_hosts|stop_signal|dockerfile|pid|ipc|cgroup_parent|mac_address)$/;

/**
 * A compose file in the version-1 format under another name (`production.yml` of an old cookiecutter layout): every
 * top-level entry (beside `version`) a mapping of service keys only, one of them building or pulling an image.
 */
function isLegacyCompose(text: string): boolean {
  const services: { keys: string[]; indent?: number }[] = [];
  let current: { keys: string[]; indent?: number } | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#') || line === '---') continue;
    if (!/^\s/.test(line)) {
      if (/^version\s*:/.test(line)) current = undefined;
      else if (!/^["']?[\w.-]+["']?\s*:\s*(#.*)?$/.test(line)) return false;
      else services.push((current = { keys: [] }));
      continue;
    }
    if (current === undefined) continue;
    // The service's own keys sit at the indent of its first line; deeper lines are their values.
    const indent = /^\s*/.exec(line)![0].length;
    current.indent ??= indent;
    if (indent > current.indent) continue;
    const key = /^\s*["']?([\w.-]+)["']?\s*:(\s|$)/.exec(line)?.[1];
    if (key === undefined || !LEGACY_SERVICE_KEY.test(key)) return false;
    current.keys.push(key);
  }
  return (
    services.length > 0 &&
    services.every((s) => s.keys.length > 0) &&
    services.some((s) => s.keys.includes('image') || s.keys.includes('build'))
  );
}

/** CI configuration: GitLab's (whose top-level `services:` is a list of images), GitHub's, and others'. */
const CI_CONFIG =
  /(^|\/)(\.github\/|\.circleci\/|\.gitlab-ci\.ya?ml$|\.gitlab\/|bitbucket-pipelines\.ya?ml$|\.travis\.ya?ml$|\.drone\.ya?ml$|azure-pipelines\.ya?ml$|\.woodpecker)/;

/** A CI configuration file (`.travis.yml`, `.github/workflows/image.yml`): its `docker build` lines name images built here. */
export function isCiConfig(path: string): boolean {
  return /\.ya?ml$/.test(path) && CI_CONFIG.test(path);
}

/** A README (`README.md`, `ReadMe.txt`, `readme.rst`): the commands it gives may name the images built here. */
export function isReadme(path: string): boolean {
  return /^readme(\.(md|markdown|txt|rst))?$/i.test(baseName(path));
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

/** A Django models module: `models.py`, or a module of a `models/` package. */
export const isModelsFile = (file: string) => /(^|\/)models(\.py|\/[^/]+\.py)$/.test(file);

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
  // `settings.old.py` is no module: `import_module('app.settings.old')` looks for settings/old.py.
  if (!name.endsWith('.py') || !isModuleFileName(name)) return false;
  // `settings_prod.py`, `base_settings.py`, `settings/production.py`
  return /^(settings.*|[\w-]+_settings)\.py$/.test(name) || /(^|\/)settings\/[^/]+\.py$/.test(path);
}

export function isScript(path: string): boolean {
  const name = baseName(path);
  return name.endsWith('.sh') || /entrypoint/i.test(name);
}

/** A file make reads by default: `GNUmakefile`, `makefile` or `Makefile`. */
export function isMakefile(path: string): boolean {
  return /^(GNUmakefile|makefile|Makefile)$/.test(baseName(path));
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

/** A file import_module can load as one module: `settings.py`, `settings-prod.py`; not `settings.old.py`. */
export function isModuleFileName(name: string): boolean {
  return /^[A-Za-z_][\w-]*\.py$/.test(name);
}

/** Dotted module → candidate files relative to a base directory, in Python's order: a package before a module. */
export function moduleFiles(base: string, module: string): string[] {
  if (!isModuleName(module)) return [];
  const path = joinPath(base, module.replaceAll('.', '/'));
  return [`${path}/__init__.py`, `${path}.py`];
}
