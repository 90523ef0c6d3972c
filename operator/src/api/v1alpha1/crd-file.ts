// Where the generated CRD lives and how it is rendered, shared by the generator and its test.
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { serviceLevelAgreementCrd } from "./crd.js";

export const crdPath = fileURLToPath(new URL("../../../../crds/servicelevel.dev_servicelevelagreements.yaml", import.meta.url));

/** The CRD as YAML with a do-not-edit header. */
export function renderCrdYaml(): string {
  return "# Generated from operator/src/api/v1alpha1/schema.ts by `npm run crds`. Do not edit.\n" +
    stringify(serviceLevelAgreementCrd(), { lineWidth: 0 });
}
