/** Requirements installed from version control (`git+https://…`): pure text helpers. */

/** The version-control URL a requirement installs from (`git+https://…`, `pkg @ hg+ssh://…`), as written. */
export function vcsUrlOf(spec: string): string | undefined {
  return /(?:^|@\s*)((?:git|hg|svn|bzr)\+[a-z]+:\/\/\S+)/i.exec(spec)?.[1];
}

/** Whether a VCS URL names a revision: `@<tag|commit>` after the repository's path (not `ssh://git@host`'s user). */
export function namesRevision(url: string): boolean {
  const path = url.replace(/#.*$/, '').replace(/^[^:]+:\/\/[^/]*/, '');
  return /@[^/@]+$/.test(path);
}

/** The VCS requirement with a revision placeholder where pip reads one: `…/pkg.git@<tag-or-commit>#egg=pkg`. */
export function withRevisionPlaceholder(spec: string): string {
  const fragment = spec.indexOf('#');
  const at = fragment < 0 ? spec.length : fragment;
  return `${spec.slice(0, at)}@<tag-or-commit>${spec.slice(at)}`;
}

/** The URL's user info shown as `***` unless it is ssh's `git` user or a variable (`${GITHUB_TOKEN}`): never a token. */
export function hideCredentials(spec: string): string {
  return spec.replace(/(:\/\/)([^/@\s]+)@/, (all, scheme: string, user: string) =>
    user === 'git' || /^\$\{?\w+\}?$/.test(user) ? all : `${scheme}***@`,
  );
}
