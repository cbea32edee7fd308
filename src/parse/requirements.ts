import { namesFixedRevision, vcsUrlOf } from '../util/vcs-url.js';
import type { RequirementLine, RequirementsFile } from './types.js';
import { LINES } from '../util/lines.js';
import { pinsExactVersion } from '../util/version-spec.js';

/**
 * A pip requirements file → one entry per logical line (backslash continuations joined, anchored at their first
 * line), with the package name and whether it is pinned exactly (`==`/`===`, or carries `--hash`).
 */
export function parseRequirements(file: string, text: string): RequirementsFile {
  const lines: RequirementLine[] = [];
  const physical = text.replace(/^\uFEFF/, '').split(LINES);
  for (let i = 0; i < physical.length; i++) {
    const first = i + 1;
    let logical = physical[i];
    while (/\\$/.test(logical) && i + 1 < physical.length) {
      logical = `${logical.slice(0, -1)} ${physical[++i]}`;
    }
    const text = stripComment(logical.replace(/\\$/, '')).trim();
    if (text === '') continue;
    lines.push({ line: first, text, ...classify(text) });
  }
  return { file, lines };
}

/** pip drops `#` comments that start the line or follow whitespace (a `#` inside a URL fragment stays). */
function stripComment(line: string): string {
  return line.replace(/(^|\s)#.*$/, '');
}

/** The file a `-r`/`--requirement` line includes, as written. */
export function includedFile(line: RequirementLine): string | undefined {
  if (line.kind !== 'include') return undefined;
  const m = /^(?:-r|--requirements?)(?:\s*=\s*|\s*)(\S+)/.exec(line.text);
  return m?.[1];
}

/** What one requirement line says: an include, an option, a package (pinned or not), a URL, a path. */
export function classify(text: string): Omit<RequirementLine, 'line' | 'text'> {
  if (/^(-r|--requirements?)(\s|=|(?=[^\s-]))/.test(text)) return { pinned: true, kind: 'include' };
  if (/^(-e|--editable)(\s|=)/.test(text)) {
    // `-e git+https://…` installs the branch as it is at build time unless it names a commit or a version tag.
    const value = text
      .replace(/^(-e|--editable)\s*=?\s*/, '')
      .split(/\s+--/)[0]
      .trim();
    const vcs = vcsUrlOf(value);
    return vcs
      ? { pinned: namesFixedRevision(vcs), kind: 'editable', vcs: value }
      : { pinned: false, kind: 'editable' };
  }
  if (text.startsWith('-')) return { pinned: true, kind: 'option' };
  const hashed = /(^|\s)--hash[=\s]/.test(text);
  const spec = text.split(/\s+--/)[0].trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec) || /^\S+\s*@\s*\S+:\/\//.test(spec)) {
    const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*@/.exec(spec)?.[1];
    // A direct reference is pinned when it names an artefact (hash or commit), or a VCS one a commit or version tag.
    const vcs = vcsUrlOf(spec);
    // The package index never serves other bytes under a file name once uploaded: a URL of its files is pinned.
    const pinned =
      hashed ||
      /#.*sha256=|@[0-9a-f]{40}\b/.test(spec) ||
      (vcs !== undefined && namesFixedRevision(vcs)) ||
      (vcs === undefined && /(^|@\s*)https:\/\/files\.pythonhosted\.org\//.test(spec));
    return { kind: 'url', pinned, ...(name ? { name } : {}), ...(vcs ? { vcs: spec } : {}) };
  }
  if (/^(\.{0,2}\/|~\/)/.test(spec) || /\.(whl|tar\.gz|zip)$/.test(spec)) {
    return { kind: 'path', pinned: hashed || /\.whl$/.test(spec) };
  }
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*)/.exec(spec);
  if (!m) return { kind: 'option', pinned: true };
  const versionSpec = m[3].trim();
  const exact = pinsExactVersion(versionSpec);
  const extras = m[2]?.replace(/\s+/g, '');
  return { kind: 'package', name: m[1], ...(extras ? { extras } : {}), pinned: hashed || exact };
}
