/**
 * Whether a PEP 440 specifier set (`==3.1.4`, `==3.1.4,<3.2.0`, `>=2.8,<2.9`) admits one version only: pip takes the
 * intersection of its clauses, so one exact `==`/`===` clause (without a `*` wildcard) pins it whatever the others say.
 */
export function pinsExactVersion(specifierSet: string): boolean {
  return specifierSet
    .split(',')
    .map((clause) => clause.trim())
    .some((clause) => /^===?\s*[^\s*=<>!~]\S*$/.test(clause) && !clause.includes('*'));
}
