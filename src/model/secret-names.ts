/**
 * The catalog's secret-looking names, one definition for every secret rule and for redaction: *PASSWORD*, *PASSWD*,
 * *_PASS, *_PWD, *SECRET*, *TOKEN*, *_KEY, *API_KEY*, *PRIVATE*.
 */
const SECRET_NAME = /PASSWORD|PASSWD|_PASS$|_PWD$|SECRET|TOKEN|_KEY$|API_KEY|PRIVATE/;
// Names that point at a secret rather than hold one (DB_PASSWORD_FILE, SECRET_KEY_PATH), and public keys.
const NAMES_A_SECRET = /_(FILE|PATH|DIR|URL|ID)$/;
const NOT_SECRET = /PUBLIC|^GPG_KEY$/;
// Names that tune a secret rather than hold one (MYSQL_ALLOW_EMPTY_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD, a lifetime).
const TUNES_A_SECRET = /ALLOW_EMPTY|RANDOM_ROOT|LIFETIME|EXPIR|TTL|TIMEOUT|LENGTH|_(URI|ENDPOINT|METHOD)$/;
// A yes/no switch (MYSQL_ONETIME_PASSWORD=yes): what a password variable of an image's entrypoint is set to when it
// turns a behaviour on or off; no credential is that word.
const SWITCH_VALUE = /^(yes|no|true|false|on|off)$/i;

/** True for a name whose value is a secret, by the catalog's list; not for paths or ids of one. */
export function isSecretName(name: string): boolean {
  const n = name.toUpperCase();
  if (NAMES_A_SECRET.test(n) || NOT_SECRET.test(n)) return false;
  return SECRET_NAME.test(n);
}

/** True for a secret-looking name that tunes a secret (`MYSQL_RANDOM_ROOT_PASSWORD`, `ACCESS_TOKEN_LIFETIME`). */
export function tunesSecret(name: string): boolean {
  return TUNES_A_SECRET.test(name.toUpperCase());
}

/**
 * True when `name=value`, written as a literal, is a credential: a secret-looking name that does not tune a secret,
 * with a value that is not a yes/no switch (`MYSQL_ONETIME_PASSWORD=yes`).
 */
export function isLiteralCredential(name: string, value: string): boolean {
  return isSecretName(name) && !tunesSecret(name) && !SWITCH_VALUE.test(value.trim());
}
