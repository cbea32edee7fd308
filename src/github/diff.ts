/**
 * Lines of the new file (RIGHT side) a review comment may be attached to: every added or context line inside a
 * hunk of the file's unified-diff `patch`, as `GET /pulls/{n}/files` returns it. A file without `patch` (binary,
 * too large) has none.
 */
export function commentableLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  let next = 0;
  let inHunk = false;
  for (const row of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(row);
    if (header) {
      next = Number(header[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const sign = row[0];
    if (sign === '+' || sign === ' ') lines.add(next++);
    else if (sign === '-' || sign === '\\')
      continue; // removed line, or "\ No newline at end of file"
    else if (row === '') continue; // trailing newline of the patch text
  }
  return lines;
}
