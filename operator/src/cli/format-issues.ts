// Renders located issues for people (text), for programs (json) and for GitHub Actions, whose
// workflow commands turn each line into an annotation on the pull request's diff.
import { formatPath } from "../compile/index.js";
import type { SourceIssue } from "../adapters/fs/yaml-documents.js";

export const outputFormats = ["text", "json", "github"] as const;
export type OutputFormat = (typeof outputFormats)[number];

export const isOutputFormat = (value: string): value is OutputFormat => (outputFormats as readonly string[]).includes(value);

/** One issue as the json format prints it. */
export interface IssueRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
}

/** The issues in a format; text and github end with a newline unless there are none. */
export function formatIssues(issues: readonly SourceIssue[], format: OutputFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(issues.map(toRecord), null, 2)}\n`;
    case "github":
      return issues.map((i) => `${githubAnnotation(i)}\n`).join("");
    case "text":
      return issues.map((i) => `${textLine(i)}\n`).join("");
  }
}

export const toRecord = (issue: SourceIssue): IssueRecord => ({
  file: issue.file,
  line: issue.line,
  column: issue.column,
  path: formatPath(issue.path),
  code: issue.code,
  severity: issue.severity,
  message: issue.message,
});

/** file:line:col: spec.objectives[1].target: message, as compilers print it so editors can jump. */
export function textLine(issue: SourceIssue): string {
  const path = formatPath(issue.path);
  return `${issue.file}:${issue.line}:${issue.column}: ${path ? `${path}: ` : ""}${issue.severity === "warning" ? "warning: " : ""}${oneLine(issue.message)}`;
}

/** ::error file=F,line=L,col=C,title=T::message, escaped as @actions/core escapes it. */
export function githubAnnotation(issue: SourceIssue): string {
  const properties = [
    ["file", issue.file],
    ["line", String(issue.line)],
    ["col", String(issue.column)],
    ["title", formatPath(issue.path) || issue.code],
  ].map(([key, value]) => `${key}=${escapeProperty(value ?? "")}`).join(",");
  return `::${issue.severity === "warning" ? "warning" : "error"} ${properties}::${escapeData(issue.message)}`;
}

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
export const escapeData = (text: string): string => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
export const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

const oneLine = (text: string): string => text.replace(/\r?\n/g, " ");
