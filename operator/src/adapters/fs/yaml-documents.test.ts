import { mkdtemp, mkdir, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeText, maxFileBytes, parseSource, readSource, readSourceText, tooDeepAt, type SourceDocument } from "./yaml-documents.js";

/** The only document of a text, failing the test when there is not exactly one. */
function only(text: string): SourceDocument {
  const source = parseSource("t.yaml", text);
  expect(source.documents).toHaveLength(1);
  return source.documents[0]!;
}

const sla = [
  /*  1 */ "apiVersion: servicelevel.dev/v1alpha1",
  /*  2 */ "kind: ServiceLevelAgreement",
  /*  3 */ "metadata: {name: checkout, namespace: shop}",
  /*  4 */ "spec:",
  /*  5 */ "  service: checkout",
  /*  6 */ "  labels: {region: eu-west-1, '1': one}",
  /*  7 */ "  period:",
  /*  8 */ "    rolling: 30d",
  /*  9 */ "  objectives:",
  /* 10 */ "    - name: availability",
  /* 11 */ "      target: 99.9",
  /* 12 */ "    - name: latency",
  /* 13 */ "      target: 100.5",
  /* 14 */ "      indicator:",
  /* 15 */ "        latency: {histogram: h, selector: {job: checkout}, threshold: 300ms}",
  /* 16 */ "  dashboard: {filters: [region, team]}",
  /* 17 */ "  owner:",
  "",
].join("\n");

describe("locating an issue path", () => {
  const document = only(sla);

  it("points at a scalar value in a block map", () => {
    expect(document.locate(["spec", "objectives", 1, "target"])).toEqual({ line: 13, column: 15 });
    expect(document.locate(["kind"])).toEqual({ line: 2, column: 7 });
  });

  it("points into flow maps, also nested in block maps", () => {
    expect(document.locate(["metadata", "namespace"])).toEqual({ line: 3, column: 39 });
    expect(document.locate(["spec", "objectives", 1, "indicator", "latency", "selector", "job"])).toEqual({ line: 15, column: 49 });
    expect(document.locate(["spec", "objectives", 1, "indicator", "latency", "threshold"])).toEqual({ line: 15, column: 71 });
  });

  it("points at sequence items, block and flow", () => {
    expect(document.locate(["spec", "objectives", 1])).toEqual({ line: 12, column: 7 });
    expect(document.locate(["spec", "objectives", 0, "name"])).toEqual({ line: 10, column: 13 });
    expect(document.locate(["spec", "dashboard", "filters", 1])).toEqual({ line: 16, column: 33 });
    expect(document.locate(["spec", "dashboard", "filters"])).toEqual({ line: 16, column: 24 });
  });

  it("matches numeric path segments against map keys", () => {
    expect(document.locate(["spec", "labels", 1])).toEqual({ line: 6, column: 36 });
  });

  it("points at the key of a block collection, which starts on the next line", () => {
    expect(document.locate(["spec", "period"])).toEqual({ line: 7, column: 3 });
    expect(document.locate(["spec", "objectives"])).toEqual({ line: 9, column: 3 });
  });

  it("points at the key of an empty value", () => {
    expect(document.locate(["spec", "owner"])).toEqual({ line: 17, column: 3 });
  });

  it("points at the closest existing parent's key when a key is missing", () => {
    expect(document.locate(["spec", "objectives", 0, "indicator", "ratio"])).toEqual({ line: 10, column: 7 });
    expect(document.locate(["spec", "alerting", "burnRates"])).toEqual({ line: 4, column: 1 });
    expect(document.locate(["spec", "period", "calendar"])).toEqual({ line: 7, column: 3 });
    expect(document.locate(["spec", "objectives", 7])).toEqual({ line: 9, column: 3 });
    expect(document.locate(["status"])).toEqual({ line: 1, column: 1 });
  });

  it("stops at a scalar that the path tries to enter", () => {
    expect(document.locate(["spec", "service", "name"])).toEqual({ line: 5, column: 12 });
  });

  it("points at the document for the empty path", () => {
    expect(document.locate([])).toEqual({ line: 1, column: 1 });
  });

  it("points at an alias where it is used, not where its anchor is", () => {
    const aliased = only("base: &b {job: x}\nselector: *b\n");
    expect(aliased.locate(["selector", "job"])).toEqual({ line: 2, column: 11 });
  });
});

describe("multi-document files", () => {
  const text = [
    /*  1 */ "# two SLAs",
    /*  2 */ "kind: A",
    /*  3 */ "spec: {target: 1}",
    /*  4 */ "---",
    /*  5 */ "---",
    /*  6 */ "# the third document",
    /*  7 */ "kind: B",
    /*  8 */ "spec:",
    /*  9 */ "  target: 2",
    /* 10 */ "---",
    /* 11 */ "kind: [unclosed",
    "",
  ].join("\n");
  const source = parseSource("multi.yaml", text);

  it("skips empty documents but keeps each document's index in the file", () => {
    expect(source.documents.map((d) => d.index)).toEqual([0, 2, 3]);
    expect(source.documents[0]!.value).toEqual({ kind: "A", spec: { target: 1 } });
    expect(source.documents[1]!.value).toEqual({ kind: "B", spec: { target: 2 } });
  });

  it("gives line numbers of the whole file, not of the document", () => {
    expect(source.documents[0]!.locate(["spec", "target"])).toEqual({ line: 3, column: 16 });
    expect(source.documents[1]!.locate(["spec", "target"])).toEqual({ line: 9, column: 11 });
    expect(source.documents[1]!.locate(["kind"])).toEqual({ line: 7, column: 7 });
  });

  it("reports a syntax error of a later document at its line in the file", () => {
    const third = source.documents[2]!;
    expect(third.issues.length).toBeGreaterThan(0);
    expect(third.issues[0]).toMatchObject({ file: "multi.yaml", line: 12, column: 1, code: "yaml-syntax", severity: "error" });
    expect(third.issues[0]!.message).toMatch(/^YAML syntax error: flow sequence/);
  });
});

describe("parsing problems become issues", () => {
  it("reports errors at the right line in files with bare CR or CRLF line endings", () => {
    for (const ending of ["\r", "\r\n"]) {
      const document = only(["a: 1", "spec:", "  target: 1", '  "target": 2', ""].join(ending));
      expect(document.issues, JSON.stringify(ending)).toEqual([expect.objectContaining({ line: 4, column: 3, code: "yaml-syntax" })]);
      expect(document.locate(["spec", "target"])).toEqual({ line: 3, column: 11 });
    }
  });

  it("names a duplicate key at its second occurrence", () => {
    const document = only("a: 1\nspec:\n  target: 1\n  \"target\": 2\n");
    expect(document.issues).toEqual([
      expect.objectContaining({ line: 4, column: 3, code: "yaml-syntax", message: 'duplicate key "target": each key may appear only once in a map' }),
    ]);
  });

  it("refuses an alias bomb instead of expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (const name of "bcdefg") levels.push(`${name}: &${name} [${Array(10).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(", ")}]`);
    const document = only(`${levels.join("\n")}\n`);
    expect(document.value).toBeUndefined();
    expect(document.issues).toEqual([expect.objectContaining({ line: 1, column: 1, code: "yaml-alias", severity: "error" })]);
    expect(document.issues[0]!.message).toContain("alias bomb");
  });

  it("refuses, unparsed, a file nested deeper than any SLA", () => {
    const flow = parseSource("deep.yaml", `# deep\na: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
    expect(flow).toEqual({ file: "deep.yaml", documents: [], issues: [expect.objectContaining({ line: 2, column: 103, code: "too-deep" })] });
    const block = parseSource("deep.yaml", Array.from({ length: 200 }, (_, i) => `${" ".repeat(i)}k:`).join("\n"));
    expect(block.issues).toEqual([expect.objectContaining({ line: 101, column: 101, code: "too-deep" })]);
    const compact = parseSource("deep.yaml", `${"- ".repeat(150)}x\n`);
    expect(compact.issues).toEqual([expect.objectContaining({ line: 1, code: "too-deep" })]);
  });

  it("does not count brackets in quotes or comments, or balanced ones, as nesting", () => {
    const text = Array.from({ length: 300 }, (_, i) => `k${i}: {a: "[[[{", b: '[{''[', c: [x]} # [[[[`).join("\n");
    expect(tooDeepAt(text)).toBeUndefined();
    expect(parseSource("ok.yaml", text).documents).toHaveLength(1);
    expect(tooDeepAt(`a: ${"[".repeat(99)}${"]".repeat(99)}`)).toBeUndefined();
    expect(tooDeepAt(`a: ${"[".repeat(100)}${"]".repeat(100)}`)).toEqual({ line: 1, column: 103 });
  });

  it("reports tabs used as indentation", () => {
    const document = only("spec:\n\tservice: x\n");
    expect(document.issues[0]).toMatchObject({ line: 2, code: "yaml-syntax" });
  });

  it("treats comment-only and empty texts as files without documents", () => {
    expect(parseSource("e.yaml", "").documents).toEqual([]);
    expect(parseSource("e.yaml", "# nothing here\n---\n").documents).toEqual([]);
    expect(parseSource("e.yaml", "").issues).toEqual([]);
  });

  it("keeps an explicit null as a document", () => {
    expect(only("~\n").value).toBeNull();
  });

  it("reports unknown tags as warnings and still loads the document", () => {
    const document = only("a: !custom b\n");
    expect(document.value).toEqual({ a: "b" });
    expect(document.issues).toEqual([expect.objectContaining({ line: 1, column: 4, severity: "warning" })]);
  });

  it("caps the number of syntax errors of one file", () => {
    const source = parseSource("bad.yaml", Array.from({ length: 60 }, (_, i) => `k${i}: [\n`).join("---\n"));
    const shown = source.documents.flatMap((d) => d.issues).filter((i) => i.code === "yaml-syntax");
    expect(shown.length).toBe(20);
    expect(source.issues).toEqual([expect.objectContaining({ code: "yaml-syntax", message: expect.stringMatching(/^\d+ more YAML syntax error\(s\) not shown$/) })]);
  });
});

describe("decoding bytes", () => {
  it("rejects binary content", () => {
    const result = decodeText("x.yaml", new Uint8Array([0x61, 0x3a, 0x00, 0x01]));
    expect(result).toEqual({ ok: false, issue: expect.objectContaining({ code: "binary", message: expect.stringContaining("NUL byte at offset 2") }) });
  });

  it("rejects invalid UTF-8", () => {
    const result = decodeText("x.yaml", new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe]));
    expect(result).toEqual({ ok: false, issue: expect.objectContaining({ code: "binary", message: expect.stringContaining("not valid UTF-8") }) });
  });

  it("drops a byte order mark so columns count from the first character", () => {
    const result = decodeText("x.yaml", new TextEncoder().encode("\uFEFFa: 1\n"));
    expect(result).toEqual({ ok: true, text: "a: 1\n" });
  });
});

describe("reading files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "slactl-yaml-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("rejects a file over the size cap without reading it", async () => {
    const file = join(dir, "huge.yaml");
    await writeFile(file, "");
    await truncate(file, maxFileBytes + 1);
    const result = await readSourceText(file);
    expect(result).toEqual({ ok: false, issue: expect.objectContaining({ code: "file-too-large", line: 1, column: 1 }) });
    expect(!result.ok && result.issue.message).toMatch(/more than the limit of 5\.0 MiB; it was not read/);
  });

  it("stops reading a stream without a size at the cap", async () => {
    const result = await readSourceText("/dev/zero");
    expect(result).toEqual({ ok: false, issue: expect.objectContaining({ code: "file-too-large", message: "file is more than the limit of 5.0 MiB; it was not parsed" }) });
  });

  it("reports a missing file and a folder as read problems", async () => {
    expect(await readSourceText(join(dir, "nope.yaml"))).toEqual({ ok: false, issue: expect.objectContaining({ code: "read", message: "cannot read the file: no such file" }) });
    await mkdir(join(dir, "sub.yaml"));
    expect(await readSourceText(join(dir, "sub.yaml"))).toEqual({ ok: false, issue: expect.objectContaining({ code: "read" }) });
  });

  it("reads and parses a file", async () => {
    const file = join(dir, "ok.yaml");
    await writeFile(file, "a: 1\n---\nb: 2\n");
    const source = await readSource(file);
    expect(source.issues).toEqual([]);
    expect(source.documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
