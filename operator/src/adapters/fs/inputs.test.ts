import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandInputs } from "./inputs.js";

describe("expanding PATH arguments", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "slactl-inputs-"));
    for (const folder of ["slas/b", "slas/a", "slas/.hidden", "slas/node_modules/x", "other"]) await mkdir(join(dir, folder), { recursive: true });
    for (const file of ["slas/z.yaml", "slas/B.yml", "slas/a/2.yaml", "slas/a/10.yaml", "slas/b/c.YAML", "slas/readme.md", "slas/.hidden/h.yaml",
      "slas/node_modules/x/m.yaml", "other/notes.txt"]) {
      await writeFile(join(dir, file), "a: 1\n");
    }
    await symlink(join(dir, "slas"), join(dir, "slas", "b", "loop"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("finds *.yaml and *.yml files recursively, sorted by path, skipping hidden folders and node_modules", async () => {
    const { files, missing } = await expandInputs([join(dir, "slas")]);
    expect(missing).toEqual([]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(["slas/B.yml", "slas/a/10.yaml", "slas/a/2.yaml", "slas/b/c.YAML", "slas/z.yaml"]);
  });

  it("takes a file argument as given, whatever its extension", async () => {
    const { files } = await expandInputs([join(dir, "other", "notes.txt")]);
    expect(files).toEqual([join(dir, "other", "notes.txt")]);
  });

  it("keeps argument order and lists each file once", async () => {
    const { files } = await expandInputs([join(dir, "slas", "z.yaml"), join(dir, "slas", "a"), join(dir, "slas", "z.yaml"), join(dir, "slas/a/2.yaml")]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(["slas/z.yaml", "slas/a/10.yaml", "slas/a/2.yaml"]);
  });

  it("reports arguments that do not exist", async () => {
    const { files, missing } = await expandInputs([join(dir, "nope"), join(dir, "slas", "z.yaml")]);
    expect(files).toHaveLength(1);
    expect(missing).toEqual([{ path: join(dir, "nope"), reason: "no such file or folder" }]);
  });

  it("gives an empty list for a folder without YAML", async () => {
    expect(await expandInputs([join(dir, "other")])).toEqual({ files: [], missing: [] });
  });
});
