// Where the generated CRD lives and how it is rendered, shared by the generator and its test.
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { serviceLevelAgreementCrd } from "./crd.js";

const fileName = "servicelevel.dev_servicelevelagreements.yaml";
export const crdPath = fileURLToPath(new URL(`../../../../crds/${fileName}`, import.meta.url));
/** Every committed copy: the repository's crds/ and the Helm chart's, which Helm installs. */
export const crdPaths = [crdPath, fileURLToPath(new URL(`../../../../charts/servicelevel-operator/crds/${fileName}`, import.meta.url))];

/** The CRD as YAML with a do-not-edit header. */
export function renderCrdYaml(): string {
  return "# Generated from operator/src/api/v1alpha1/schema.ts by `npm run crds`. Do not edit.\n" +
    stringify(serviceLevelAgreementCrd(), { lineWidth: 0 });
}
