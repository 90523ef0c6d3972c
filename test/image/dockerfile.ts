// A small reader of the repository's Dockerfile and .dockerignore for the image tests: enough of the
// Dockerfile grammar to split it into stages and instructions (comments, line continuations, ARG
// substitution in FROM, exec-form JSON arrays), not a general parser.

export interface Instruction {
  /** Upper-case keyword, e.g. RUN. */
  readonly keyword: string;
  /** Everything after the keyword, continuations joined. */
  readonly args: string;
  readonly line: number;
}

export interface Stage {
  readonly name: string | undefined;
  /** The image after ARG substitution, e.g. node:22-slim. */
  readonly from: string;
  readonly instructions: readonly Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  readonly globalArgs: ReadonlyMap<string, string>;
  readonly stages: readonly Stage[];
}

function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split("\n");
  let pending: { text: string; line: number } | undefined;
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith("#") && pending === undefined) return;
    if (trimmed.startsWith("#")) return; // a comment inside a continued instruction
    if (trimmed === "" && pending === undefined) return;
    const continued = trimmed.endsWith("\\");
    const piece = continued ? trimmed.slice(0, -1).trim() : trimmed;
    pending = pending ? { text: `${pending.text} ${piece}`.trim(), line: pending.line } : { text: piece, line: index + 1 };
    if (!continued) {
      const match = /^(\S+)\s*(.*)$/.exec(pending.text);
      if (match) out.push({ keyword: (match[1] ?? "").toUpperCase(), args: match[2] ?? "", line: pending.line });
      pending = undefined;
    }
  });
  return out;
}

const substitute = (text: string, args: ReadonlyMap<string, string>): string =>
  text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, a: string | undefined, b: string | undefined) => args.get(a ?? b ?? "") ?? whole);

export function parseDockerfile(text: string): Dockerfile {
  const globalArgs = new Map<string, string>();
  const stages: { name: string | undefined; from: string; instructions: Instruction[] }[] = [];
  for (const instruction of instructions(text)) {
    if (instruction.keyword === "FROM") {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!match) throw new Error(`line ${instruction.line}: cannot read FROM ${instruction.args}`);
      stages.push({ name: match[2], from: substitute(match[1] ?? "", globalArgs), instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) {
      if (instruction.keyword !== "ARG") throw new Error(`line ${instruction.line}: ${instruction.keyword} before the first FROM`);
      const [name, value = ""] = instruction.args.split("=", 2);
      globalArgs.set((name ?? "").trim(), value.trim());
      continue;
    }
    stage.instructions.push(instruction);
  }
  return { globalArgs, stages };
}

/** The JSON array of an exec-form instruction (ENTRYPOINT ["node", ...]). */
export function execForm(instruction: Instruction): string[] {
  const parsed = JSON.parse(instruction.args) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === "string")) throw new Error(`line ${instruction.line}: not an exec-form array`);
  return parsed;
}

export interface Copy {
  readonly from: string | undefined;
  readonly sources: readonly string[];
  readonly destination: string;
}

/** The sources and destination of a COPY, with its --from stage. */
export function copyOf(instruction: Instruction): Copy {
  const words = instruction.args.split(/\s+/).filter(Boolean);
  const flags = words.filter((w) => w.startsWith("--"));
  const paths = words.filter((w) => !w.startsWith("--"));
  const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
  const destination = paths.at(-1);
  if (paths.length < 2 || destination === undefined) throw new Error(`line ${instruction.line}: COPY needs a source and a destination`);
  return { from, sources: paths.slice(0, -1), destination };
}
