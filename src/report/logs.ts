import { stripControl } from './escape.js';

/** How much of a log's end is kept: the last lines say why a step failed. */
export const TAIL_LINES = 25;
const TAIL_CHARS = 4000;
const EXPLAIN_LINES = 8;

// A Python exception line (`django.db.utils.OperationalError: …`), pip's and Docker's error lines.
const EXCEPTION = /^(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Failure)\b(?::.*)?$/;
const TOOL_ERROR =
  /^(?:ERROR|error|Error|fatal|FATAL|CommandError):? |returned a non-zero code|did not complete successfully/;
const CHAINED = /^(?:The above exception was the direct cause|During handling of the above exception)/;

/**
 * The lines of a log that explain a failure, first, then its tail: the last exception line with its continuation
 * lines and, for a chained exception, the exception that caused it. Short logs are returned whole.
 */
export function explainingTail(log: string): string {
  const lines = stripControl(log).replace(/\n+$/, '').split('\n');
  let tail = lines.slice(-TAIL_LINES);
  let cut = lines.length > tail.length;
  let text = tail.join('\n');
  if (text.length > TAIL_CHARS) {
    text = text.slice(-TAIL_CHARS);
    text = text.slice(text.indexOf('\n') + 1);
    tail = text.split('\n');
    cut = true;
  }
  const explaining = explainingLines(lines);
  // Already at the top of what is shown: nothing to bring forward.
  const shownFrom = lines.length - tail.length;
  const first = explaining.length > 0 ? lines.indexOf(explaining[0]) : -1;
  const head =
    explaining.length > 0 && !(first >= shownFrom && first - shownFrom < 3)
      ? [...explaining, '', `[… the last ${tail.length} lines of the log:]`]
      : [];
  return [...head, ...(cut && head.length === 0 ? ['[… earlier lines cut]'] : []), ...tail].join('\n');
}

function explainingLines(lines: string[]): string[] {
  let last = -1;
  for (let i = lines.length - 1; i >= 0 && last < 0; i--) if (EXCEPTION.test(lines[i].trim())) last = i;
  if (last < 0) {
    for (let i = lines.length - 1; i >= 0 && last < 0; i--) if (TOOL_ERROR.test(lines[i].trim())) last = i;
    return last < 0 ? [] : [lines[last]];
  }
  const out = withContinuation(lines, last);
  // The cause: the exception before the "direct cause" / "During handling" line that leads to the last one.
  const chain = lines.slice(0, last).findLastIndex((l) => CHAINED.test(l));
  if (chain > 0) {
    for (let i = chain - 1; i >= 0; i--) {
      if (EXCEPTION.test(lines[i].trim())) {
        out.push(`[caused by] ${lines[i]}`, ...withContinuation(lines, i).slice(1));
        break;
      }
    }
  }
  return out.slice(0, EXPLAIN_LINES);
}

/** An exception line and the indented lines right after it (psycopg's "Is the server running…"). */
function withContinuation(lines: string[], at: number): string[] {
  const out = [lines[at]];
  for (let i = at + 1; i < lines.length && out.length < 4 && /^\s+\S/.test(lines[i]); i++) out.push(lines[i]);
  return out;
}
