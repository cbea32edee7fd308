import { isSecretName as isSecretLooking } from '../model/secret-names.js';

/** What a masked value is replaced with. */
export const MASK = '***';

/** A secret shorter than this would mask ordinary text, so it is not one. */
const MIN_SECRET = 8;
/** An ordinary word (letters only) would garble every report that uses it: it is not masked either. */
const ORDINARY_WORD = /^[A-Za-z]+$/;
/** An encoded form shorter than this (a base64 fragment of a short value) would mask ordinary text too. */
const MIN_ENCODED = 8;

/** The prefix actions/checkout puts before the token in its basic-auth header (`base64(x-access-token:TOKEN)`). */
const ACCESS_TOKEN_USER = 'x-access-token:';

const base64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
const padded = (bytes: Buffer) => bytes.toString('base64');
const base64url = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_');

/**
 * The forms a secret takes in text the action may publish: itself, URL-encoded, hex, and base64 (standard and URL
 * alphabets) of the secret and of `x-access-token:SECRET`. Inside a longer base64 text the secret's encoding depends
 * on its offset modulo 3, so the base64 of its bytes from each of the 3 offsets, cut to whole groups, is masked too.
 */
export function encodingsOf(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const bytes = Buffer.from(secret, 'utf8');
  const header = Buffer.from(ACCESS_TOKEN_USER + secret, 'utf8');
  // Padded forms first in length order, so `=` padding is masked with the rest.
  for (const f of [
    encodeURIComponent(secret),
    bytes.toString('hex'),
    padded(bytes),
    base64(bytes),
    padded(header),
    base64(header),
  ])
    forms.add(f);
  for (let shift = 0; shift < 3; shift++) {
    const aligned = bytes.subarray(shift, shift + Math.floor((bytes.length - shift) / 3) * 3);
    forms.add(base64(aligned));
  }
  for (const f of [...forms]) if (/[+/]/.test(f)) forms.add(base64url(f));
  return [...forms].filter((f) => f === secret || f.length >= MIN_ENCODED);
}

/**
 * Masks every secret the action knows (the token, the runner's credentials, what the smoke run made or passed on) in
 * anything that leaves the run, in each of its encodings.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private readonly forms = new Set<string>();
  /** The forms longest first, so a form that contains another is masked whole; rebuilt when a secret is added. */
  private ordered: string[] = [];

  constructor(private readonly onSecret?: (secret: string) => void) {}

  /** Registers a value to mask, with its encodings; values shorter than 8 characters and plain words are not secrets. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SECRET || ORDINARY_WORD.test(secret) || this.secrets.has(secret))
      return;
    this.secrets.add(secret);
    // The runner's log masker derives the encodings of a registered value itself: only the value is registered.
    this.onSecret?.(secret);
    for (const form of encodingsOf(secret)) this.forms.add(form);
    this.ordered = [...this.forms].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string;
  redact(text: string | undefined): string | undefined;
  redact(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    let out = text;
    for (const s of this.ordered) if (out.includes(s)) out = out.split(s).join(MASK);
    return out;
  }

  /** A copy of a plain value (a Report, an artifact) with every string in it redacted; keys are left as they are. */
  redactValue<T>(value: T): T {
    if (this.forms.size === 0) return value;
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.redact(v);
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') {
        return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x)]));
      }
      return v;
    };
    return walk(value) as T;
  }
}

// Masking more than the catalog's list costs nothing, so a bare KEY, credentials and paths to secrets are masked too.
const ALSO_MASKED = /^KEY$|CREDENTIAL|PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE/i;

/** Names whose value is masked: the catalog's secret-looking names, and a few more. */
export function isSecretName(name: string): boolean {
  return isSecretLooking(name) || ALSO_MASKED.test(name);
}

/** The last `lines` lines of a log, without trailing blank lines. */
export function tail(text: string, lines = 30): string {
  const all = text.replace(/\s+$/, '').split('\n');
  return all.slice(Math.max(0, all.length - lines)).join('\n');
}
