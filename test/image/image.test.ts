// The container image, as far as it can be checked without a container engine.
//
// 1. The Dockerfile's shape: a build stage with the dev dependencies that runs `npm run build`, a
//    node:22-slim runtime stage with production dependencies only, the files the operator needs,
//    user 65532, ENTRYPOINT ["node", "/app/bin/slactl.js"], CMD ["run"]; and a .dockerignore that
//    lets in what the COPY lines name and keeps node_modules and tests out.
// 2. The image's file system, assembled in temp folders by following the Dockerfile's COPY lines
//    over a build context filtered by .dockerignore: the build stage compiles the copied sources
//    with the repository's dev dependencies (linked in place of its `npm ci`, which would fetch the
//    same lock file), the runtime stage gets a real `npm ci --omit=dev --ignore-scripts`. Then, as
//    user 65532 (when the tests run as root) in a folder that user cannot write to, like the
//    read-only root file system of the pod: `slactl --version`, `validate`, `compile`, `run --help`,
//    and `slactl run` against the test control plane until /readyz, stopped by SIGTERM.
import { spawn, spawnSync, type SpawnOptions } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../controlplane/binaries.js";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { httpGet, waitFor } from "../operator/operator-process.js";
import { copyOf, execForm, parseDockerfile, type Dockerfile, type Stage } from "./dockerfile.js";

const skipControlPlane = process.env["SLO_SKIP_CONTROLPLANE"] === "1";
const IMAGE_USER = 65532;
const dockerfile: Dockerfile = parseDockerfile(readFileSync(join(REPO_ROOT, "Dockerfile"), "utf8"));
const dockerignore = readFileSync(join(REPO_ROOT, ".dockerignore"), "utf8").split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));

function stage(name: string): Stage {
  const found = dockerfile.stages.find((s) => s.name === name);
  if (!found) throw new Error(`the Dockerfile has no stage ${name}`);
  return found;
}

const runsOf = (s: Stage): string[] => s.instructions.filter((i) => i.keyword === "RUN").map((i) => i.args);
const last = (s: Stage, keyword: string): string | undefined => s.instructions.filter((i) => i.keyword === keyword).at(-1)?.args;
const workdir = (s: Stage): string => last(s, "WORKDIR") ?? "/";

// ---------------------------------------------------------------------------------------------
// .dockerignore: Docker's rules for the patterns used here (last match wins, `!` re-includes,
// `**` any number of folders, a pattern matching a folder matches everything in it).

function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "*" && pattern[i + 1] === "*") {
      re += pattern[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += pattern[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

const ignoreRules = dockerignore.map((line) => ({ include: line.startsWith("!"), re: globToRegExp(line.replace(/^!/, "").replace(/^\/+|\/+$/g, "")) }));

/** True when the file (a path relative to the context) is left out of the build context. */
function ignored(path: string): boolean {
  const parts = path.split("/");
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
  let excluded = false;
  for (const rule of ignoreRules) {
    if (candidates.some((c) => rule.re.test(c))) excluded = !rule.include;
  }
  return excluded;
}

function contextFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === ".git" || entry.name === "node_modules") continue; // never in a context anyway
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...contextFiles(full, base));
    else if (entry.isFile()) out.push(relative(base, full));
  }
  return out;
}

/** Performs a stage's COPY lines into `root` (the stage's WORKDIR), from the context or an earlier stage. */
function copyInto(s: Stage, root: string, context: ReadonlySet<string>, stageRoots: ReadonlyMap<string, { root: string; workdir: string }>): void {
  for (const instruction of s.instructions.filter((i) => i.keyword === "COPY")) {
    const copy = copyOf(instruction);
    const destination = join(root, copy.destination);
    for (const source of copy.sources) {
      if (copy.from !== undefined) {
        const from = stageRoots.get(copy.from);
        if (!from) throw new Error(`COPY --from=${copy.from}: no such stage`);
        const absolute = source.startsWith("/") ? source : join(from.workdir, source);
        const path = join(from.root, relative(from.workdir, absolute));
        cpSync(path, copy.destination.endsWith("/") && !statSync(path).isDirectory() ? join(destination, source.split("/").at(-1) ?? source) : destination, { recursive: true });
        continue;
      }
      const prefix = source.replace(/\/+$/, "");
      const files = [...context].filter((f) => f === prefix || f.startsWith(`${prefix}/`));
      if (files.length === 0) throw new Error(`line ${instruction.line}: COPY ${source} matches nothing in the build context (.dockerignore?)`);
      for (const file of files) {
        const target = file === prefix
          ? (copy.destination.endsWith("/") ? join(destination, file.split("/").at(-1) ?? file) : destination)
          : join(destination, relative(prefix, file));
        mkdirSync(dirname(target), { recursive: true });
        cpSync(join(REPO_ROOT, file), target);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// running the assembled image

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

const asRoot = process.getuid?.() === 0;
/** As the image's user when we may switch to it, with the environment of the image. */
function imageSpawnOptions(cwd: string): SpawnOptions {
  return {
    cwd,
    env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", NODE_ENV: "production", HOME: "/nonexistent" },
    ...(asRoot ? { uid: IMAGE_USER, gid: IMAGE_USER } : {}),
  };
}

function runImage(app: string, args: string[], timeoutMs = 60_000): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(app, "bin", "slactl.js"), ...args], { ...imageSpawnOptions(app), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (c: string) => { stdout += c; });
    child.stderr?.setEncoding("utf8").on("data", (c: string) => { stderr += c; });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (err) => { clearTimeout(timer); reject(err); });
    child.on("close", (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

/** A temp folder the image's user may enter and write to. */
function writableDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o777);
  return dir;
}

describe("the Dockerfile", () => {
  it("builds in a node:22-slim stage with the dev dependencies", () => {
    expect(dockerfile.stages.map((s) => s.name)).toEqual(["build", "runtime"]);
    const build = stage("build");
    expect(build.from).toBe("node:22-slim");
    const runs = runsOf(build);
    // All dependencies (no --omit=dev: tsc is one); scripts off, since `prepare` would build before the sources are copied.
    expect(runs[0]).toMatch(/^npm ci\b/);
    expect(runs[0]).not.toMatch(/--omit=dev|--production/);
    expect(runs[0]).toContain("--ignore-scripts");
    expect(runs.at(-1)).toBe("npm run build");
  });

  it("runs from a node:22-slim stage with production dependencies, the build's dist/, bin/, crds/ and policies/", () => {
    const runtime = stage("runtime");
    expect(runtime.from).toBe("node:22-slim");
    expect(workdir(runtime)).toBe("/app");
    const [install] = runsOf(runtime);
    expect(install).toMatch(/^npm ci --omit=dev --ignore-scripts\b/);
    const copies = runtime.instructions.filter((i) => i.keyword === "COPY").map(copyOf);
    expect(copies).toContainEqual({ from: "build", sources: ["/src/dist"], destination: "./dist" });
    for (const folder of ["bin", "crds", "policies"]) expect(copies).toContainEqual({ from: undefined, sources: [folder], destination: `./${folder}` });
    // Nothing of the sources, tests or dev tooling reaches the runtime stage.
    expect(copies.flatMap((c) => c.sources).filter((s) => /operator\/src|test|tsconfig|node_modules/.test(s))).toEqual([]);
  });

  it("runs as user 65532 with ENTRYPOINT node /app/bin/slactl.js and CMD run", () => {
    const runtime = stage("runtime");
    expect(last(runtime, "USER")).toMatch(/^65532(:65532)?$/);
    // USER comes after everything that writes files, so the app's files stay root's and read-only to it.
    const userLine = runtime.instructions.findIndex((i) => i.keyword === "USER");
    expect(runtime.instructions.slice(userLine).filter((i) => i.keyword === "RUN" || i.keyword === "COPY")).toEqual([]);
    const entrypoint = runtime.instructions.filter((i) => i.keyword === "ENTRYPOINT").at(-1);
    const cmd = runtime.instructions.filter((i) => i.keyword === "CMD").at(-1);
    expect(entrypoint && execForm(entrypoint)).toEqual(["node", "/app/bin/slactl.js"]);
    expect(cmd && execForm(cmd)).toEqual(["run"]);
    expect(last(runtime, "ENV")).toBe("NODE_ENV=production");
  });

  it("gets a build context from .dockerignore with what the COPY lines need and no node_modules or tests", () => {
    const context = contextFiles(REPO_ROOT).filter((f) => !ignored(f));
    for (const needed of ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "bin/slactl.js", "operator/src/cli/main.ts"]) {
      expect(context, needed).toContain(needed);
    }
    expect(context.some((f) => f.startsWith("crds/"))).toBe(true);
    expect(context.some((f) => f.startsWith("policies/examples/"))).toBe(true);
    expect(context.filter((f) => /(^|\/)node_modules\/|\.test\.ts$|^test\/|^\.git\/|^dist\//.test(f))).toEqual([]);
    expect(ignored("charts/servicelevel-operator/values.yaml")).toBe(true);
  });
});

describe("the image's file system, assembled from the Dockerfile", () => {
  let work: string;
  let app: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "slo-image-"));
    chmodSync(work, 0o755);
    const context = new Set(contextFiles(REPO_ROOT).filter((f) => !ignored(f)));

    // build stage: the copied sources, the repository's dev dependencies, `npm run build`.
    const src = join(work, "src");
    mkdirSync(src);
    copyInto(stage("build"), src, context, new Map());
    symlinkSync(join(REPO_ROOT, "node_modules"), join(src, "node_modules"), "dir");
    const build = spawnSync("npm", ["run", "build"], { cwd: src, encoding: "utf8", timeout: 300_000 });
    if (build.status !== 0) throw new Error(`npm run build in the build stage failed:\n${build.stdout}\n${build.stderr}`);
    rmSync(join(src, "node_modules"));

    // runtime stage: package files, `npm ci --omit=dev --ignore-scripts`, then the build's dist/ and the rest.
    app = join(work, "app");
    mkdirSync(app);
    const runtime = stage("runtime");
    const beforeInstall = { ...runtime, instructions: runtime.instructions.filter((i) => i.keyword === "COPY" && !i.args.includes("--from") && /package/.test(i.args)) };
    copyInto(beforeInstall, app, context, new Map());
    const install = spawnSync("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: app, encoding: "utf8", timeout: 300_000 });
    if (install.status !== 0) throw new Error(`npm ci --omit=dev --ignore-scripts failed:\n${install.stdout}\n${install.stderr}`);
    const afterInstall = { ...runtime, instructions: runtime.instructions.filter((i) => i.keyword === "COPY" && !beforeInstall.instructions.includes(i)) };
    copyInto(afterInstall, app, context, new Map([["build", { root: src, workdir: workdir(stage("build")) }]]));
    // Everything stays root's and not writable by the image's user, like a read-only root file system.
    spawnSync("chmod", ["-R", "a-w,a+rX", app]);
  }, 600_000);

  afterAll(() => {
    if (work) {
      spawnSync("chmod", ["-R", "u+w", work]);
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("holds production dependencies only", () => {
    const modules = readdirSync(join(app, "node_modules"));
    for (const dev of ["typescript", "vitest", "tsx", "eslint", "fast-check", "esbuild"]) expect(modules, dev).not.toContain(dev);
    for (const prod of ["yaml", "ajv", "pino", "prom-client"]) expect(modules, prod).toContain(prod);
    expect(existsSync(join(app, "dist", "cli", "main.js"))).toBe(true);
    expect(existsSync(join(app, "operator"))).toBe(false);
  });

  it("cannot be written to by the image's user", () => {
    if (!asRoot) return; // only root can switch to 65532; as another user the check is meaningless
    const r = spawnSync(process.execPath, ["-e", `require("node:fs").writeFileSync(${JSON.stringify(join(app, "x"))}, "x")`], { ...imageSpawnOptions(app), encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/EACCES/);
  });

  it("slactl --version and --help work", async () => {
    const version = await runImage(app, ["--version"]);
    expect(version.code, version.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(version.stdout.trim()).toBe(`slactl ${pkg.version}`);
    const help = await runImage(app, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/\brun\b/);
  });

  it("slactl run --help (the image's default command) works", async () => {
    const r = await runImage(app, ["run", "--help"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Usage: slactl run");
  });

  it("slactl validate and compile work on the bundled examples", async () => {
    const validate = await runImage(app, ["validate", "policies/examples"]);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    const out = writableDir("slo-image-out-");
    try {
      const compile = await runImage(app, ["compile", "policies/examples", "--out", out]);
      expect(compile.code, compile.stdout + compile.stderr).toBe(0);
      expect(readFileSync(join(out, "shop", "checkout.prometheusrule.yaml"), "utf8")).toContain("kind: PrometheusRule");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  describe.skipIf(skipControlPlane)("slactl run against a real API server", () => {
    let cp: ControlPlane;
    beforeAll(async () => {
      cp = await startControlPlane({ crds: [join(REPO_ROOT, "crds", "servicelevel.dev_servicelevelagreements.yaml")] });
    }, 30 * 60_000);
    afterAll(async () => {
      await cp?.stop();
    });

    it("starts, becomes ready, and stops cleanly on SIGTERM", async () => {
      const dir = writableDir("slo-image-run-");
      const kubeconfig = join(dir, "kubeconfig");
      writeFileSync(kubeconfig, readFileSync(cp.kubeconfigPath));
      chmodSync(kubeconfig, 0o644);
      const child = spawn(process.execPath, [join(app, "bin", "slactl.js"), "run", `--kubeconfig=${kubeconfig}`, "--metrics-addr=127.0.0.1:0", "--health-addr=127.0.0.1:0"],
        { ...imageSpawnOptions(app), stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout?.setEncoding("utf8").on("data", (c: string) => { stdout += c; });
      child.stderr?.setEncoding("utf8").on("data", (c: string) => { stderr += c; });
      const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
      try {
        let health: string | undefined;
        await waitFor("the operator's start line", () => {
          const line = stdout.split("\n").find((l) => l.includes('"operator starting"'));
          health = line ? (JSON.parse(line) as { health?: string }).health : undefined;
          return health !== undefined;
        }, 60_000, () => stdout + stderr);
        await waitFor("/readyz", async () => (await httpGet(`http://${health}/readyz`)).status === 200, 30_000, () => stdout + stderr);
        child.kill("SIGTERM");
        expect(await exited).toBe(0);
      } finally {
        child.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  });
});
