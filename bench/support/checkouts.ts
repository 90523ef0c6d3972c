// The code under test, as checkout directories: the subject is this working tree, the baseline a
// git worktree of a tagged commit that the benchmarks create once in a cache outside the
// repository (node_modules symlinked to the subject's). Every benchmark runs both in one
// invocation, so their figures come from the same machine under the same load.
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, realpathSync, symlinkSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The working tree these benchmarks live in: the default subject. */
export const subjectRoot = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");

/** The tag of the previous design that every benchmark compares against. */
export const defaultBaselineRef = "baseline-0.1";
/** The commit the tag names: a clone without tags still finds the baseline. */
const defaultBaselineCommit = "efce9a7457470fbe490f64de12bad2bae68e7a3e";

/** Where benchmarks keep what outlives a run (checkouts, built tools, generated history). */
export function benchCacheDir(): string {
  const base = process.env["SLO_BENCH_CACHE"] ?? join(process.env["XDG_CACHE_HOME"] ?? join(homedir(), ".cache"), "servicelevel-operator", "bench");
  mkdirSync(base, { recursive: true });
  return base;
}

export interface Checkout {
  /** "baseline" or "subject", as the tables print it. */
  readonly label: string;
  /** What it is: the tag and commit, or the working tree's path and HEAD. */
  readonly description: string;
  /** The checkout's root: operator/src/cli/main.ts is slactl there. */
  readonly dir: string;
}

const git = (cwd: string, ...args: string[]): string => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

/** The subject: a working tree (default this one), uncommitted changes included. */
export function subjectCheckout(dir = subjectRoot): Checkout {
  const head = git(dir, "rev-parse", "--short", "HEAD");
  const dirty = git(dir, "status", "--porcelain", "--untracked-files=no") === "" ? "" : ", with uncommitted changes";
  return { label: "subject", description: `${dir} at ${head}${dirty}`, dir };
}

/**
 * The baseline: a detached git worktree of `ref` under the bench cache, created on first use and
 * reused afterwards (checked to be at the ref's commit), with node_modules linked to the subject's.
 */
export function baselineCheckout(ref = defaultBaselineRef, subject = subjectRoot): Checkout {
  let commit: string;
  try {
    commit = git(subject, "rev-parse", "--verify", `${ref}^{commit}`);
  } catch (cause) {
    if (ref !== defaultBaselineRef) throw cause;
    commit = git(subject, "rev-parse", "--verify", `${defaultBaselineCommit}^{commit}`);
  }
  const dir = join(benchCacheDir(), "checkouts", `${ref.replace(/[^A-Za-z0-9._-]/g, "_")}-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, ".git"))) {
    mkdirSync(join(dir, ".."), { recursive: true });
    git(subject, "worktree", "prune");
    git(subject, "worktree", "add", "--detach", dir, commit);
  }
  const at = git(dir, "rev-parse", "HEAD");
  if (at !== commit) throw new Error(`baseline checkout ${dir} is at ${at}, not ${ref} (${commit}): remove it and run again`);
  const modules = join(dir, "node_modules");
  if (!isPresent(modules)) symlinkSync(realpathSync(join(subject, "node_modules")), modules);
  return { label: "baseline", description: `${ref} (${commit.slice(0, 7)})`, dir };
}

function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The checkouts a benchmark compares, from `--baseline-ref REF` and `--subject DIR`. */
export function checkouts(options: { readonly baselineRef?: string | undefined; readonly subject?: string | undefined }): readonly [Checkout, Checkout] {
  const subject = subjectCheckout(options.subject ?? subjectRoot);
  return [baselineCheckout(options.baselineRef ?? defaultBaselineRef, subject.dir), subject];
}
