import { OptionError } from '../util/option-error.js';

/** What every container of the smoke run may use: the code under review must not take the runner down. */
export interface ResourceLimits {
  /** Processes and threads per container (`--pids-limit`): a fork bomb stops there. */
  pids: number;
  /** Memory per container in bytes (`--memory`, with no swap on top): past it the kernel kills the container. */
  memoryBytes: number;
  /** CPUs per container (`--cpus`): leaves the runner some room on a 2-core machine. */
  cpus: number;
}

const MIB = 1024 * 1024;

/**
 * Sized for a Django app under gunicorn on a 2-core, 7 GB hosted runner, where up to three app containers and a
 * PostgreSQL run at once: a few workers and their threads use far fewer than 512 processes and well under 1 GiB.
 */
export const DEFAULT_LIMITS: ResourceLimits = { pids: 512, memoryBytes: 1024 * MIB, cpus: 1.5 };

/** PostgreSQL keeps its data in memory (tmpfs) during the run and needs room for its shared buffers. */
export const POSTGRES_MIN_MEMORY = 512 * MIB;

/** Docker refuses less; a Django process alone needs more. */
const MIN_MEMORY = 64 * MIB;
const MIN_PIDS = 16;

/** `512`: a whole number of processes, at least 16. */
export function parsePidsLimit(value: string, name: string): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < MIN_PIDS) {
    throw new OptionError(
      `Invalid ${name} '${value}'. Expected a whole number of processes, at least ${MIN_PIDS}.`,
    );
  }
  return n;
}

/** `1g`, `768m`, `1.5g`, `1073741824`: bytes, or with a k/m/g unit (binary, as Docker reads them); at least 64m. */
export function parseMemory(value: string, name: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg])?(?:i?b)?$/i.exec(value.trim());
  const scale = { '': 1, k: 1024, m: MIB, g: 1024 * MIB }[
    (m?.[2] ?? '').toLowerCase() as '' | 'k' | 'm' | 'g'
  ];
  const bytes = m ? Math.floor(Number(m[1]) * scale) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < MIN_MEMORY) {
    throw new OptionError(
      `Invalid ${name} '${value}'. Expected an amount of memory such as 1g or 768m (bytes, or k/m/g), at least 64m.`,
    );
  }
  return bytes;
}

/** `1.5`: a number of CPUs, from 0.01 (Docker's step). */
export function parseCpus(value: string, name: string): number {
  const n = Number(value.trim());
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n >= 0.01) || n > 1024) {
    throw new OptionError(
      `Invalid ${name} '${value}'. Expected a number of CPUs such as 1.5 (0.01 or more).`,
    );
  }
  return Math.round(n * 100) / 100;
}

/** The limits with the CPUs capped at what the Docker engine has (it refuses `--cpus` above that). */
export function capCpus(limits: ResourceLimits, engineCpus: number): ResourceLimits {
  return engineCpus >= 1 && limits.cpus > engineCpus ? { ...limits, cpus: engineCpus } : limits;
}

/** `docker run`/`docker create` arguments: processes, memory without extra swap, CPUs. */
export function containerLimitArgs(limits: ResourceLimits, minMemoryBytes = 0): string[] {
  const memory = String(Math.max(limits.memoryBytes, minMemoryBytes));
  return [
    '--pids-limit',
    String(limits.pids),
    '--memory',
    memory,
    '--memory-swap',
    memory,
    '--cpus',
    String(limits.cpus),
  ];
}

/** The classic builder's `docker build` takes memory and a CPU quota for its steps (no process limit; buildx none). */
export function classicBuildLimitArgs(limits: ResourceLimits): string[] {
  const memory = String(limits.memoryBytes);
  return [
    '--memory',
    memory,
    '--memory-swap',
    memory,
    '--cpu-period',
    '100000',
    '--cpu-quota',
    String(Math.round(limits.cpus * 100_000)),
  ];
}

/** For messages: 1073741824 → `1g`, 805306368 → `768m`. */
export function formatMemory(bytes: number): string {
  if (bytes % (1024 * MIB) === 0) return `${bytes / (1024 * MIB)}g`;
  if (bytes % MIB === 0) return `${bytes / MIB}m`;
  return `${bytes} bytes`;
}
