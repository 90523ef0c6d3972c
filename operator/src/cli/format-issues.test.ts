import { describe, expect, it } from "vitest";
import type { SourceIssue } from "../adapters/fs/yaml-documents.js";
import { escapeData, escapeProperty, formatIssues } from "./format-issues.js";

const target: SourceIssue = {
  file: "slas/checkout.yaml", line: 12, column: 15, path: ["spec", "objectives", 1, "target"], code: "schema", severity: "error",
  message: "expected a number below 100, found 100.5",
};
const fileProblem: SourceIssue = { file: "slas/empty.yaml", line: 1, column: 1, path: [], code: "empty", severity: "error", message: "file is empty: expected a ServiceLevelAgreement" };
const warning: SourceIssue = { ...target, path: ["spec", "objectives", 0, "target"], code: "tier-never-fires", severity: "warning", message: "that tier will never fire" };

describe("text format", () => {
  it("prints file:line:col: path: message, one issue per line", () => {
    expect(formatIssues([target, fileProblem], "text")).toBe(
      "slas/checkout.yaml:12:15: spec.objectives[1].target: expected a number below 100, found 100.5\n" +
      "slas/empty.yaml:1:1: file is empty: expected a ServiceLevelAgreement\n");
  });

  it("marks warnings and keeps multi-line messages on one line", () => {
    expect(formatIssues([{ ...warning, message: "a\nb" }], "text")).toBe("slas/checkout.yaml:12:15: spec.objectives[0].target: warning: a b\n");
  });

  it("prints nothing for no issues", () => {
    expect(formatIssues([], "text")).toBe("");
  });
});

describe("json format", () => {
  it("prints an array of records with the path as kubectl writes it", () => {
    expect(JSON.parse(formatIssues([target, fileProblem], "json"))).toEqual([
      { file: "slas/checkout.yaml", line: 12, column: 15, path: "spec.objectives[1].target", code: "schema", severity: "error", message: "expected a number below 100, found 100.5" },
      { file: "slas/empty.yaml", line: 1, column: 1, path: "", code: "empty", severity: "error", message: "file is empty: expected a ServiceLevelAgreement" },
    ]);
    expect(formatIssues([], "json")).toBe("[]\n");
  });
});

describe("github format", () => {
  it("prints workflow commands with file, line, col and the path as title", () => {
    expect(formatIssues([target, warning], "github")).toBe(
      "::error file=slas/checkout.yaml,line=12,col=15,title=spec.objectives[1].target::expected a number below 100, found 100.5\n" +
      "::warning file=slas/checkout.yaml,line=12,col=15,title=spec.objectives[0].target::that tier will never fire\n");
  });

  it("uses the code as title when there is no path", () => {
    expect(formatIssues([fileProblem], "github")).toContain("title=empty::");
  });

  it("escapes properties and data as @actions/core does", () => {
    expect(escapeData("100% done\r\nnext: a,b")).toBe("100%25 done%0D%0Anext: a,b");
    expect(escapeProperty("a:b,c%d\ne")).toBe("a%3Ab%2Cc%25d%0Ae");
    const line = formatIssues([{ ...target, file: "odd,name:1.yaml", message: "50%\nmore" }], "github");
    expect(line).toBe("::error file=odd%2Cname%3A1.yaml,line=12,col=15,title=spec.objectives[1].target::50%25%0Amore\n");
  });
});
