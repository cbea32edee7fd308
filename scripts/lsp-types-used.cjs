// The two functions of vscode-languageserver-types that dockerfile-ast calls, as the package writes them; the
// bundles take this module in its place (scripts/bundle.mjs).
/* global module */
'use strict';
const uinteger = (v) => typeof v === 'number' && v >= 0 && v <= 2147483647;
const isPosition = (v) => v !== null && typeof v === 'object' && uinteger(v.line) && uinteger(v.character);
const Position = {
  create(line, character) {
    if (line === Number.MAX_VALUE) line = 2147483647;
    if (character === Number.MAX_VALUE) character = 2147483647;
    return { line, character };
  },
  is: isPosition,
};
const Range = {
  create(one, two, three, four) {
    if (uinteger(one) && uinteger(two) && uinteger(three) && uinteger(four)) {
      return { start: Position.create(one, two), end: Position.create(three, four) };
    }
    if (isPosition(one) && isPosition(two)) return { start: one, end: two };
    throw new Error(
      'Range#create called with invalid arguments[' + one + ', ' + two + ', ' + three + ', ' + four + ']',
    );
  },
};
module.exports = { Position, Range };
