/**
 * The catalog's secret-looking names, one definition for every secret rule and for redaction: *PASSWORD*, *PASSWD*,
 * *_PASS, *_PWD, *SECRET*, *TOKEN*, *_KEY, *API_KEY*, *PRIVATE*.
 */
const SECRET_NAME = /PASSWORD|PASSWD|_PASS$|_PWD$|SECRET|TOKEN|_KEY$|API_KEY|PRIVATE/;
// Names that point at a secret rather than hold one (DB_PASSWORD_FILE, SECRET_KEY_PATH), and public keys.
const NAMES_A_SECRET = /_(FILE|PATH|DIR|URL|ID)$/;
const NOT_SECRET = /PUBLIC|^GPG_KEY$/;

/** True for a name whose value is a secret, by the catalog's list; not for paths or ids of one. */
export function isSecretName(name: string): boolean {
  const n = name.toUpperCase();
  if (NAMES_A_SECRET.test(n) || NOT_SECRET.test(n)) return false;
  return SECRET_NAME.test(n);
}
