/** A bad input or flag: its message says what was wrong and what is accepted. */
export class OptionError extends Error {
  override name = 'OptionError';
}
