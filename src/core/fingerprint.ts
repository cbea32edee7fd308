import type { Finding, RawFinding, RuleMeta } from './finding.js';
import { createRequire } from 'node:module';
import { sha256Hex, sha256IsNative } from './sha256.js';

/** Measured quantities (durations, sizes, percentages) that differ between two runs of the same finding. */
const MEASURE = /\d+(?:\.\d+)?\s?(?:ms|s|sec|seconds?|min|minutes?|[KMG]i?B|%)(?![\w])/g;

/** A message with its measurements blanked out. */
export function stableMessage(message: string): string {
  return message.replace(MEASURE, '#');
}

/**
 * What identifies a finding across runs: the rule's own key when it gives one, else its message without
 * measurements ("took 23.4 s" must not make a re-run look like a new finding).
 */
export function identityKey(raw: RawFinding): string {
  return raw.key ?? stableMessage(raw.message);
}

/** Stable across reruns and line moves: rule, file and identity key, never the line or a measurement. */
export function fingerprintOf(ruleId: string, raw: RawFinding): string {
  return digest(`${ruleId}\0${raw.file}\0${identityKey(raw)}`).slice(0, 16);
}

/**
 * SHA-256 through WebAssembly (sha256.ts). Where WebAssembly is not available: in plain JavaScript for a run's first
 * findings (loading node:crypto costs a short run more than hashing them), then Node's native hash once a run has many
 * (many projects). The same digest every way.
 */
const JS_HASHES = 256;
let hashed = 0;
let native: ((text: string) => string) | undefined;
/** The fix engine analyses the tree again for each fix it proves, and most findings come back: their digests too. */
const DIGESTS_KEPT = 1024;
const digests = new Map<string, string>();
function digest(text: string): string {
  let hex = digests.get(text);
  if (hex === undefined) {
    hex = hashOf(text);
    if (digests.size >= DIGESTS_KEPT) digests.delete(digests.keys().next().value as string);
    digests.set(text, hex);
  }
  return hex;
}
function hashOf(text: string): string {
  if (native) return native(text);
  if (++hashed <= JS_HASHES || sha256IsNative()) return sha256Hex(text);
  const crypto = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  native =
    typeof crypto.hash === 'function'
      ? (t) => crypto.hash('sha256', t, 'hex')
      : (t) => crypto.createHash('sha256').update(t).digest('hex');
  return native(text);
}

/**
 * Makes a finding from a rule's raw finding: its metadata, and its fingerprint, computed once, when first read (a text
 * report shows none, and a short run spends more on hashing than on any one rule). It is an own enumerable property,
 * so a copy (`{ ...finding }`) or JSON holds its value.
 */
export function stamp(rule: RuleMeta, raw: RawFinding): Finding {
  const { key: _key, ...rest } = raw;
  const finding = {
    ...rest,
    ruleId: rule.id,
    name: rule.name,
    factor: rule.factor,
    kind: rule.kind,
    severity: raw.severity ?? rule.severity,
    related: rule.related,
  } as Finding;
  let fingerprint: string | undefined;
  return Object.defineProperty(finding, 'fingerprint', {
    get: () => (fingerprint ??= fingerprintOf(rule.id, raw)),
    set: (value: string) => void (fingerprint = value),
    enumerable: true,
    configurable: true,
  });
}
