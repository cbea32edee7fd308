/**
 * Hidden markers that let a re-run find what an earlier run posted. The comment marker is keyed by the scanned
 * directory, so a monorepo can run the action once per app, each with its own comment and inline comments.
 */
export function directoryKey(directory: string): string {
  const parts = directory
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p && p !== '.');
  // Only characters that cannot end an HTML comment or break the marker's parsing.
  return (parts.join('/') || '.').replace(/[^\w./@+-]/g, '_').replace(/-{2,}/g, '-');
}

export function commentMarker(directory: string): string {
  return `<!-- twelve-factor-review:${directoryKey(directory)} -->`;
}

export function fingerprintMarker(fingerprint: string): string {
  return `<!-- tfr:fp=${fingerprint.replace(/[^\w-]/g, '')} -->`;
}

/** The fingerprint of an inline comment body we wrote, if any. */
export function fingerprintOf(body: string): string | undefined {
  return /<!-- tfr:fp=([\w-]+) -->/.exec(body)?.[1];
}
