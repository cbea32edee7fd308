import type { MessagePart } from './message.js';

/** The three GitHub annotation levels, in decreasing order of gravity. */
export type Severity = 'error' | 'warning' | 'notice';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

/** Factor keys of the catalog: '0' is the analysis itself, 'XIII' the production checks beyond the twelve. */
export type Factor =
  '0' | 'I' | 'II' | 'III' | 'IV' | 'V' | 'VI' | 'VII' | 'VIII' | 'IX' | 'X' | 'XI' | 'XII' | 'XIII';

export interface RuleMeta {
  id: string; // TF0301
  name: string; // secret-key-in-code
  factor: Factor;
  severity: Severity; // default severity
  kind: 'S' | 'D';
  /** One sentence: what the rule finds. */
  title: string;
  /** Markdown: why it matters and how to fix it, with a fix example. */
  help: string;
  /** IDs of other tools' checks that overlap (DL3007, DS-0001, CKV_DOCKER_7, security.W018, ...). */
  related: string[];
}

/** What a rule reports: where and what; the registry stamps the rule's metadata on it. */
export interface RawFinding {
  file: string; // relative to the scanned directory, '/' separators
  line?: number; // 1-based; absent when the anchor is a whole file
  endLine?: number;
  column?: number; // 1-based
  /** Plain text; code samples in backticks. */
  message: string;
  /** What identifies this finding across runs when the message alone does not (it holds a measurement, a count, ...). */
  key?: string;
  /** The same message as parts (see message.ts): set by rules that build it with `msg`, read by the renderers. */
  parts?: MessagePart[];
  /** Set only when the catalog gives the rule a second severity for a variant (e.g. TF0301 with an env fallback). */
  severity?: Severity;
  /** Extra detail for reports (log tails, failing step, ...). Never holds a secret. */
  details?: string;
}

export interface Finding extends RawFinding {
  ruleId: string;
  name: string;
  factor: Factor;
  severity: Severity;
  kind: 'S' | 'D';
  related: string[];
  /** Stable across runs and line moves: rule, file and identity key (see fingerprint.ts). */
  fingerprint: string;
  suppressed?: { by: 'inline' | 'file' | 'config'; reason?: string };
}
