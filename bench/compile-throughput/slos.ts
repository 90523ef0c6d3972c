// The same N one-objective SLOs for both tools: Sloth's getting-started SLO (read at run time from
// ../shared/anchors/sloth, never copied) with its service renamed per SLO, and the
// ServiceLevelAgreement that says the same thing (target, indicator, rolling 30 days, the Google
// Workbook's 30-day alert windows, which are both tools' defaults).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { subjectRoot } from "../support/checkouts.js";

/** Sloth's example, from the anchors folder next to the repository (or next to its worktrees' folder). */
function slothExample(): string {
  const candidates = [process.env["SLO_ANCHORS_DIR"], join(subjectRoot, "../shared/anchors"), join(subjectRoot, "../../shared/anchors")];
  const found = candidates.filter((d): d is string => d !== undefined).map((d) => join(d, "sloth/examples/getting-started.yml")).find((f) => existsSync(f));
  if (!found) throw new Error("Sloth's getting-started.yml not found under ../shared/anchors: set SLO_ANCHORS_DIR to the anchors folder");
  return found;
}

interface SlothSpec {
  service: string;
  slos: { name: string; objective: number; sli: { events: { error_query: string; total_query: string } } }[];
}

/** Writes `count` Sloth specs into `slothDir` and the matching SLAs into `slaDir`, one file per SLO. */
export function writeSlos(count: number, slothDir: string, slaDir: string): void {
  const example = slothExample();
  const template = readFileSync(example, "utf8");
  mkdirSync(slothDir, { recursive: true });
  mkdirSync(slaDir, { recursive: true });
  for (let i = 1; i <= count; i++) {
    const service = `bench-${String(i).padStart(4, "0")}`;
    const sloth = template.replaceAll("myservice", service);
    writeFileSync(join(slothDir, `${service}.yaml`), sloth);
    const spec = parse(sloth) as SlothSpec;
    const slo = spec.slos[0];
    if (!slo) throw new Error(`${example} has no SLO`);
    const ours = (query: string) => query.replace("{{.window}}", "{{window}}");
    const sla = {
      apiVersion: "servicelevel.dev/v1alpha1",
      kind: "ServiceLevelAgreement",
      metadata: { name: service, namespace: "bench" },
      spec: {
        service,
        owner: "myteam",
        period: { rolling: "30d" },
        objectives: [{ name: slo.name, target: slo.objective, indicator: { ratio: { errors: ours(slo.sli.events.error_query), total: ours(slo.sli.events.total_query) } } }],
      },
    };
    writeFileSync(join(slaDir, `${service}.yaml`), stringify(sla));
  }
}
