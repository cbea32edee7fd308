/** A `git apply`-able unified diff of one file, from its old text (undefined: a new file) to its new text. */

type Op = { kind: ' ' | '-' | '+'; line: string; oldNo: number; newNo: number };

const CONTEXT = 3;
/** Above this many cells the middle is diffed as one block (still a correct patch, only less minimal). */
const MAX_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\0'; // marks the last line as having no final newline
  return lines;
}

/** The edit script between two line lists: common prefix and suffix, then a longest common subsequence. */
function diffLines(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf])
    suf++;
  const ops: Op[] = [];
  for (let i = 0; i < pre; i++) ops.push({ kind: ' ', line: a[i], oldNo: i, newNo: i });
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const middle: Op[] = [];
  if (am.length * bm.length > MAX_CELLS) {
    am.forEach((line, i) => middle.push({ kind: '-', line, oldNo: pre + i, newNo: pre }));
    bm.forEach((line, j) => middle.push({ kind: '+', line, oldNo: pre + am.length, newNo: pre + j }));
  } else {
    const n = am.length;
    const m = bm.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        middle.push({ kind: ' ', line: am[i], oldNo: pre + i, newNo: pre + j });
        i++;
        j++;
      } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        middle.push({ kind: '+', line: bm[j], oldNo: pre + i, newNo: pre + j });
        j++;
      } else {
        middle.push({ kind: '-', line: am[i], oldNo: pre + i, newNo: pre + j });
        i++;
      }
    }
    // Deletions before insertions inside a changed block, as diff tools print them.
    for (let k = 0; k < middle.length; k++) {
      if (middle[k].kind === ' ') continue;
      let e = k;
      while (e < middle.length && middle[e].kind !== ' ') e++;
      const block = middle.slice(k, e);
      middle.splice(k, e - k, ...block.filter((o) => o.kind === '-'), ...block.filter((o) => o.kind === '+'));
      k = e;
    }
  }
  ops.push(...middle);
  for (let k = 0; k < suf; k++)
    ops.push({
      kind: ' ',
      line: a[a.length - suf + k],
      oldNo: a.length - suf + k,
      newNo: b.length - suf + k,
    });
  return ops;
}

function printLine(op: Op): string[] {
  const noEol = op.line.endsWith('\0');
  const text = noEol ? op.line.slice(0, -1) : op.line;
  return noEol ? [`${op.kind}${text}`, '\\ No newline at end of file'] : [`${op.kind}${text}`];
}

/** The unified diff of `path` (relative to the repository root, '/' separators); '' when nothing changed. */
export function unifiedDiff(path: string, oldText: string | undefined, newText: string): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText ?? '');
  const b = splitLines(newText);
  const ops = diffLines(a, b);
  const changed = ops.map((o, i) => (o.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  const out = [
    `diff --git a/${path} b/${path}`,
    ...(oldText === undefined ? ['new file mode 100644', '--- /dev/null'] : [`--- a/${path}`]),
    `+++ b/${path}`,
  ];
  let k = 0;
  while (k < changed.length) {
    const first = Math.max(0, changed[k] - CONTEXT);
    let last = Math.min(ops.length - 1, changed[k] + CONTEXT);
    k++;
    while (k < changed.length && changed[k] - CONTEXT <= last + 1) {
      last = Math.min(ops.length - 1, changed[k] + CONTEXT);
      k++;
    }
    const hunk = ops.slice(first, last + 1);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    const oldStart = oldCount === 0 ? hunk[0].oldNo : hunk[0].oldNo + 1;
    const newStart = newCount === 0 ? hunk[0].newNo : hunk[0].newNo + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of hunk) out.push(...printLine(op));
  }
  return `${out.join('\n')}\n`;
}
