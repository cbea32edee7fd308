// SHA-256 (FIPS 180-4) of a string's UTF-8 bytes without node:crypto: loading it (and the streams it pulls in) costs a
// short CLI run more than hashing all of its fingerprints. The compression runs in a small WebAssembly module
// (sha256.wat, assembled into sha256-wasm.ts), which V8 compiles in microseconds and runs at native speed; where
// WebAssembly is not available (`--jitless`), in plain JavaScript, written for V8's interpreter.
import { SHA256_WASM } from './sha256-wasm.js';

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const encoder = new TextEncoder();
const w = new Int32Array(64);

/** The module's exports: its memory (the state at 0, the message from MESSAGE), `init` and `blocks(from, to)`. */
interface Sha256Module {
  memory: WebAssembly.Memory;
  init(): void;
  blocks(from: number, to: number): void;
}

/** Where the padded message starts in the module's memory (below: the state, the schedule, the constants). */
const MESSAGE = 1024;
let wasm: Sha256Module | null | undefined;

function wasmModule(): Sha256Module | null {
  if (wasm === undefined) {
    try {
      const bytes = Buffer.from(SHA256_WASM, 'base64');
      wasm = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Sha256Module;
    } catch {
      wasm = null;
    }
  }
  return wasm;
}

/** The hashing runs in WebAssembly: as fast as node:crypto's, without its load. */
export function sha256IsNative(): boolean {
  return wasmModule() !== null;
}

/** The hex digest of `text` encoded as UTF-8: the same as node:crypto's `hash('sha256', text, 'hex')`. */
export function sha256Hex(text: string): string {
  const x = wasmModule();
  return x ? sha256HexWasm(x, text) : sha256HexJs(text);
}

function sha256HexWasm(x: Sha256Module, text: string): string {
  // A UTF-16 code unit takes at most 3 bytes of UTF-8; the padding at most 72.
  const need = MESSAGE + text.length * 3 + 72;
  if (need > x.memory.buffer.byteLength)
    x.memory.grow(Math.ceil((need - x.memory.buffer.byteLength) / 65536));
  const mem = new Uint8Array(x.memory.buffer);
  const n = encoder.encodeInto(text, mem.subarray(MESSAGE)).written;
  // The message padded to whole 64-byte blocks: a 1 bit, zeros, the bit length as a 64-bit big-endian number.
  const end = MESSAGE + (((n + 9 + 63) >>> 6) << 6);
  mem.fill(0, MESSAGE + n, end);
  mem[MESSAGE + n] = 0x80;
  const view = new DataView(x.memory.buffer);
  const bits = n * 8;
  view.setUint32(end - 8, Math.floor(bits / 0x100000000));
  view.setUint32(end - 4, bits >>> 0);
  x.init();
  x.blocks(MESSAGE, end);
  let hex = '';
  for (let i = 0; i < 32; i += 4) hex += view.getUint32(i, true).toString(16).padStart(8, '0');
  return hex;
}

/**
 * sha256Hex in plain JavaScript, where WebAssembly is not available. Written for V8's interpreter: the rotations
 * inline, the state in locals, no array destructuring.
 */
export function sha256HexJs(text: string): string {
  // The message padded to whole 64-byte blocks: a 1 bit, zeros, the bit length as a 64-bit big-endian number.
  const bytes = encoder.encode(text);
  const n = bytes.length;
  const end = ((n + 9 + 63) >>> 6) << 6;
  const m = new Uint8Array(end);
  m.set(bytes);
  m[n] = 0x80;
  const bits = n * 8;
  const high = Math.floor(bits / 0x100000000);
  for (let i = 0; i < 4; i++) {
    m[end - 8 + i] = high >>> (24 - 8 * i);
    m[end - 4 + i] = bits >>> (24 - 8 * i);
  }
  let h0 = 0x6a09e667 | 0;
  let h1 = 0xbb67ae85 | 0;
  let h2 = 0x3c6ef372 | 0;
  let h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f | 0;
  let h5 = 0x9b05688c | 0;
  let h6 = 0x1f83d9ab | 0;
  let h7 = 0x5be0cd19 | 0;
  for (let o = 0; o < end; o += 64) {
    for (let i = 0, j = o; i < 16; i++, j += 4)
      w[i] = (m[j]! << 24) | (m[j + 1]! << 16) | (m[j + 2]! << 8) | m[j + 3]!;
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  let hex = '';
  for (const x of [h0, h1, h2, h3, h4, h5, h6, h7]) hex += (x >>> 0).toString(16).padStart(8, '0');
  return hex;
}
