// Recall and false positives of the static analysis over the corpus fixtures (__tests__/fixtures/corpus): per
// fixture and overall. Usage: npm run corpus. Exits 1 when a fixture differs from its expected findings.
import { tsImport } from 'tsx/esm/api';

const corpus = await tsImport('../__tests__/support/corpus.ts', import.meta.url);
let expected = 0;
let found = 0;
let unexpected = 0;
let reported = 0;
let differing = 0;
for (const name of corpus.corpusFixtures()) {
  const s = await corpus.scoreFixture(name);
  expected += s.expected.length;
  found += s.found.length;
  unexpected += s.unexpected.length;
  reported += s.found.length + s.unexpected.length;
  const ok = s.missing.length === 0 && s.unexpected.length === 0 && s.wrongMessages.length === 0;
  if (!ok) differing++;
  console.log(
    `${ok ? 'ok  ' : 'DIFF'} ${name}: ${s.found.length}/${s.expected.length} found, ${s.unexpected.length} not expected`,
  );
  for (const m of s.missing) console.log(`       missing    ${m}`);
  for (const u of s.unexpected) console.log(`       unexpected ${u}`);
  for (const w of s.wrongMessages) console.log(`       message    ${w}`);
}
const pct = (a, b) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));
console.log(
  `\nrecall ${pct(found, expected)} % (${found}/${expected}); false positives ${unexpected} of ${reported} findings (precision ${pct(reported - unexpected, reported)} %); ${differing} fixture(s) differ`,
);
process.exit(differing > 0 ? 1 : 0);
