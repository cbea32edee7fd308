/** Whether two environment variable names mean the same thing: synonyms (DB_PASS ~ DB_PASSWORD) or a typo. */
const SYNONYMS: Record<string, string> = {
  PASS: 'PASSWORD',
  PASSWD: 'PASSWORD',
  PWD: 'PASSWORD',
  PW: 'PASSWORD',
  USERNAME: 'USER',
  USR: 'USER',
  DATABASE: 'DB',
  POSTGRES: 'DB',
  POSTGRESQL: 'DB',
  PG: 'DB',
  PGSQL: 'DB',
  PSQL: 'DB',
  MYSQL: 'DB',
  MARIADB: 'DB',
  HOSTNAME: 'HOST',
  SERVER: 'HOST',
  ADDR: 'HOST',
  ADDRESS: 'HOST',
};

/** Words whose difference is meaningful: DB_HOST and DB_PORT are two settings, not a typo. */
const VOCABULARY = new Set([
  'DB',
  'USER',
  'PASSWORD',
  'HOST',
  'PORT',
  'NAME',
  'KEY',
  'SECRET',
  'TOKEN',
  'URL',
  'DEBUG',
  'ENGINE',
  'PATH',
  'DIR',
  'ROOT',
  'FILE',
  'LEVEL',
  'EMAIL',
  'CACHE',
  'REDIS',
  'BROKER',
  'TIMEOUT',
  'ID',
  'SSL',
  'MODE',
  'ENV',
  'ALLOWED',
  'HOSTS',
  'ORIGINS',
  'TEST',
]);

function tokens(name: string): string[] {
  const words = name
    .toUpperCase()
    .split('_')
    .filter((w) => w !== '')
    .map((w) => SYNONYMS[w] ?? w);
  // DJANGO_SECRET_KEY and SECRET_KEY name the same thing.
  return words.length > 1 && (words[0] === 'DJANGO' || words[0] === 'APP') ? words.slice(1) : words;
}

/** Same words after synonyms (DB_PASS ~ DB_PASSWORD, POSTGRES_USER ~ DB_USER), or a typo of up to two letters. */
export function similarNames(a: string, b: string): boolean {
  if (a === b) return false;
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.join('_') === tb.join('_')) return true;
  const na = a.toUpperCase().replaceAll('_', '');
  const nb = b.toUpperCase().replaceAll('_', '');
  if (Math.min(na.length, nb.length) < 6 || editDistance(na, nb) > 2) return false;
  if (ta.length === tb.length)
    for (let i = 0; i < ta.length; i++)
      if (ta[i] !== tb[i] && VOCABULARY.has(ta[i]) && VOCABULARY.has(tb[i])) return false;
  return true;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
