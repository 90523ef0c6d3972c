// Plain-text tables for benchmark figures: columns padded to their widest cell, numbers right-aligned.
import os from "node:os";

/** Renders rows under a header, with a dashed rule; cells that look numeric are right-aligned. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+]?[\d.,]+\s*\S*$|^[-—]$/.test(r[i] ?? "")));
  const line = (cells: readonly string[]) => cells.map((c, i) => (numeric[i] && i > 0 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** A number with thousands separators and `digits` decimals. */
export function num(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Bytes as KB/MB/GB (powers of 1000, as etcd's quota is given), or MiB for memory with `binary`. */
export function bytes(value: number, binary = false): string {
  const base = binary ? 1024 : 1000;
  const units = binary ? ["B", "KiB", "MiB", "GiB"] : ["B", "KB", "MB", "GB"];
  let v = value;
  let unit = 0;
  while (Math.abs(v) >= base && unit < units.length - 1) {
    v /= base;
    unit++;
  }
  return `${v.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The machine's load average right now, as `uptime` prints it. */
export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(", ");
}
