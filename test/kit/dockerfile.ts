/**
 * Just enough of Docker's file formats to follow the Dockerfile without a Docker engine:
 * stages and their instructions, exec-form commands, and `.dockerignore` matching.
 */

export interface Instruction {
  op: string;
  /** `--name=value` flags (e.g. COPY's `--from`). */
  flags: Record<string, string>;
  /** The rest of the line, after the flags. */
  args: string;
}

export interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  args: Record<string, string>;
  stages: Stage[];
}

/** Logical lines: comments dropped, backslash continuations joined. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (current === '' && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    if (line.endsWith('\\')) current += `${line.slice(0, -1)} `;
    else {
      lines.push(current + line);
      current = '';
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

function substitute(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => vars[a ?? b ?? ''] ?? '');
}

/** Parse a Dockerfile into its global ARGs and stages (unnamed stages are named by index). */
export function parseDockerfile(text: string): Dockerfile {
  const out: Dockerfile = { args: {}, stages: [] };
  for (const line of logicalLines(text)) {
    const match = /^(\w+)\s+(.*)$/.exec(line.trim());
    if (match === null) throw new Error(`cannot read Dockerfile line: ${line}`);
    const op = match[1]!.toUpperCase();
    let rest = match[2]!;
    const flags: Record<string, string> = {};
    for (let flag = /^--(\w[\w-]*)=(\S+)\s+/.exec(rest); flag !== null; flag = /^--(\w[\w-]*)=(\S+)\s+/.exec(rest)) {
      flags[flag[1]!] = flag[2]!;
      rest = rest.slice(flag[0].length);
    }
    if (op === 'ARG' && out.stages.length === 0) {
      const [name, value = ''] = rest.split('=');
      out.args[name!.trim()] = value.trim();
    } else if (op === 'FROM') {
      const [image, as, name] = substitute(rest, out.args).split(/\s+/);
      out.stages.push({ name: as?.toUpperCase() === 'AS' && name !== undefined ? name : String(out.stages.length), from: image!, instructions: [] });
    } else {
      const stage = out.stages.at(-1);
      if (stage === undefined) throw new Error(`${op} before FROM`);
      stage.instructions.push({ op, flags, args: rest });
    }
  }
  return out;
}

/** The argv of an exec-form (JSON array) CMD or ENTRYPOINT; throws on shell form. */
export function execForm(instruction: Instruction): string[] {
  const parsed: unknown = JSON.parse(instruction.args);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) throw new Error(`${instruction.op} is not in exec form: ${instruction.args}`);
  return parsed as string[];
}

/** COPY's sources and destination (JSON or whitespace form). */
export function copyPaths(instruction: Instruction): { sources: string[]; dest: string } {
  const words = instruction.args.trim().startsWith('[') ? (JSON.parse(instruction.args) as string[]) : instruction.args.trim().split(/\s+/);
  return { sources: words.slice(0, -1), dest: words.at(-1)! };
}

function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * A `.dockerignore` as a predicate on context-relative paths: a path is excluded when it or one
 * of its parent folders matches the last matching pattern, unless that pattern is a `!` exception.
 */
export function dockerignore(text: string): (relPath: string) => boolean {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => ({ negate: l.startsWith('!'), re: globToRegExp((l.startsWith('!') ? l.slice(1) : l).replace(/^\/+|\/+$/g, '')) }));
  return (relPath) => {
    const parts = relPath.split('/');
    let excluded = false;
    for (const rule of rules) {
      for (let n = 1; n <= parts.length; n++) {
        if (rule.re.test(parts.slice(0, n).join('/'))) {
          excluded = !rule.negate;
          break;
        }
      }
    }
    return excluded;
  };
}
