// Writes generated files so a reader never sees half a file: each one is written to a temporary
// file in the same folder and renamed over the target, which is atomic on POSIX file systems.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { mapConcurrent } from "../map-concurrent.js";

export interface OutputFile {
  /** Path relative to the output folder, with / separators. */
  readonly path: string;
  readonly content: string;
}

/** Thrown when an output cannot be written; `cause` is the file system error. */
export class WriteOutputError extends Error {
  override readonly name = "WriteOutputError";
  constructor(readonly file: string, options: { cause: unknown }) {
    super(`cannot write ${file}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }
}

/** Writes one file atomically into a folder that exists. */
async function writeInFolder(file: string, content: string): Promise<void> {
  const temporary = join(dirname(file), `.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, content, { encoding: "utf8", flag: "wx" });
    await rename(temporary, file);
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new WriteOutputError(file, { cause });
  }
}

/** Writes one file atomically, creating its folders. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await makeFolder(dirname(file));
  await writeInFolder(file, content);
}

async function makeFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (cause) {
    throw new WriteOutputError(folder, { cause });
  }
}

// Each file is a few system calls on the thread pool: written one after another, a compile of a
// fleet waited on each in turn (1,500 files took longer than compiling them).
const writesInFlight = 16;

/** Writes files below a folder, several at a time; returns the paths written, in the order given. */
export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<string[]> {
  const targets = files.map((file) => {
    if (file.path.split("/").some((part) => part === ".." || part === "")) {
      throw new WriteOutputError(join(outDir, file.path), { cause: new Error("output paths must stay inside the output folder") });
    }
    return join(outDir, ...file.path.split("/"));
  });
  for (const folder of [...new Set(targets.map((t) => dirname(t)))].sort()) await makeFolder(folder);
  await mapConcurrent(files.map((file, i) => ({ target: targets[i] as string, content: file.content })), writesInFlight,
    ({ target, content }) => writeInFolder(target, content));
  return targets;
}
