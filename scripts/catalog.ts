// Reads docs/catalog.md, the repository's rule specification: one table row per rule, under its factor's heading.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Factor } from '../src/core/index.js';

export interface CatalogRow {
  id: string;
  name: string;
  severity: string;
  kind: string;
  factor: Factor;
  /** 1-based line of the row in the catalog. */
  line: number;
}

export const CATALOG_PATH = 'docs/catalog.md';

const ROW = /^\| (TF\d{4}) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \|/;

/** The factor a `## …` heading of the catalog opens, or undefined for a heading that is no factor. */
export function factorOfHeading(heading: string): Factor | undefined {
  if (/^## Factor 0\b/.test(heading)) return '0';
  if (/^## Production checks\b/.test(heading)) return 'XIII';
  const roman = /^## ([IVX]+)\. /.exec(heading);
  return roman ? (roman[1] as Factor) : undefined;
}

export function parseCatalog(text: string): CatalogRow[] {
  const rows: CatalogRow[] = [];
  let factor: Factor | undefined;
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('## ')) factor = factorOfHeading(line);
    const m = ROW.exec(line);
    if (!m) return;
    if (!factor) throw new Error(`${CATALOG_PATH}:${i + 1}: rule ${m[1]} is under no factor heading`);
    rows.push({ id: m[1], name: m[2], severity: m[3], kind: m[4], factor, line: i + 1 });
  });
  return rows;
}

export function readCatalog(root: string): CatalogRow[] {
  return parseCatalog(readFileSync(join(root, CATALOG_PATH), 'utf8'));
}
