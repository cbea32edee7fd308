/** The corpus: fixture projects reproducing layouts and mistakes seen in real repositories, each with its expected findings. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { analyzeStatic } from '../../src/pipeline.js';

export const CORPUS_DIR = join(import.meta.dirname, '..', 'fixtures', 'corpus');

/** One expected finding: rule, file and line (none for a whole-file anchor); `message` a text it must contain. */
export interface ExpectedFinding {
  rule: string;
  file: string;
  line?: number;
  message?: string;
}

export interface FixtureScore {
  name: string;
  expected: string[];
  found: string[];
  missing: string[];
  unexpected: string[];
  /** Expected findings found whose message lacks the expected text. */
  wrongMessages: string[];
}

/** `TF0801 start.sh:4`: how a finding is matched and printed. */
export function keyOf(f: { rule: string; file: string; line?: number }): string {
  return `${f.rule} ${f.file}${f.line === undefined ? '' : `:${f.line}`}`;
}

export function corpusFixtures(): string[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS_DIR, d.name, 'expected.json')))
    .map((d) => d.name)
    .sort();
}

export function expectedOf(name: string): ExpectedFinding[] {
  const data = JSON.parse(readFileSync(join(CORPUS_DIR, name, 'expected.json'), 'utf8')) as {
    findings: ExpectedFinding[];
  };
  return data.findings;
}

/** Runs the static analysis on one fixture and compares its findings (suppressed ones left out) with the expected. */
export async function scoreFixture(name: string): Promise<FixtureScore> {
  const expected = expectedOf(name);
  const { findings } = await analyzeStatic(join(CORPUS_DIR, name), DEFAULT_CONFIG);
  const actual = findings.filter((f) => !f.suppressed);
  const foundKeys = actual.map((f) => keyOf({ rule: f.ruleId, file: f.file, line: f.line }));
  const expectedKeys = expected.map(keyOf);
  const remaining = [...foundKeys];
  const found: string[] = [];
  const missing: string[] = [];
  const wrongMessages: string[] = [];
  for (const e of expected) {
    const key = keyOf(e);
    const at = remaining.indexOf(key);
    if (at < 0) {
      missing.push(key);
      continue;
    }
    remaining.splice(at, 1);
    found.push(key);
    if (e.message) {
      const messages = actual
        .filter((f) => keyOf({ rule: f.ruleId, file: f.file, line: f.line }) === key)
        .map((f) => f.message);
      if (!messages.some((m) => m.includes(e.message!))) wrongMessages.push(`${key}: lacks "${e.message}"`);
    }
  }
  const unexpected = remaining.map((k) => {
    const f = actual.find((x) => keyOf({ rule: x.ruleId, file: x.file, line: x.line }) === k)!;
    return `${k} ${f.message}`;
  });
  return { name, expected: expectedKeys, found, missing, unexpected, wrongMessages };
}
