import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WriteOutputError, writeFileAtomic, writeOutputs } from "./write-outputs.js";

describe("writing outputs", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "slactl-write-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates folders, writes every file and leaves no temporary files", async () => {
    const written = await writeOutputs(join(dir, "out"), [
      { path: "shop/checkout.rules.yaml", content: "groups: []\n" },
      { path: "default/x.dashboard.json", content: "{}\n" },
    ]);
    expect(written).toEqual([join(dir, "out", "shop", "checkout.rules.yaml"), join(dir, "out", "default", "x.dashboard.json")]);
    expect(await readFile(join(dir, "out", "shop", "checkout.rules.yaml"), "utf8")).toBe("groups: []\n");
    expect(await readdir(join(dir, "out", "shop"))).toEqual(["checkout.rules.yaml"]);
  });

  it("replaces an existing file", async () => {
    await writeFile(join(dir, "f.yaml"), "old content that is longer\n");
    await writeFileAtomic(join(dir, "f.yaml"), "new\n");
    expect(await readFile(join(dir, "f.yaml"), "utf8")).toBe("new\n");
  });

  it("refuses paths that leave the output folder", async () => {
    await expect(writeOutputs(dir, [{ path: "../escape.yaml", content: "" }])).rejects.toBeInstanceOf(WriteOutputError);
  });

  it("throws a typed error with the cause when the folder cannot be created", async () => {
    await writeFile(join(dir, "file"), "");
    const failure = await writeFileAtomic(join(dir, "file", "sub", "x.yaml"), "").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WriteOutputError);
    expect((failure as WriteOutputError).cause).toMatchObject({ code: "ENOTDIR" });
    expect(await readdir(dir)).toEqual(["file"]);
  });
});
