// Writes the CRD from the schema into crds/ and into the Helm chart's crds/. Run: npm run crds.
import { writeFileSync } from "node:fs";
import { renderCrdYaml, crdPaths } from "./crd-file.js";

for (const path of crdPaths) {
  writeFileSync(path, renderCrdYaml());
  console.log(`wrote ${path}`);
}
