// Expands the PATH... arguments of slactl into the files to read: a file is taken as given, a
// folder is searched recursively for *.yaml and *.yml. The result is sorted and free of
// duplicates, so the same tree always gives the same output in the same order.
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";

export const yamlExtensions = [".yaml", ".yml"] as const;

/** Folders never searched when met inside a folder argument (they can still be named explicitly). */
const skippedFolders = new Set(["node_modules"]);

export interface ExpandedInputs {
  /** Files to read, as paths built from the arguments (relative stays relative). */
  readonly files: readonly string[];
  /** Arguments that do not exist or cannot be inspected, with the reason. */
  readonly missing: readonly { readonly path: string; readonly reason: string }[];
}

/** Lists the files behind the arguments: argument order, each folder's files sorted. */
export async function expandInputs(paths: readonly string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const missing: { path: string; reason: string }[] = [];
  const seenFiles = new Set<string>();
  const add = async (file: string) => {
    const real = await realpath(file).catch(() => file);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(file);
  };
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (cause) {
      missing.push({ path, reason: reasonOf(cause) });
      continue;
    }
    if (info.isDirectory()) {
      for (const file of await walk(path, new Set())) await add(file);
    } else {
      await add(path);
    }
  }
  return { files, missing };
}

export const isYamlFileName = (name: string): boolean => yamlExtensions.some((ext) => name.toLowerCase().endsWith(ext));

/** YAML files below a folder, sorted by path; follows symbolic links but never loops. */
async function walk(folder: string, visited: Set<string>): Promise<string[]> {
  const real = await realpath(folder).catch(() => folder);
  if (visited.has(real)) return [];
  visited.add(real);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    // An unreadable subfolder is listed as if it were a file, so reading it reports why.
    return [folder];
  }
  const out: string[] = [];
  for (const entry of [...entries].sort((a, b) => compare(a.name, b.name))) {
    const path = join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      isDirectory = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDirectory) {
      if (entry.name.startsWith(".") || skippedFolders.has(entry.name)) continue;
      out.push(...(await walk(path, visited)));
    } else if (isFile && isYamlFileName(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

/** Code-unit order, independent of the locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function reasonOf(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return cause instanceof Error ? cause.message : String(cause);
}
