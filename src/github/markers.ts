import { defuseMarkers } from '../report/escape.js';

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

/** Whether a body is one this action wrote for `marker`: the marker opens it; quoted or fenced further in, it does not count. */
export function startsWithMarker(body: string, marker: string): boolean {
  return body.startsWith(marker);
}

/** The fingerprint of an inline comment body we wrote: the line right after the directory marker, nowhere else. */
export function fingerprintOf(body: string, marker: string): string | undefined {
  if (!startsWithMarker(body, marker)) return undefined;
  return /^\n<!-- tfr:fp=([\w-]+) -->(?:\n|$)/.exec(body.slice(marker.length))?.[1];
}

/** A body that opens with `marker` and holds no other live HTML comment. */
export function ownedBody(marker: string, body: string): string {
  const content = startsWithMarker(body, marker) ? body.slice(marker.length) : `\n${body}`;
  return `${marker}${defuseMarkers(content)}`;
}
