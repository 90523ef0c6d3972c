// The generated YAML files of the examples, written by the fast writer (compile/yaml-emit.ts), are
// byte for byte what the yaml package writes of the same data: none falls back, none differs.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { emitYaml } from "../compile/yaml-emit.js";
import { yamlOptions } from "../compile/outputs.js";
import { compile } from "../compile/index.js";
import { loadBurnRateTables } from "../adapters/fs/burn-rate-tables.js";

it("writes every YAML file the compiler makes of the examples, byte for byte as the yaml package", async () => {
  const tables = await loadBurnRateTables();
  if (!tables.ok) throw new Error("the burn-rate tables do not load");
  const dirs = ["policies/examples", "demo/slas"];
  let files = 0;
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
      for (const document of parseAllDocuments(readFileSync(join(dir, file), "utf8")).map((d) => d.toJS() as unknown)) {
        const compiled = compile(document, { burnRateTables: tables.tables, now: Date.parse("2026-12-01T00:00:00Z") });
        if (!compiled.ok) continue;
        for (const [suffix, text] of Object.entries(compiled.value.files).filter(([s]) => s.endsWith(".yaml"))) {
          const value = parseAllDocuments(text)[0]?.toJS() as object;
          const fast = emitYaml(value);
          expect(fast, `${file} ${suffix}`).toBeDefined();
          expect(fast, `${file} ${suffix}`).toBe(stringify(value, yamlOptions));
          files++;
        }
      }
    }
  }
  expect(files).toBeGreaterThan(20);
});
