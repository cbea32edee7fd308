import { isSecretName as isSecretLooking } from '../model/secret-names.js';

/** Masks every secret the smoke run made or passed on, in anything that leaves the run (log tails, details, messages). */
export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(private readonly onSecret?: (secret: string) => void) {}

  /** Registers a value to mask; values shorter than 4 characters would mask ordinary text, so they are not secrets. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 4 || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    this.onSecret?.(secret);
  }

  redact(text: string): string;
  redact(text: string | undefined): string | undefined;
  redact(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
    return out;
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
