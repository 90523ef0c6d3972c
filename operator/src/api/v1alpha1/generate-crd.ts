// Writes what is generated from the schema: the CRD into crds/ and into the Helm chart's crds/,
// and the validator module of the compiler. Run: npm run crds.
import { writeFileSync } from "node:fs";
import { renderCrdYaml, crdPaths } from "./crd-file.js";
import { renderValidatorModule, validatorPath } from "./validator-file.js";

for (const path of crdPaths) {
  writeFileSync(path, renderCrdYaml());
  console.log(`wrote ${path}`);
}
writeFileSync(validatorPath, renderValidatorModule());
console.log(`wrote ${validatorPath}`);
