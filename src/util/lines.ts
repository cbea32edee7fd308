/**
 * Line splitters for `text.split(...)`: the same lines as the regular expressions they stand for, by a plain split
 * when the text holds no \r, so a short run compiles no regular expression for it.
 */

/** `text.split(LINES)` is `text.split(/\r?\n/)`. */
export const LINES = {
  [Symbol.split](text: string): string[] {
    return text.includes('\r') ? text.split(/\r?\n/) : text.split('\n');
  },
};

/** `text.split(ANY_LINES)` is `text.split(/\r\n|\r|\n/)`: a line ends at \n, \r or \r\n. */
export const ANY_LINES = {
  [Symbol.split](text: string): string[] {
    return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  },
};
