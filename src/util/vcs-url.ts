/** Requirements installed from version control (`git+https://…`): pure text helpers. */

/** The version-control URL a requirement installs from (`git+https://…`, `pkg @ hg+ssh://…`), as written. */
export function vcsUrlOf(spec: string): string | undefined {
  return /(?:^|@\s*)((?:git|hg|svn|bzr)\+[a-z]+:\/\/\S+)/i.exec(spec)?.[1];
}

/**
 * The revision a VCS URL names, as pip reads it: what follows the last `@` of the path (`…/pkg@feature/x` → `feature/x`;
 * `ssh://git@host`'s user is not one).
 */
export function revisionOf(url: string): string | undefined {
  const path = url.replace(/#.*$/, '').replace(/^[^:]+:\/\/[^/]*/, '');
  const at = path.lastIndexOf('@');
  return at < 0 ? undefined : path.slice(at + 1) || undefined;
}

/** A commit hash (what cannot move), as pip's git backend accepts one. */
export function isCommitHash(revision: string): boolean {
  return /^[0-9a-f]{7,40}$/i.test(revision);
}

/**
 * A revision that names a release: a commit, or a version tag (`v1.2`, `1.2.3`, `pkg-1.2.0rc1`); a branch
 * (`main`, `feature/x`, `release/1.2`) moves with every push.
 */
export function namesFixedRevision(url: string): boolean {
  const revision = revisionOf(url);
  if (revision === undefined) return false;
  return (
    isCommitHash(revision) ||
    /^(?:[A-Za-z][\w.-]*?[-_])?v?\d+(?:\.\d+)*(?:[-.+]?(?:a|b|c|rc|alpha|beta|pre|post|dev|final)\.?\d*)?$/i.test(
      revision,
    )
  );
}

/**
 * The VCS requirement with a placeholder where pip reads the revision: the ref it names replaced by `<commit>`
 * (`…/pkg@main#egg=pkg` → `…/pkg@<commit>#egg=pkg`), else `@<tag-or-commit>` added after the path.
 */
export function withRevisionPlaceholder(spec: string): string {
  const url = vcsUrlOf(spec);
  if (!url) return spec;
  const start = spec.indexOf(url);
  const fragment = url.indexOf('#');
  const end = fragment < 0 ? url.length : fragment;
  const revision = revisionOf(url);
  const pinned =
    revision === undefined
      ? `${url.slice(0, end)}@<tag-or-commit>${url.slice(end)}`
      : `${url.slice(0, end - revision.length)}<commit>${url.slice(end)}`;
  return `${spec.slice(0, start)}${pinned}${spec.slice(start + url.length)}`;
}

/** The URL's user info shown as `***` unless it is ssh's `git` user or a variable (`${GITHUB_TOKEN}`): never a token. */
export function hideCredentials(spec: string): string {
  return spec.replace(/(:\/\/)([^/@\s]+)@/, (all, scheme: string, user: string) =>
    user === 'git' || /^\$\{?\w+\}?$/.test(user) ? all : `${scheme}***@`,
  );
}
