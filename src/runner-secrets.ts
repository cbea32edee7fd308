import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A git config or `.git` file is small; anything larger is not read whole. */
const MAX_CONFIG_BYTES = 256 * 1024;
/** include.path may include further files; a loop or a deep chain stops here. */
const MAX_INCLUDE_DEPTH = 3;
/** Submodules' configs (`.git/modules/NAME/config`, nested) are looked for this deep. */
const MAX_MODULE_DEPTH = 3;

/** Environment variables that hold the runner's credentials, whatever their value looks like. */
const TOKEN_VARIABLES = new Set(['GITHUB_TOKEN', 'GH_TOKEN', 'INPUT_GITHUB-TOKEN', 'INPUT_GITHUB_TOKEN']);
/** ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN, and whatever token the runner adds under ACTIONS_. */
const ACTIONS_SECRET = /^ACTIONS_\w*(TOKEN|SECRET|KEY|PASSWORD)$/i;
/** A GitHub token, by its documented prefixes, in any variable. */
const GITHUB_TOKEN_VALUE = /^(gh[pousr]_[A-Za-z0-9_]{20,}|github_pat_[A-Za-z0-9_]{20,})$/;

/** The tokens of the runner's environment: GITHUB_TOKEN, the github-token input, ACTIONS_* tokens, any GitHub token. */
export function environmentSecrets(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (
      TOKEN_VARIABLES.has(name.toUpperCase()) ||
      ACTIONS_SECRET.test(name) ||
      GITHUB_TOKEN_VALUE.test(value)
    )
      out.push(value);
  }
  return out;
}

const decodeUriPart = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * Credentials in the text of a git config: each `extraheader` value (the header's credential, and for basic auth
 * the decoded `user:password` and its password), and the userinfo of every URL (`https://user:pass@host`: the
 * password, or the user when it stands alone, as a token used as user name does).
 */
export function gitConfigCredentials(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*extraheader\s*=\s*(.*)$/gim)) {
    const header = m[1].trim().replace(/^"(.*)"$/, '$1');
    out.push(header.replace(/^[\w-]+:\s*/, ''));
    const credential = /\b(?:basic|bearer|token)\s+(\S+)/i.exec(header)?.[1];
    if (!credential) continue;
    out.push(credential);
    if (/^basic\b/i.test(header.replace(/^[\w-]+:\s*/, ''))) {
      const decoded = Buffer.from(credential, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0) out.push(decoded, decoded.slice(colon + 1));
    }
  }
  for (const m of text.matchAll(/[a-z][a-z0-9+.-]*:\/\/([^/\s@"']+)@/gi)) {
    const userinfo = m[1];
    const colon = userinfo.indexOf(':');
    if (colon < 0) out.push(userinfo, decodeUriPart(userinfo));
    else out.push(userinfo.slice(colon + 1), decodeUriPart(userinfo.slice(colon + 1)));
  }
  return out.filter((s) => s.length > 0);
}

/** Reads a small regular file, or nothing (missing, unreadable, not a file); a larger one is read up to the cap. */
function readSmallFile(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES);
    const n = readSync(fd, buffer, 0, MAX_CONFIG_BYTES, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The git directory of a checkout: `.git` itself, or where a `.git` file (worktree, submodule) points. */
function gitDirOf(dir: string): string | undefined {
  const dotGit = join(dir, '.git');
  try {
    // Most directories have no .git: no error is made for them (the CLI asks this of every parent of every project).
    const stat = statSync(dotGit, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (stat.isDirectory()) return dotGit;
  } catch {
    return undefined;
  }
  const pointer = /^gitdir:\s*(.+)$/m.exec(readSmallFile(dotGit) ?? '')?.[1]?.trim();
  return pointer ? resolve(dir, pointer) : undefined;
}

/** A config file and the files it includes (include.path, includeIf.*.path), as far as MAX_INCLUDE_DEPTH. */
function configTexts(file: string, home: string | undefined, depth = 0, seen = new Set<string>()): string[] {
  if (depth > MAX_INCLUDE_DEPTH || seen.has(file)) return [];
  seen.add(file);
  const text = readSmallFile(file);
  if (text === undefined) return [];
  const out = [text];
  for (const m of text.matchAll(/^\s*path\s*=\s*(.+)$/gim)) {
    let target = m[1].trim().replace(/^"(.*)"$/, '$1');
    if (target.startsWith('~/') && home) target = join(home, target.slice(2));
    if (!isAbsolute(target)) target = resolve(dirname(file), target);
    out.push(...configTexts(target, home, depth + 1, seen));
  }
  return out;
}

/** config files of a git directory: its own, its worktree's common dir's, and those of its submodules. */
function configFilesOf(gitDir: string): string[] {
  const files = [join(gitDir, 'config')];
  const common = readSmallFile(join(gitDir, 'commondir'))?.trim();
  if (common) files.push(join(resolve(gitDir, common), 'config'));
  const modules = (dir: string, depth: number) => {
    if (depth > MAX_MODULE_DEPTH || !existsSync(dir)) return;
    try {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (!e.isDirectory()) continue;
        files.push(join(dir, e.name, 'config'));
        modules(join(dir, e.name, 'modules'), depth + 1);
        modules(join(dir, e.name), depth + 1);
      }
    } catch {
      // an unreadable modules directory holds nothing we can mask
    }
  };
  modules(join(gitDir, 'modules'), 0);
  return [...new Set(files)];
}

/**
 * Every credential the checkouts around the scanned directory hold: the git config of each directory from the
 * workspace down to `root` (actions/checkout persists its token there as an extraheader), with what it includes.
 */
export function checkoutCredentials(root: string, workspace: string, home?: string): string[] {
  const dirs = [resolve(workspace)];
  const rel = relative(resolve(workspace), resolve(root));
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    let dir = resolve(workspace);
    for (const part of rel.split(sep)) dirs.push((dir = join(dir, part)));
  }
  const out: string[] = [];
  for (const dir of dirs) {
    const gitDir = gitDirOf(dir);
    if (!gitDir) continue;
    for (const file of configFilesOf(gitDir))
      for (const text of configTexts(file, home)) out.push(...gitConfigCredentials(text));
  }
  return out;
}

/** Everything of the runner the action must never print, write or post: the token and the checkout's credentials. */
export function runnerSecrets(input: {
  env: NodeJS.ProcessEnv;
  token?: string;
  root: string;
  workspace: string;
}): string[] {
  return [
    ...(input.token ? [input.token] : []),
    ...environmentSecrets(input.env),
    ...checkoutCredentials(input.root, input.workspace, input.env.HOME),
  ];
}
