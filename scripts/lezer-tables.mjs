// The Python grammar's parse tables, decoded when the bundle is built rather than on every run: @lezer/python ships
// them as strings that @lezer/lr decodes when the module loads (5 to 8 ms of a 100 ms check), and @lezer/lr takes a
// typed array as it is. Each table becomes base64 of its little-endian bytes, which Node decodes natively.
import { Buffer } from 'node:buffer';

/** The tables of LRParser.deserialize({...}) that @lezer/lr decodes, and the typed array each becomes. */
const TABLES = { states: 4, stateData: 2, goto: 2, tokenData: 2 };

/** @lezer/lr's decodeArray: base-46 digits from char 32, skipping '"' and '\'; the first value is the length. */
export function decodeTable(input, bytes) {
  let array = null;
  for (let pos = 0, out = 0; pos < input.length;) {
    let value = 0;
    for (;;) {
      let next = input.charCodeAt(pos++);
      let stop = false;
      if (next === 126) {
        value = 65535;
        break;
      }
      if (next >= 92) next--;
      if (next >= 34) next--;
      let digit = next - 32;
      if (digit >= 46) {
        digit -= 46;
        stop = true;
      }
      value += digit;
      if (stop) break;
      value *= 46;
    }
    if (array) array[out++] = value;
    else array = bytes === 4 ? new Uint32Array(value) : new Uint16Array(value);
  }
  return array;
}

/** Reads a table back, on a machine of either byte order; the bytes are copied to an aligned buffer. */
const RUNTIME = `function __tfrTable(base64, bytes) {
  const b = Buffer.from(base64, "base64");
  const view = new DataView(b.buffer, b.byteOffset, b.length);
  const table = bytes === 4 ? new Uint32Array(b.length / 4) : new Uint16Array(b.length / 2);
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) new Uint8Array(table.buffer).set(b);
  else for (let i = 0; i < table.length; i++) table[i] = bytes === 4 ? view.getUint32(i * 4, true) : view.getUint16(i * 2, true);
  return table;
}
`;

function littleEndianBase64(table) {
  const bytes = Buffer.alloc(table.length * table.BYTES_PER_ELEMENT);
  table.forEach((v, i) =>
    table.BYTES_PER_ELEMENT === 4 ? bytes.writeUInt32LE(v, i * 4) : bytes.writeUInt16LE(v, i * 2),
  );
  return bytes.toString('base64');
}

/** @lezer/python's module text with its encoded tables replaced by pre-decoded ones; throws if they are not found. */
export function preDecodedTables(source) {
  let found = 0;
  const text = source.replace(/\b(states|stateData|goto|tokenData): "([^"\\]*)"/g, (_, key, encoded) => {
    found++;
    return `${key}: __tfrTable("${littleEndianBase64(decodeTable(encoded, TABLES[key]))}", ${TABLES[key]})`;
  });
  if (found !== Object.keys(TABLES).length)
    throw new Error(`@lezer/python: expected ${Object.keys(TABLES).length} encoded tables, found ${found}`);
  return `${RUNTIME}${text}`;
}

/**
 * @lezer/python's module without its highlighting: the grammar attaches editor highlight tags to its node types
 * (@lezer/highlight's styleTags, with the tag set it builds when it loads), which nothing here reads. The import, the
 * styleTags statement and the propSources entry go; throws if any of them is not found.
 */
export function withoutHighlighting(source) {
  const steps = [
    // ESM: import { styleTags, tags } from '@lezer/highlight';  CommonJS: var highlight = require('@lezer/highlight');
    [/^(?:import \{[^}]*\} from '@lezer\/highlight'|var highlight = require\('@lezer\/highlight'\));\n/m, ''],
    [/^const pythonHighlighting = (?:highlight\.)?styleTags\(\{\n(?:.*\n)*?\}\);\n/m, ''],
    [/^ {2}propSources: \[pythonHighlighting\],\n/m, ''],
  ];
  let text = source;
  for (const [pattern, replacement] of steps) {
    if (!pattern.test(text))
      throw new Error(`@lezer/python: ${pattern} not found; its highlighting cannot be left out`);
    text = text.replace(pattern, replacement);
  }
  if (/highlight|styleTags|\btags\./.test(text))
    throw new Error('@lezer/python: highlighting is still referred to after leaving it out');
  return text;
}

/** esbuild plugin: @lezer/python's module with its tables decoded and without its highlighting. */
export const lezerTablesDecoded = {
  name: 'lezer-tables-decoded',
  setup(b) {
    b.onLoad({ filter: /[\\/]@lezer[\\/]python[\\/]dist[\\/]index\.c?js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      return { contents: preDecodedTables(withoutHighlighting(source)), loader: 'js' };
    });
  },
};
