// Lint configuration. The important rule is the last block: operator/src/compile/ is the pure
// core and must not reach the outside world, so the same compiler runs in the CLI, the operator
// and the Pulumi program with time and inputs passed in as values.
import tseslint from "typescript-eslint";

const ioModules = [
  "fs", "fs/promises", "path", "http", "https", "http2", "net", "tls", "dgram", "dns", "child_process",
  "cluster", "worker_threads", "os", "process", "readline", "timers", "timers/promises", "stream", "vm",
];

const ioPaths = ioModules.flatMap((m) => [m, `node:${m}`]).map((name) => ({
  name, message: "compile/ is pure: pass data in, do I/O in adapters/.",
}));
const layerPattern = {
  group: ["**/adapters/**", "**/controller/**", "**/cli/**"],
  message: "compile/ must not depend on adapters, controller or the CLI.",
};
const apiPattern = { group: ["**/api/**"], message: "generators work on compile/model.ts, not on the CRD types." };

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "build/", "coverage/", ".scratch/", "**/*.js", "!eslint.config.js"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // The report renderers are pure too: data and the time of the report in, text out.
    files: ["operator/src/compile/**/*.ts", "operator/src/report/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { paths: ioPaths, patterns: [layerPattern] }],
      "no-restricted-globals": ["error",
        { name: "process", message: "compile/ is pure: no process.env or argv." },
        { name: "fetch", message: "compile/ is pure: no network." },
        { name: "setTimeout", message: "compile/ is pure: no timers." },
        { name: "setInterval", message: "compile/ is pure: no timers." },
      ],
      "no-restricted-syntax": ["error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "compile/ is pure: take the time as a parameter." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "compile/ is pure: take the time as a parameter." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "compile/ is pure: no randomness." },
        { selector: "MemberExpression[object.name='Temporal'][property.name='Now']", message: "compile/ is pure: take the time as a parameter." },
        { selector: "CallExpression[callee.property.name='nextRun'][arguments.length=0]", message: "compile/ is pure: give croner the instant to start from." },
      ],
    },
  },
  {
    // The model is the core's own vocabulary; the CRD shape stays at the edge (validate/normalize).
    files: ["operator/src/compile/model.ts", "operator/src/compile/rules.ts", "operator/src/compile/tests.ts", "operator/src/compile/dashboards.ts", "operator/src/compile/budget/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { paths: ioPaths, patterns: [layerPattern, apiPattern] }],
    },
  },
);
