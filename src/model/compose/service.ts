/** A merged service mapping → the model's ComposeService, with an error for every value of the wrong type. */
import { entryOf } from '../../parse/compose.js';
import type { YEntry, YMap, YNode, YScalar } from '../../parse/compose.js';
import { parseShell } from '../../parse/shell.js';
import { anchorOnLines, valueEndLine } from '../command/anchors.js';
import { inlineScriptCommands } from '../command/inline-script.js';
import type { ShellCommand } from '../types/shell.js';
import type {
  ComposeBuild,
  ComposeCommand,
  ComposeEnvEntry,
  ComposeEnvFile,
  ComposePort,
  ComposeService,
  ComposeVolumeMount,
} from '../types/compose.js';
import type { ParseError } from '../types/project.js';
import { dockerfileDockerReads } from '../dockerfile-name.js';
import { interpolate, parseDotenv } from './interpolation.js';
import { buildAsMap, isNull, keyedAsMap, kindOf, plain, relPath, scalarString } from './yaml-nodes.js';
import { postgresByUse, roleOf, splitImage } from './images.js';
import { LINES } from '../../util/lines.js';

/** `deploy:` keys that `docker compose up` ignores and only `docker stack deploy` (Swarm) honours. */
const SWARM_DEPLOY_KEYS = new Set(['placement', 'update_config', 'rollback_config', 'endpoint_mode']);

type Env = Record<string, string>;

export class ServiceConverter {
  constructor(
    private readonly env: Env,
    private readonly dirFor: (file: string) => string,
    private readonly texts: Record<string, string>,
    private readonly errors: ParseError[],
  ) {}

  private wrong(e: { file: string; line: number }, what: string, expected: string, found: YNode): void {
    this.errors.push({
      file: e.file,
      line: e.line,
      message: `${what} must be ${expected}, found ${kindOf(found)}`,
    });
  }

  private str(n: YScalar): { value: string; raw: string; interpolated: boolean; unset?: true } {
    const raw = String(n.value);
    return {
      raw,
      ...(typeof n.value === 'string' ? interpolate(raw, this.env) : { value: raw, interpolated: false }),
    };
  }

  service(name: string, file: string, line: number, node: YMap): ComposeService {
    const s: ComposeService = {
      name,
      file,
      line,
      environment: [],
      envFiles: [],
      ports: [],
      expose: [],
      volumes: [],
      dependsOn: [],
      secrets: [],
      role: 'other',
    };
    const where = `services.${name}`;
    for (const e of node.entries) {
      const v = e.value;
      const what = `${where}.${e.key}`;
      if (isNull(v)) continue;
      switch (e.key) {
        case 'image':
          if (v.kind === 'scalar') s.image = this.image(e, v);
          else this.wrong(e, what, 'a string', v);
          break;
        case 'build':
          s.build = this.build(e, what);
          break;
        case 'pull_policy':
          if (v.kind === 'scalar') s.pullPolicy = this.str(v).value;
          else this.wrong(e, what, 'a string', v);
          break;
        case 'command':
        case 'entrypoint': {
          const c = this.command(e, what);
          // `entrypoint: ""` clears the image's ENTRYPOINT just as `entrypoint: []` does: the command runs alone.
          if (c && e.key === 'entrypoint' && !c.argv && c.script?.commands.length === 0) c.argv = [];
          if (c) s[e.key] = c;
          break;
        }
        case 'environment':
          s.environment = this.envEntries(e, what).map((x) => ({ ...x, source: 'environment' as const }));
          break;
        case 'env_file':
          s.envFiles = this.envFiles(e, what);
          break;
        case 'ports':
          s.ports = this.list(e, what, (item) => this.port(item, what));
          break;
        case 'expose':
          s.expose = this.list(e, what, (item) => this.exposed(item, what));
          break;
        case 'volumes':
          s.volumes.push(...this.list(e, what, (item) => this.volume(item, what)));
          break;
        case 'tmpfs':
          s.volumes.push(...this.tmpfs(v));
          break;
        case 'depends_on':
          s.dependsOn.push(...this.dependsOn(e, what));
          break;
        case 'healthcheck':
          if (v.kind === 'map') s.healthcheck = this.healthcheck(e, v);
          else this.wrong(e, what, 'a mapping', v);
          break;
        case 'container_name':
          if (v.kind === 'scalar') {
            const name = this.str(v);
            s.containerName = { file: e.file, line: e.line, value: name.value, raw: name.raw };
          } else this.wrong(e, what, 'a string', v);
          break;
        case 'working_dir':
          if (v.kind === 'scalar') {
            const dir = this.str(v);
            if (dir.value.startsWith('/') && !dir.unset) s.workingDir = dir.value;
          } else this.wrong(e, what, 'a string', v);
          break;
        case 'user':
          if (v.kind === 'scalar') {
            const user = this.str(v);
            s.user = { file: e.file, line: e.line, value: user.value, raw: user.raw };
          } else this.wrong(e, what, 'a string', v);
          break;
        case 'deploy':
          if (v.kind === 'map' && v.entries.some((d) => SWARM_DEPLOY_KEYS.has(d.key))) s.swarmDeploy = true;
          break;
        case 'init':
          if (v.kind === 'scalar' && this.str(v).value.toLowerCase() === 'true') s.init = true;
          break;
        case 'network_mode':
          if (v.kind === 'scalar') s.networkMode = this.str(v).value;
          else this.wrong(e, what, 'a string', v);
          break;
        case 'secrets':
          s.secrets.push(...this.secrets(e, what));
          break;
        case 'volumes_from':
          s.volumesFrom = this.list(e, what, (item) => this.volumeFrom(item, what));
          break;
        default:
          break;
      }
    }
    this.addEnvFileEntries(s);
    if (s.image) s.role = roleOf(s.image.repository);
    if (s.role === 'other' && postgresByUse(s)) s.role = 'postgres';
    return s;
  }

  private exposed(item: YNode, what: string): ComposeService['expose'][number] | undefined {
    if (item.kind !== 'scalar') {
      this.wrong(item, `${what} item`, 'a port', item);
      return undefined;
    }
    const raw = this.str(item).value;
    const m = /^(\d+)(?:\/\w+)?$/.exec(raw);
    return { file: item.file, line: item.line, raw, port: m ? Number(m[1]) : undefined };
  }

  private tmpfs(v: YNode): ComposeVolumeMount[] {
    const out: ComposeVolumeMount[] = [];
    for (const item of v.kind === 'seq' ? v.items : [v]) {
      if (item.kind !== 'scalar' || item.value === null) continue;
      const target = this.str(item).value.split(':')[0]!;
      out.push({ file: item.file, line: item.line, type: 'tmpfs', target, readOnly: false });
    }
    return out;
  }

  private dependsOn(e: YEntry, what: string): ComposeService['dependsOn'] {
    const m = keyedAsMap(e.value);
    if (!m) {
      this.wrong(e, what, 'a list or a mapping', e.value);
      return [];
    }
    return m.entries.map((d) => {
      const cond = scalarString(entryOf(d.value, 'condition')?.value);
      return { file: d.file, line: d.line, service: d.key, ...(cond ? { condition: cond } : {}) };
    });
  }

  /** `data`, `data:ro`, `container:name[:ro]` (compose v2; v1's `service:name` too). */
  private volumeFrom(
    item: YNode,
    what: string,
  ): NonNullable<ComposeService['volumesFrom']>[number] | undefined {
    if (item.kind !== 'scalar') {
      this.wrong(item, `${what} item`, 'a service or container name', item);
      return undefined;
    }
    const parts = this.str(item).value.split(':');
    if (parts.length > 1 && /^(ro|rw)$/.test(parts.at(-1)!)) parts.pop();
    const at = { file: item.file, line: item.line };
    if (parts[0] === 'container' && parts[1]) return { ...at, container: parts[1] };
    if (parts[0] === 'service' && parts[1]) return { ...at, service: parts[1] };
    return parts[0] ? { ...at, service: parts[0] } : undefined;
  }

  private healthcheck(e: YEntry, v: YMap): ComposeService['healthcheck'] {
    const test = entryOf(v, 'test')?.value;
    const disable = entryOf(v, 'disable')?.value;
    const none =
      (test?.kind === 'seq' && test.items[0]?.kind === 'scalar' && test.items[0].value === 'NONE') ||
      (test?.kind === 'scalar' && test.value === 'NONE');
    return {
      file: e.file,
      line: e.line,
      disabled: (disable?.kind === 'scalar' && disable.value === true) || none,
      ownTest: test !== undefined && !(test.kind === 'scalar' && (test.value === null || test.value === '')),
    };
  }

  private secrets(e: YEntry, what: string): string[] {
    const out: string[] = [];
    for (const item of this.list(e, what, (i) => i)) {
      const secret = item.kind === 'map' ? scalarString(entryOf(item, 'source')?.value) : scalarString(item);
      if (secret) out.push(secret);
    }
    return out;
  }

  private list<T>(e: YEntry, what: string, each: (item: YNode) => T | undefined): T[] {
    if (e.value.kind !== 'seq') {
      this.wrong(e, what, 'a list', e.value);
      return [];
    }
    const out: T[] = [];
    for (const item of e.value.items) {
      if (isNull(item)) continue;
      const r = each(item);
      if (r !== undefined) out.push(r);
    }
    return out;
  }

  private image(e: YEntry, v: YScalar): ComposeService['image'] {
    const { value, raw, interpolated, unset } = this.str(v);
    return {
      file: e.file,
      line: e.line,
      value,
      ...splitImage(value),
      raw,
      interpolated,
      ...(unset ? { unset } : {}),
    };
  }

  private build(e: YEntry, what: string): ComposeBuild | undefined {
    const n = buildAsMap(e.value);
    if (n.kind !== 'map') {
      this.wrong(e, what, 'a string or a mapping', e.value);
      return undefined;
    }
    const ctxNode = entryOf(n, 'context')?.value;
    const ctxFile = ctxNode?.file ?? e.file;
    let context = relPath(this.dirFor(ctxFile), '.');
    if (ctxNode?.kind === 'scalar' && ctxNode.value !== null) {
      const raw = this.str(ctxNode).value;
      // A git URL or remote context is not in the repository: keep it as written.
      context = /^[a-z]+:\/\/|^git@/.test(raw) ? raw : relPath(this.dirFor(ctxFile), raw || '.');
    } else if (ctxNode && !isNull(ctxNode)) this.wrong(ctxNode, `${what}.context`, 'a string', ctxNode);
    const df = entryOf(n, 'dockerfile')?.value;
    const dfName = df?.kind === 'scalar' && df.value !== null ? this.str(df).value : 'Dockerfile';
    // As BuildKit does, a missing `Dockerfile` falls back to the lowercase `dockerfile` beside it.
    const written = relPath(context, dfName);
    const dockerfile = dfName.startsWith('/')
      ? dfName
      : dockerfileDockerReads(written, (f) => f in this.texts);
    const targetNode = entryOf(n, 'target')?.value;
    const target =
      targetNode?.kind === 'scalar' && targetNode.value !== null ? this.str(targetNode).value : undefined;
    const argsEntry = entryOf(n, 'args');
    const argEntries =
      argsEntry && !isNull(argsEntry.value) ? this.envEntries(argsEntry, `${what}.args`) : [];
    const args: Record<string, string | undefined> = {};
    // An arg interpolated from a variable nothing sets (`SERVICENAME: ${SERVICENAME}`, no .env) is the deploy's: unknown.
    for (const a of argEntries)
      args[a.name] = a.raw !== undefined && interpolate(a.raw, this.env).unset ? undefined : a.value;
    return {
      file: e.file,
      line: e.line,
      context,
      dockerfile,
      ...(dockerfile !== dfName && dockerfile !== written ? { absentDockerfile: written } : {}),
      ...(target !== undefined ? { target } : {}),
      args,
      argEntries,
    };
  }

  private command(e: YEntry, what: string): ComposeCommand | undefined {
    const v = e.value;
    const lines = (this.texts[e.file] ?? '').split(LINES);
    const anchor = (commands: ShellCommand[]) =>
      anchorOnLines(commands, lines, e.line, valueEndLine(lines, e.line));
    if (v.kind === 'scalar') {
      const { value, raw } = this.str(v);
      const script = parseShell(composeWords(value), v.block ? v.line + 1 : v.line);
      return { file: e.file, line: e.line, raw, script: { ...script, commands: anchor(script.commands) } };
    }
    if (v.kind === 'seq') {
      const argv: string[] = [];
      const raws: string[] = [];
      for (const item of v.items) {
        if (item.kind !== 'scalar' || item.value === null) {
          this.wrong(item, `${what} item`, 'a string', item);
          continue;
        }
        const { value, raw } = this.str(item);
        argv.push(value);
        raws.push(raw);
      }
      const inner = inlineScriptCommands(argv, e.line);
      return {
        file: e.file,
        line: e.line,
        argv,
        raw: JSON.stringify(raws),
        ...(inner.length > 0 ? { inner: anchor(inner) } : {}),
      };
    }
    this.wrong(e, what, 'a string or a list', v);
    return undefined;
  }

  /** environment / build.args as a mapping or a `KEY=value` list. A bare `KEY` (or `KEY:` with no value) has no value. */
  private envEntries(e: YEntry, what: string): Omit<ComposeEnvEntry, 'source'>[] {
    if (e.value.kind === 'seq') {
      for (const item of e.value.items) {
        if (item.kind !== 'scalar' || item.value === null)
          this.wrong(item, `${what} item`, 'a KEY=value string', item);
      }
    }
    const m = keyedAsMap(e.value);
    if (!m) {
      this.wrong(e, what, 'a mapping or a list', e.value);
      return [];
    }
    const out: Omit<ComposeEnvEntry, 'source'>[] = [];
    for (const x of m.entries) {
      if (x.value.kind !== 'scalar') {
        this.wrong(x, `${what}.${x.key}`, 'a string', x.value);
        continue;
      }
      if (x.value.value === null) {
        out.push({ file: x.file, line: x.line, name: x.key, interpolated: false });
        continue;
      }
      const { value, raw, interpolated } = this.str(x.value);
      out.push({ file: x.file, line: x.line, name: x.key, value, raw, interpolated });
    }
    return out;
  }

  private envFiles(e: YEntry, what: string): ComposeEnvFile[] {
    const items = e.value.kind === 'seq' ? e.value.items : [e.value];
    const out: ComposeEnvFile[] = [];
    for (const item of items) {
      const p = item.kind === 'map' ? entryOf(item, 'path')?.value : item;
      if (p?.kind !== 'scalar' || p.value === null) {
        this.wrong(item, `${what} item`, 'a path or {path}', item);
        continue;
      }
      const at = e.value.kind === 'seq' ? item : e;
      const { value, unset } = this.str(p);
      // Compose expands a leading `~` to the home directory, as for a bind mount's source.
      const path = this.hostPath(p.file, value);
      out.push({
        file: at.file,
        line: at.line,
        path,
        ...(unset ? { unknown: true } : path in this.texts ? {} : { absent: true }),
      });
    }
    return out;
  }

  /** Variables of readable env_files that `environment:` does not set (environment wins, as in compose). */
  private addEnvFileEntries(s: ComposeService): void {
    const named = new Set(s.environment.map((x) => x.name));
    for (const f of s.envFiles) {
      const text = this.texts[f.path];
      if (text === undefined) continue;
      for (const x of parseDotenv(text)) {
        if (named.has(x.name)) continue;
        named.add(x.name);
        const r = x.value === undefined ? undefined : interpolate(x.value, this.env);
        s.environment.push({
          file: f.path,
          line: x.line,
          name: x.name,
          ...(r ? { value: r.value, raw: x.value } : {}),
          interpolated: r?.interpolated ?? false,
          source: 'env_file',
        });
      }
    }
  }

  private port(item: YNode, what: string): ComposePort | undefined {
    if (item.kind === 'map') {
      const t = entryOf(item, 'target')?.value;
      const p = entryOf(item, 'published')?.value;
      const ip = entryOf(item, 'host_ip')?.value;
      const target = t?.kind === 'scalar' ? Number(this.str(t).value) : NaN;
      return {
        file: item.file,
        line: item.line,
        raw: JSON.stringify(plain(item)),
        ...(Number.isInteger(target) ? { target } : {}),
        ...(p?.kind === 'scalar' && p.value !== null ? { published: this.str(p).value } : {}),
        ...(ip?.kind === 'scalar' && ip.value !== null ? { hostIp: this.str(ip).value } : {}),
      };
    }
    if (item.kind !== 'scalar') {
      this.wrong(item, `${what} item`, 'a port string or mapping', item);
      return undefined;
    }
    const { value, raw } = this.str(item);
    let rest = value.replace(/\/\w+$/, '');
    let hostIp: string | undefined;
    const v6 = /^\[([^\]]*)\]:(.*)$/.exec(rest);
    if (v6) {
      hostIp = v6[1];
      rest = v6[2]!;
    }
    const parts = rest.split(':');
    if (!v6 && parts.length === 3) hostIp = parts.shift();
    const containerPart = parts[parts.length - 1]!;
    const published = parts.length > 1 ? parts[0] : undefined;
    return {
      file: item.file,
      line: item.line,
      raw,
      ...(/^\d+$/.test(containerPart) ? { target: Number(containerPart) } : {}),
      ...(published !== undefined ? { published } : {}),
      ...(hostIp !== undefined ? { hostIp } : {}),
    };
  }

  /** A mount target with unset variables as written, and those compose fills with ''. */
  private writtenTarget(raw: string): Pick<ComposeVolumeMount, 'writtenTarget' | 'emptyTargetVariables'> {
    const names = interpolate(raw, this.env).unsetNames;
    return { writtenTarget: raw, ...(names ? { emptyTargetVariables: names } : {}) };
  }

  private volume(item: YNode, what: string): ComposeVolumeMount | undefined {
    if (item.kind === 'map') {
      const type = scalarString(entryOf(item, 'type')?.value) ?? 'volume';
      const srcNode = entryOf(item, 'source')?.value;
      const tgtNode = entryOf(item, 'target')?.value;
      const ro = entryOf(item, 'read_only')?.value;
      if (tgtNode?.kind !== 'scalar' || tgtNode.value === null) {
        this.wrong(item, `${what} item`, 'a mapping with a target', item);
        return undefined;
      }
      if (type !== 'bind' && type !== 'volume' && type !== 'tmpfs') return undefined;
      const written = srcNode?.kind === 'scalar' && srcNode.value !== null ? this.str(srcNode) : undefined;
      const src = written?.value;
      const target = this.str(tgtNode);
      return {
        file: item.file,
        line: item.line,
        type,
        ...(src ? { source: type === 'bind' ? this.hostPath(srcNode!.file, src) : src } : {}),
        ...(written?.unset ? { writtenSource: written.raw } : {}),
        target: target.value,
        ...(target.unset ? this.writtenTarget(target.raw) : {}),
        readOnly: ro?.kind === 'scalar' && (ro.value === true || ro.value === 'true'),
      };
    }
    if (item.kind !== 'scalar') {
      this.wrong(item, `${what} item`, 'a volume string or mapping', item);
      return undefined;
    }
    const { value: interpolated, raw, unset } = this.str(item);
    // `$PWD/app`: the directory compose is run from, the project's own (when PWD is not given here).
    const fromPwd = unset && /^\$(PWD\b|\{PWD\})/.test(raw) && interpolated.startsWith('/');
    const value = fromPwd ? `.${interpolated}` : interpolated;
    const parts = value.split(':');
    const at = {
      file: item.file,
      line: item.line,
      ...(unset && parts.length > 1 ? { writtenSource: writtenSourceOf(raw) } : {}),
    };
    if (parts.length === 1) return { ...at, type: 'volume', target: parts[0]!, readOnly: false };
    const [src, target, mode] = parts as [string, string, string | undefined];
    // `:/code`: compose rejects an empty section before the colon, so nothing is mounted (an unset `${X}` is a bind).
    if (src === '' && !raw.startsWith('$')) {
      this.errors.push({
        file: item.file,
        line: item.line,
        message: `${what} item '${raw}' has an empty source before the colon, which compose rejects: nothing is mounted there`,
      });
      return undefined;
    }
    const writtenTarget = unset ? writtenPartsOf(raw)[1] : undefined;
    if (writtenTarget !== undefined && writtenTarget !== target)
      Object.assign(at, this.writtenTarget(writtenTarget));
    const readOnly = (mode ?? '').split(',').includes('ro');
    const bind = /^[./~]/.test(src) || (src === '' && raw.startsWith('$'));
    if (bind)
      return {
        ...at,
        type: 'bind',
        ...(src ? { source: this.hostPath(item.file, src) } : {}),
        target,
        readOnly,
      };
    return { ...at, type: 'volume', ...(src ? { source: src } : {}), target, readOnly };
  }

  private hostPath(file: string, src: string): string {
    return src.startsWith('/') || src.startsWith('~') ? src : relPath(this.dirFor(file), src);
  }
}

/** The source part of a volume as written (`${DATA_DIR}/app` of `${DATA_DIR}/app:/app`), colons inside `${…}` kept. */
function writtenSourceOf(raw: string): string {
  return writtenPartsOf(raw)[0]!;
}

/** The parts of a short volume as written, split at the colons outside `${…}`. */
function writtenPartsOf(raw: string): string[] {
  const masked = raw.replace(/\$\{[^}]*\}/g, (m) => m.replace(/:/g, '\0'));
  return masked.split(':').map((p) => p.replace(/\0/g, ':'));
}

/**
 * A string command as compose splits it (go-shellwords): a backslash before a blank escapes it even inside double
 * quotes, so the `\ ` a folded `&& \` line end leaves in `sh -c "…"` reaches the shell as a plain space.
 */
export function composeWords(value: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (c === '\\') {
      const next = value[i + 1] ?? '';
      if (quote === '"' && (next === ' ' || next === '\t')) continue;
      out += c + next;
      i++;
      continue;
    } else if (c === '"' || c === "'") quote = quote === c ? undefined : (quote ?? c);
    out += c;
  }
  return out;
}
