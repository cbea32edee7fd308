import { createHash } from 'node:crypto';
import type { Finding } from '../model/types/finding.js';

/** Measured quantities (durations, sizes, percentages) that differ between two runs of the same finding. */
const MEASURE = /\d+(?:\.\d+)?\s?(?:ms|s|sec|seconds?|min|minutes?|[KMG]i?B|%)(?![\w])/g;

/** A finding's message with its measurements blanked out. */
export function stableMessage(message: string): string {
  return message.replace(MEASURE, '#');
}

/**
 * The key an inline comment is remembered by across runs: the pipeline's fingerprint, unless the message carries
 * a measurement ("took 23.4 s"), which would make every re-run look like a new finding.
 */
export function stableKey(f: Finding): string {
  const message = stableMessage(f.message);
  if (message === f.message && f.fingerprint) return f.fingerprint;
  return createHash('sha256').update(`${f.ruleId}\0${f.file}\0${message}`).digest('hex').slice(0, 16);
}
