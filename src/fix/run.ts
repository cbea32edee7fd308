import type { Finding, Fix, FixSafety, RunFacts, TextEdit } from '../core/index.js';
import type { Overlay } from '../discover/index.js';
import type { Project } from '../model/types/project.js';
import type { Rule } from '../rules/lib/rule.js';
import { applyEdits, EditConflict, editsOverlap } from './edits.js';
import { informedFixersOf } from './informed/index.js';

/** What the fix engine needs from the outside: the static analysis of the scanned directory, and its files. */
export interface FixPorts {
  /** The static analysis (discover, model, rules) of the scanned directory with the overlay's files in place. */
  analyze(overlay: Overlay): Promise<{ project: Project; findings: Finding[] }>;
  /** The text of a file of the scanned directory; undefined when it does not exist or cannot be read. */
  read(file: string): string | undefined;
  debug(message: string): void;
}

export interface FixRunOptions {
  /** The rules whose fixers may run (all that have one, or those chosen by --rule/--only). */
  rules: readonly Rule[];
  /** Rounds of analysis → fixes (a fix can only apply after another one that touched the same lines). */
  maxRounds?: number;
  /** What the smoke run saw: the run-informed fixers (src/fix/informed) use it before a rule's own fixer. */
  facts?: RunFacts;
  /** The smoke run's findings: the static analysis cannot see them, so they are offered fixes in the first round. */
  dynamicFindings?: Finding[];
}

export interface FixRunResult {
  /** The new text of each file changed by the safe fixes, with its text before (undefined: a new file). */
  changes: Map<string, { before: string | undefined; after: string }>;
  /** Safe fixes proven and applied, in order. */
  applied: Fix[];
  /**
   * Safe fixes proven on the files as they are, each alone (the first round's applied ones, and those of its proposals
   * that touch the same lines as an applied one): their edits are positions in those files, for suggestions.
   */
  provenAlone: Fix[];
  /** `suggest` fixes proven on the original tree: shown, never applied. */
  suggestions: Fix[];
  /** Fixes that failed their proof, with why. */
  dropped: { fix: Fix; reason: string }[];
}

/**
 * Proposes, proves and applies fixes: each round analyses the (partly fixed) tree, asks the fixers of the findings,
 * and keeps a fix only when, with it applied (an overlay of the changed files, nothing written), its finding is gone and
 * no new finding appears.
 */
export async function runFixes(ports: FixPorts, options: FixRunOptions): Promise<FixRunResult> {
  const session = new FixSession(ports, options);
  for (let round = 0; round < (options.maxRounds ?? 6); round++) if (!(await session.round(round))) break;
  return session.finish();
}

type Analysis = { project: Project; findings: Finding[] };

/** One fix run: the files as the accepted fixes left them, the tree being tried, and what the run decided. */
class FixSession {
  private readonly byId: Map<string, Rule>;
  /** The files the accepted rounds changed, and their text before the run (undefined: a new file). */
  private readonly current = new Map<string, string>();
  private readonly original = new Map<string, string | undefined>();
  /** The tree being tried: the files the fixes change, over the scanned directory's. */
  private readonly tried = new Map<string, string>();
  /** A tree tried before (the next round starts from the last accepted one) is not analysed again. */
  private readonly analyses = new Map<string, Promise<Analysis>>();
  /** Findings of an earlier round whose run-informed fix waits for another rule's fix (see InformedFixer.after). */
  private readonly deferredFindings = new Map<string, Finding>();
  readonly result: FixRunResult = {
    changes: new Map(),
    applied: [],
    provenAlone: [],
    suggestions: [],
    dropped: [],
  };

  constructor(
    private readonly ports: FixPorts,
    private readonly options: FixRunOptions,
  ) {
    const fixable = (r: Rule) => !!r.fix || (!!options.facts && informedFixersOf(r.id).length > 0);
    this.byId = new Map(options.rules.filter(fixable).map((r) => [r.id, r]));
  }

  private readonly textOf = (file: string) =>
    this.current.has(file) ? this.current.get(file) : this.ports.read(file);

  /** A file put back to its text on disk leaves the overlay, so the tree keeps its key and its cached analysis. */
  private write(file: string, text: string | undefined): void {
    if (text === undefined || text === this.ports.read(file)) this.tried.delete(file);
    else this.tried.set(file, text);
  }

  private analyzeTried(): Promise<Analysis> {
    const key = JSON.stringify([...this.tried].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (!this.analyses.has(key)) this.analyses.set(key, this.ports.analyze(new Map(this.tried)));
    return this.analyses.get(key)!;
  }

  /** Whether a fix passes its proof applied alone to the files as they are; the tried tree is put back after. */
  private async provedAlone(fix: Fix, accepted: TextEdit[], before: Finding[]): Promise<boolean> {
    const files = new Set([...accepted, ...fix.edits].map((e) => e.file));
    let alone: Map<string, string>;
    try {
      alone = applyEdits(this.ports.read, fix.edits);
    } catch {
      return false;
    }
    for (const file of files) this.write(file, alone.has(file) ? alone.get(file) : this.ports.read(file));
    const after = await this.analyzeTried();
    const kept = applyEdits(this.ports.read, accepted);
    for (const file of files) this.write(file, kept.has(file) ? kept.get(file) : this.ports.read(file));
    return proofFailure(before, after.findings, fix) === undefined;
  }

  /** The fixes proposed for the tree as the last round left it, narrow ones first. */
  private candidates(baseline: Analysis): Fix[] {
    // The smoke run's findings, and those whose fix waited, are offered again: a fixer proposes nothing once done.
    const known = new Set(baseline.findings.map((f) => f.fingerprint));
    const carried = [...(this.options.dynamicFindings ?? []), ...this.deferredFindings.values()].filter(
      (f) => !known.has(f.fingerprint),
    );
    const { fixes: proposed, deferred } = proposals(
      { project: baseline.project, findings: [...baseline.findings, ...carried] },
      this.byId,
      this.textOf,
      this.ports.debug,
      this.options.facts,
      new Set(carried.map((f) => f.fingerprint)),
    );
    this.deferredFindings.clear();
    for (const f of deferred) this.deferredFindings.set(f.fingerprint, f);
    return narrowFirst(proposed);
  }

  /** One round: every candidate proven on the tree with the round's accepted fixes; false when none was accepted. */
  async round(round: number): Promise<boolean> {
    const { result } = this;
    let baseline = await this.analyzeTried();
    const start = baseline;
    const accepted: TextEdit[] = [];
    const snapshot = new Map<string, string | undefined>();
    let progressed = false;
    const waiting: Fix[] = [];
    for (const fix of this.candidates(baseline)) {
      if (fix.safety === 'suggest' && round > 0) continue;
      // A rewrite waits a round for the fixes inside its lines that wait, so they apply first and it keeps them.
      const overlaps = editsOverlap(accepted, fix.edits);
      if (overlaps || (fix.safety === 'safe' && waiting.some((w) => rewrites(fix, w)))) {
        if (fix.safety === 'safe') waiting.push(fix);
        // Its lines moved: the next round proposes it again. Alone on the files as they are, it is a suggestion.
        if (round === 0 && fix.safety === 'safe' && (await this.provedAlone(fix, accepted, start.findings)))
          result.provenAlone.push(fix);
        continue;
      }
      const edits = fix.safety === 'safe' ? [...accepted, ...fix.edits] : fix.edits;
      let next: Map<string, string>;
      try {
        next = applyEdits(this.textOf, edits);
      } catch (error) {
        if (!(error instanceof EditConflict)) throw error;
        drop(result, this.ports, fix, 'its edits overlap');
        continue;
      }
      for (const file of next.keys()) if (!snapshot.has(file)) snapshot.set(file, this.textOf(file));
      for (const [file, text] of next) this.write(file, text);
      const after = await this.analyzeTried();
      const why = proofFailure(baseline.findings, after.findings, fix);
      if (why || fix.safety === 'suggest') {
        // Back to the tree with only the accepted fixes.
        const kept = applyEdits(this.textOf, accepted);
        for (const file of next.keys()) this.write(file, kept.get(file) ?? snapshot.get(file));
        if (why) drop(result, this.ports, fix, why);
        else if (!result.suggestions.some((s) => s.fingerprint === fix.fingerprint))
          result.suggestions.push(fix);
        continue;
      }
      accepted.push(...fix.edits);
      result.applied.push(fix);
      if (round === 0) result.provenAlone.push(fix);
      baseline = after;
      progressed = true;
    }
    if (progressed)
      for (const [file, text] of applyEdits(this.textOf, accepted)) {
        if (!this.original.has(file)) this.original.set(file, this.ports.read(file));
        this.current.set(file, text);
      }
    return progressed;
  }

  /** The result, with each file the accepted fixes changed. */
  finish(): FixRunResult {
    for (const [file, after] of this.current) {
      const before = this.original.get(file);
      if (before !== after) this.result.changes.set(file, { before, after });
    }
    return this.result;
  }
}

function drop(result: FixRunResult, ports: FixPorts, fix: Fix, reason: string): void {
  result.dropped.push({ fix, reason });
  ports.debug(`Fix for ${fix.ruleId} (${fix.title}) dropped: ${reason}.`);
}

/**
 * The fixes the rules propose for the live findings, in the findings' order: a run-informed fixer first when the run
 * saw what it needs (a fallback one after the rule's own), else the rule's own; a fixer that throws proposes none, and
 * a fix already proposed is not repeated. A finding whose run-informed fix waits for another live rule's fix is
 * deferred; `carried` findings (deferred, or the smoke run's) are not in the tree analysed, so only run-informed
 * fixers, which read no position of theirs, see them.
 */
function proposals(
  analysis: { project: Project; findings: Finding[] },
  rules: Map<string, Rule>,
  text: (file: string) => string | undefined,
  debug: (message: string) => void,
  facts: RunFacts | undefined,
  carried: Set<string>,
): { fixes: Fix[]; deferred: Finding[] } {
  const out: Fix[] = [];
  const deferred: Finding[] = [];
  const seen = new Set<string>();
  const live = new Set(
    analysis.findings
      .filter((f) => !f.suppressed && rules.has(f.ruleId) && !carried.has(f.fingerprint))
      .map((f) => f.ruleId),
  );
  for (const finding of analysis.findings) {
    const rule = rules.get(finding.ruleId);
    if (!rule || finding.suppressed) continue;
    const context = { project: analysis.project, finding, text };
    const informed = (facts ? informedFixersOf(rule.id) : []).map((f) => ({
      safety: f.safety,
      waits: !!f.after?.some((id) => live.has(id)),
      fallback: !!f.fallback,
      make: () => f.make(context, facts!),
    }));
    const own =
      rule.fix && !carried.has(finding.fingerprint)
        ? [{ safety: rule.fix.safety, waits: false, fallback: false, make: () => rule.fix!.make(context) }]
        : [];
    const fixers = [...informed.filter((f) => !f.fallback), ...own, ...informed.filter((f) => f.fallback)];
    for (const fixer of fixers) {
      let proposal;
      try {
        proposal = fixer.make();
      } catch (error) {
        debug(`The fixer of ${rule.id} failed on ${finding.file}: ${(error as Error).message}`);
        continue;
      }
      if (!proposal || proposal.edits.length === 0) continue;
      if (fixer.waits) {
        deferred.push(finding);
        break;
      }
      const key = JSON.stringify(proposal.edits);
      if (!seen.has(key))
        out.push({ ruleId: rule.id, fingerprint: finding.fingerprint, safety: fixer.safety, ...proposal });
      seen.add(key);
      break;
    }
  }
  return { fixes: out, deferred };
}

/** Whether an edit lies inside another (of the same file), without being the same range. */
function editWithin(e: TextEdit, w: TextEdit): boolean {
  const before = (p: TextEdit['start'], q: TextEdit['start']) =>
    p.line < q.line || (p.line === q.line && p.column <= q.column);
  const same = (p: TextEdit['start'], q: TextEdit['start']) => p.line === q.line && p.column === q.column;
  return (
    e.file === w.file &&
    before(w.start, e.start) &&
    before(e.end, w.end) &&
    !(same(e.start, w.start) && same(e.end, w.end))
  );
}

/** Whether `wide` rewrites lines that `narrow` edits inside (the DB_ENGINE switch over the SQLite NAME line). */
function rewrites(wide: Fix, narrow: Fix): boolean {
  return narrow.edits.some((e) => wide.edits.some((w) => editWithin(e, w)));
}

/**
 * The fixes that edit inside the lines another one rewrites go first: the wide rewrite keeps lines as written (the
 * DB_ENGINE switch keeps the NAME line), so both apply; the other way round the narrow fix would find its lines gone.
 */
function narrowFirst(fixes: Fix[]): Fix[] {
  const inside = (f: Fix) => fixes.some((g) => g !== f && rewrites(g, f));
  return [...fixes.filter(inside), ...fixes.filter((f) => !inside(f))];
}

const where = (f: Finding) => `${f.ruleId}\0${f.file}`;

/** Why a fix fails its proof (its finding stays, or another appears), or undefined when it passes. */
export function proofFailure(before: Finding[], after: Finding[], fix: Fix): string | undefined {
  const live = (fs: Finding[]) => fs.filter((f) => !f.suppressed);
  const count = (fs: Finding[]) => {
    const m = new Map<string, number>();
    for (const f of live(fs)) m.set(where(f), (m.get(where(f)) ?? 0) + 1);
    return m;
  };
  const target = live(before).find((f) => f.fingerprint === fix.fingerprint);
  const was = count(before);
  const now = count(after);
  if (
    live(after).some((f) => f.fingerprint === fix.fingerprint) ||
    (target && (now.get(where(target)) ?? 0) >= (was.get(where(target)) ?? 0))
  )
    return 'the finding is still reported after the fix';
  for (const [key, n] of now) {
    if (n > (was.get(key) ?? 0)) {
      const [ruleId, file] = key.split('\0');
      return `it adds a ${ruleId} finding in ${file}`;
    }
  }
  return undefined;
}

export type { FixSafety };
