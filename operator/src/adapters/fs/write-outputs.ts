// Writes generated files so a reader never sees half a file: each one is written to a temporary
// file in the same folder and renamed over the target, which is atomic on POSIX file systems.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

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

/** Writes one file atomically, creating its folders. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temporary = join(dirname(file), `.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(temporary, content, { encoding: "utf8", flag: "wx" });
    await rename(temporary, file);
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new WriteOutputError(file, { cause });
  }
}

/** Writes files below a folder; returns the paths written, in order. */
export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    if (file.path.split("/").some((part) => part === ".." || part === "")) {
      throw new WriteOutputError(join(outDir, file.path), { cause: new Error("output paths must stay inside the output folder") });
    }
    const target = join(outDir, ...file.path.split("/"));
    await writeFileAtomic(target, file.content);
    written.push(target);
  }
  return written;
}
