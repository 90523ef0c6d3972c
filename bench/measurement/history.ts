// The recorded history the measurement reads: tile series of a fleet over a quarter, written as
// TSDB blocks by tilegen/ (Go, the Prometheus tsdb package) and cached by its parameters in the
// bench cache, so a second run with the same fleet and span starts at once.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchCacheDir } from "../support/checkouts.js";
import { ensureGoTool } from "../support/go-tool.js";
import { progress } from "../support/lifecycle.js";

const tilegenDir = fileURLToPath(new URL("./tilegen/", import.meta.url));
const tilegenVersion = "tilegen-v1-prometheus-v0.310.0";

export interface History {
  readonly dir: string;
  /** Last 5-minute tile, epoch ms. */
  readonly end: number;
  readonly days: number;
  readonly samples: number;
  readonly series: number;
  /** How long writing the blocks took (when this run wrote them). */
  readonly generatedSeconds: number | undefined;
}

interface Meta { readonly end: number; readonly samples: number; readonly series: number; readonly seconds: number }

const fiveMinutes = 300_000;

/**
 * Blocks for `slas` SLAs over the `days` days before now, from the cache when a history with the
 * same parameters ends less than `maxAgeMs` ago.
 */
export async function history(slas: number, namespaces: number, days: number, maxAgeMs: number): Promise<History> {
  const root = join(benchCacheDir(), "measurement-history", `${tilegenVersion}_slas-${slas}_ns-${namespaces}_days-${days}`);
  const metaFile = join(root, "history.json");
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, "utf8")) as Meta;
    if (Date.now() - meta.end < maxAgeMs) {
      progress(`history: cached ${root} (ends ${new Date(meta.end).toISOString()})`);
      return { dir: join(root, "blocks"), end: meta.end, days, samples: meta.samples, series: meta.series, generatedSeconds: undefined };
    }
  }
  const tilegen = ensureGoTool({ name: tilegenVersion, binary: "tilegen", cwd: tilegenDir, args: (out) => ["build", "-o", join(out, "tilegen"), "."] });
  const end = Math.floor(Date.now() / fiveMinutes) * fiveMinutes;
  const from = end - days * 86_400_000 + fiveMinutes;
  const building = `${root}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  progress(`history: writing ${slas} SLAs × ${days} days of tiles with tilegen ...`);
  const began = Date.now();
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(tilegen, ["-out", join(building, "blocks"), "-slas", String(slas), "-namespaces", String(namespaces), "-from", String(from), "-to", String(end)],
      { timeout: 3_600_000, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => (error ? reject(new Error(`tilegen failed: ${err.slice(-2000)}`, { cause: error })) : resolve(out)));
  });
  const seconds = (Date.now() - began) / 1000;
  const summary = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as { samples: number; series: number };
  const meta: Meta = { end, samples: summary.samples, series: summary.series, seconds };
  writeFileSync(join(building, "history.json"), `${JSON.stringify(meta)}\n`);
  rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  progress(`history: ${summary.samples.toLocaleString("en-US")} samples in ${summary.series.toLocaleString("en-US")} series, written in ${seconds.toFixed(1)} s`);
  return { dir: join(root, "blocks"), end, days, samples: summary.samples, series: summary.series, generatedSeconds: seconds };
}
