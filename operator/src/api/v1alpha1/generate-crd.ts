// Writes crds/servicelevel.dev_servicelevelagreements.yaml from the schema. Run: npm run crds.
import { writeFileSync } from "node:fs";
import { renderCrdYaml, crdPath } from "./crd-file.js";

writeFileSync(crdPath, renderCrdYaml());
console.log(`wrote ${crdPath}`);
