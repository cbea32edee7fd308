/** Kinds of files several rules recognise. */

/** `.env`, `.env.production`, `prod.env`; templates meant to be committed (`.env.example`) carry no secrets. */
export function isEnvFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!(name === '.env' || name.startsWith('.env.') || (name.endsWith('.env') && name.length > 4)))
    return false;
  return !/(example|sample|template|dist|default|defaults)/i.test(name);
}

export function isSqliteFile(path: string): boolean {
  return /\.sqlite3$/.test(path);
}
