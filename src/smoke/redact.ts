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

const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|_KEY$|^KEY$|API_KEY|PRIVATE|CREDENTIAL/i;

/** Names whose value is treated as a secret (the catalog's secret-looking names). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The last `lines` lines of a log, without trailing blank lines. */
export function tail(text: string, lines = 30): string {
  const all = text.replace(/\s+$/, '').split('\n');
  return all.slice(Math.max(0, all.length - lines)).join('\n');
}
