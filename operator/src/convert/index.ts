// The importers' public surface: documents of Sloth, Pyrra and OpenSLO in, ServiceLevelAgreements
// and located issues out. Each document's format is detected unless one is forced; a document of
// no known format is an error, never skipped. Pure: the CLI reads the files.
import { isObject, Issues, type ConvertDocument, type ConvertResult, type ImportedSla, type SourceFormat } from "./common.js";
import { convertOpenSlo } from "./openslo.js";
import { isOpenSloDocument } from "./openslo-check.js";
import { convertPyrra, isPyrraDocument } from "./pyrra.js";
import { convertSloth, isSlothAlertWindows, isSlothDocument, readAlertWindows, type SlothWindows } from "./sloth.js";

export type { ConvertDocument, ConvertResult, ImportedSla, SourceFormat } from "./common.js";
export { sourceFormats } from "./common.js";
export { exportOpenSlo, type ExportResult } from "./openslo-export.js";

export interface ImportOptions {
  /** Read every document as this format instead of detecting it. */
  readonly from?: SourceFormat;
  /** The SLO period of Sloth specs (Sloth's --default-slo-period); default 30d. */
  readonly slothPeriod?: string;
}

/** The format a document is written in, or undefined when it is none of the three. */
export function detectFormat(value: unknown): SourceFormat | undefined {
  if (isSlothDocument(value)) return "sloth";
  if (isPyrraDocument(value)) return "pyrra";
  if (isOpenSloDocument(value)) return "openslo";
  return undefined;
}

/** A document that is a YAML list of objects (as OpenSLO's SDK writes them) becomes one document per item. */
export function splitLists(documents: readonly ConvertDocument[]): ConvertDocument[] {
  return documents.flatMap((d) => (Array.isArray(d.value)
    ? d.value.map((item, i) => ({ file: d.file, base: [...d.base, i], value: item, locate: d.locate }))
    : [d]));
}

/** Converts the documents of one import; all of them are seen together so references resolve across files. */
export function importDocuments(input: readonly ConvertDocument[], options: ImportOptions = {}): ConvertResult {
  const issues = new Issues();
  const documents = splitLists(input);
  const byFormat: Record<SourceFormat, ConvertDocument[]> = { sloth: [], pyrra: [], openslo: [] };
  for (const document of documents) {
    const detected = detectFormat(document.value);
    const format = options.from ?? detected;
    if (!format || (options.from && detected !== options.from)) {
      const what = isObject(document.value)
        ? `apiVersion ${JSON.stringify(document.value["apiVersion"] ?? document.value["version"]) ?? "none"}, kind ${JSON.stringify(document.value["kind"]) ?? "none"}`
        : "not a map";
      issues.error(document, [], "format", options.from
        ? `expected a ${options.from} document, found ${detected ? `a ${detected} document` : `something else (${what})`}`
        : `not a Sloth, Pyrra or OpenSLO document (${what}); give --from to say which format it is in`);
      continue;
    }
    byFormat[format].push(document);
  }
  const slas: ImportedSla[] = [];
  const windows = new Map<string, SlothWindows>();
  for (const document of byFormat.sloth.filter((d) => isSlothAlertWindows(d.value))) {
    const read = readAlertWindows(issues, document);
    if (!read) continue;
    if (windows.has(read.period)) {
      issues.error(document, ["spec", "sloPeriod"], "sloth-windows", `AlertWindows for ${read.period} are already given in ${windows.get(read.period)!.file}`);
      continue;
    }
    windows.set(read.period, read);
  }
  const slothPeriod = options.slothPeriod ?? "30d";
  for (const document of byFormat.sloth.filter((d) => !isSlothAlertWindows(d.value))) {
    slas.push(...convertSloth(issues, document, { period: slothPeriod, windows }));
  }
  for (const document of byFormat.pyrra) slas.push(...convertPyrra(issues, document));
  slas.push(...convertOpenSlo(issues, byFormat.openslo.map((document) => ({ document }))));
  // Two sources that give the same SLA name would overwrite each other: the later one is an error.
  const seen = new Map<string, ImportedSla>();
  const unique: ImportedSla[] = [];
  for (const sla of slas) {
    const k = `${sla.sla.metadata.namespace ?? "default"}/${sla.sla.metadata.name}`;
    const first = seen.get(k);
    if (first) {
      issues.error(sla.origin.document, sla.origin.path, "duplicate-sla",
        `this would be SLA ${k}, which ${first.sources[0]?.file ?? "another input"}:${first.sources[0]?.line ?? 1} already gives; rename one of the services`);
      continue;
    }
    seen.set(k, sla);
    unique.push(sla);
  }
  return { slas: unique, issues: issues.list };
}
