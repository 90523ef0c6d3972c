// Generates the prometheus-operator `PrometheusRule` CustomResourceDefinition (monitoring.coreos.com/v1)
// from the schema that the dev dependency `@kubernetes-models/prometheus-operator` ships.
//
// That package does not ship its JSON schemas as data: it ships them compiled by Ajv into standalone
// validator modules (`_schemas/*.js`, one function per schema node, `$ref`s as calls into other
// modules). This file reads those modules with the TypeScript parser (never executes them) and turns
// every validator function back into the schema node it was compiled from: the error objects it can
// produce carry the keyword and its parameters (`type`, `required`, `pattern`, `enum`, `minLength`,
// ...), and the calls it makes name the child schema of each property, of the array items, of the
// map values, or the `$ref`/`oneOf` targets. The `$ref`s are resolved by inlining, and the result is
// made structural for the apiserver (see `toStructural`).
//
// Any construct this reader does not know makes it throw, so a new version of the package that
// compiles its schemas differently fails loudly instead of producing a weaker CRD.
//
// Run `npx tsx test/controlplane/prometheusrule-crd.ts [--json]` to print the CRD.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { stringify as toYaml } from "yaml";

export interface SchemaNode {
  type?: string;
  nullable?: boolean;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  multipleOf?: number;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  "x-kubernetes-int-or-string"?: boolean;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
}

const PACKAGE = "@kubernetes-models/prometheus-operator";
const ROOT_SCHEMA = "_schemas/ComGithubPrometheusOperatorPrometheusOperatorPkgApisMonitoringV1PrometheusRule.js";

/** Formats the apiserver understands (k8s.io/kube-openapi/pkg/validation/strfmt); others are dropped. */
const KUBERNETES_FORMATS = new Set([
  "bsonobjectid", "uri", "email", "hostname", "ipv4", "ipv6", "cidr", "mac", "uuid", "uuid3", "uuid4", "uuid5",
  "isbn", "isbn10", "isbn13", "creditcard", "ssn", "hexcolor", "rgbcolor", "byte", "password", "date", "duration",
  "datetime", "date-time", "int32", "int64", "float", "double",
]);

/** Walks up from `fromDir` like Node's resolver and returns the folder of package `name`. */
function findPackageDir(name: string, fromDir: string): string {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find package ${name} from ${fromDir}`);
    dir = parent;
  }
}

function resolveImport(spec: string, importerFile: string): string {
  const importerDir = dirname(importerFile);
  let base: string;
  if (spec.startsWith(".")) {
    base = resolvePath(importerDir, spec);
  } else {
    const parts = spec.split("/");
    const pkgName = spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? spec);
    const rest = parts.slice(spec.startsWith("@") ? 2 : 1).join("/");
    base = join(findPackageDir(pkgName, importerDir), rest);
  }
  for (const file of [base, `${base}.js`]) {
    if (existsSync(file) && file.endsWith(".js")) return file;
  }
  throw new Error(`cannot resolve ${spec} imported from ${importerFile}`);
}

interface ParsedModule {
  file: string;
  source: ts.SourceFile;
  functions: Map<string, ts.FunctionDeclaration>;
  imports: Map<string, string>; // local validator name -> resolved module file
  consts: Map<string, ts.Expression>;
  exported: string; // local name of `export const validate = ...`
}

const VALIDATOR_NAME = /^validate\d+$/;

class AjvStandaloneReader {
  private readonly modules = new Map<string, ParsedModule>();
  private readonly memo = new Map<string, SchemaNode>();
  private readonly inProgress = new Set<string>();

  read(file: string): SchemaNode {
    const mod = this.module(file);
    return this.fn(mod, mod.exported);
  }

  private module(file: string): ParsedModule {
    const cached = this.modules.get(file);
    if (cached) return cached;
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
    const mod: ParsedModule = { file, source, functions: new Map(), imports: new Map(), consts: new Map(), exported: "" };
    for (const st of source.statements) {
      if (ts.isFunctionDeclaration(st) && st.name) {
        mod.functions.set(st.name.text, st);
      } else if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
        const bindings = st.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) {
          for (const el of bindings.elements) {
            if ((el.propertyName?.text ?? el.name.text) === "validate") {
              mod.imports.set(el.name.text, resolveImport(st.moduleSpecifier.text, file));
            }
          }
        }
      } else if (ts.isVariableStatement(st)) {
        const exported = st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
        for (const decl of st.declarationList.declarations) {
          if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
          if (exported && decl.name.text === "validate" && ts.isIdentifier(decl.initializer)) {
            mod.exported = decl.initializer.text;
          } else {
            mod.consts.set(decl.name.text, decl.initializer);
          }
        }
      }
    }
    if (!mod.exported) throw new Error(`${file}: no "export const validate = validateN"`);
    this.modules.set(file, mod);
    return mod;
  }

  /** Schema of validator `name` as seen from module `mod` (local function or imported module). */
  private fn(mod: ParsedModule, name: string): SchemaNode {
    const imported = mod.imports.get(name);
    if (imported) return this.read(imported);
    const key = `${mod.file}#${name}`;
    const done = this.memo.get(key);
    if (done) return done;
    if (this.inProgress.has(key)) throw new Error(`recursive schema at ${key}: not supported in a structural CRD`);
    const decl = mod.functions.get(name);
    if (!decl?.body) throw new Error(`${mod.file}: validator ${name} not found`);
    this.inProgress.add(key);
    const node = this.decompile(mod, decl);
    this.inProgress.delete(key);
    this.memo.set(key, node);
    return node;
  }

  private fail(mod: ParsedModule, at: ts.Node, what: string): never {
    const { line } = mod.source.getLineAndCharacterOfPosition(at.getStart());
    throw new Error(`${mod.file}:${line + 1}: ${what}: ${at.getText().slice(0, 200)}`);
  }

  private literal(mod: ParsedModule, expr: ts.Expression): unknown {
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
    if (ts.isNumericLiteral(expr)) return Number(expr.text);
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(expr.operand)) {
      return -Number(expr.operand.text);
    }
    if (expr.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (expr.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (expr.kind === ts.SyntaxKind.NullKeyword) return null;
    if (ts.isArrayLiteralExpression(expr)) return expr.elements.map((e) => this.literal(mod, e));
    if (ts.isObjectLiteralExpression(expr)) {
      const out: Record<string, unknown> = {};
      for (const p of expr.properties) {
        if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
          this.fail(mod, p, "unsupported literal property");
        }
        out[p.name.text] = this.literal(mod, p.initializer);
      }
      return out;
    }
    if (ts.isIdentifier(expr)) {
      const init = mod.consts.get(expr.text);
      if (init) return this.literal(mod, init);
    }
    return this.fail(mod, expr, "not a literal");
  }

  private decompile(mod: ParsedModule, decl: ts.FunctionDeclaration): SchemaNode {
    const node: SchemaNode = {};
    const refs: SchemaNode[] = [];
    let combinator: "oneOf" | "anyOf" | undefined;

    const visit = (n: ts.Node): void => {
      if (ts.isObjectLiteralExpression(n) && n.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "keyword")) {
        this.errorObject(mod, n, node, (c) => { combinator = c; });
        return;
      }
      if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || n.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken)) {
        const sides = [n.left, n.right];
        if (sides.some((s) => s.kind === ts.SyntaxKind.NullKeyword) && sides.some((s) => ts.isIdentifier(s) && s.text === "data")) {
          node.nullable = true;
        }
      }
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && VALIDATOR_NAME.test(n.expression.text)) {
        this.call(mod, n, n.expression.text, node, refs);
      }
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(decl.body as ts.Node, visit);

    if (combinator) {
      if (refs.length < 2) this.fail(mod, decl, `${combinator} with ${refs.length} alternatives`);
      node[combinator] = refs;
      return node;
    }
    for (const ref of refs) mergeInto(node, ref, `${mod.file}#${decl.name?.text ?? "?"}`);
    return node;
  }

  /** One Ajv error object `{instancePath, schemaPath, keyword, params}`: records its keyword on `node`. */
  private errorObject(mod: ParsedModule, obj: ts.ObjectLiteralExpression, node: SchemaNode, setCombinator: (c: "oneOf" | "anyOf") => void): void {
    const ip = obj.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "instancePath");
    if (!ip || !ts.isShorthandPropertyAssignment(ip)) {
      this.fail(mod, obj, "error object for a nested instance path (inlined subschema) is not supported");
    }
    let keyword: string | undefined;
    let params: Record<string, unknown> = {};
    for (const p of obj.properties) {
      if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) continue;
      if (p.name.text === "keyword" && ts.isStringLiteral(p.initializer)) keyword = p.initializer.text;
      if (p.name.text === "params" && ts.isObjectLiteralExpression(p.initializer)) {
        for (const pp of p.initializer.properties) {
          if (ts.isPropertyAssignment(pp) && ts.isIdentifier(pp.name) && pp.name.text !== "passingSchemas") {
            params = { ...params, [pp.name.text]: this.literal(mod, pp.initializer) };
          }
        }
      }
    }
    const num = (k: string): number => {
      const v = params[k];
      if (typeof v !== "number") this.fail(mod, obj, `keyword ${keyword ?? "?"} without numeric ${k}`);
      return v;
    };
    const str = (k: string): string => {
      const v = params[k];
      if (typeof v !== "string") this.fail(mod, obj, `keyword ${keyword ?? "?"} without string ${k}`);
      return v;
    };
    switch (keyword) {
      case "type": {
        const t = str("type");
        if (node.type !== undefined && node.type !== t) this.fail(mod, obj, `two types ${node.type} and ${t}`);
        node.type = t;
        break;
      }
      case "required":
        node.required = [...(node.required ?? []), str("missingProperty")];
        break;
      case "enum": {
        const values = params["allowedValues"];
        if (!Array.isArray(values)) this.fail(mod, obj, "enum without allowedValues");
        node.enum = values;
        break;
      }
      case "const":
        node.enum = [params["allowedValue"]];
        break;
      case "pattern": node.pattern = str("pattern"); break;
      case "format": node.format = str("format"); break;
      case "minLength": node.minLength = num("limit"); break;
      case "maxLength": node.maxLength = num("limit"); break;
      case "minItems": node.minItems = num("limit"); break;
      case "maxItems": node.maxItems = num("limit"); break;
      case "minProperties": node.minProperties = num("limit"); break;
      case "maxProperties": node.maxProperties = num("limit"); break;
      case "multipleOf": node.multipleOf = num("multipleOf"); break;
      case "minimum": node.minimum = num("limit"); break;
      case "maximum": node.maximum = num("limit"); break;
      case "exclusiveMinimum": node.minimum = num("limit"); node.exclusiveMinimum = true; break;
      case "exclusiveMaximum": node.maximum = num("limit"); node.exclusiveMaximum = true; break;
      case "additionalProperties": node.additionalProperties = false; break;
      case "oneOf": case "anyOf": setCombinator(keyword); break;
      default:
        this.fail(mod, obj, `unsupported keyword ${keyword ?? "(none)"}`);
    }
  }

  /** A call `validateN(arg, {instancePath..., parentDataProperty...})`: a child schema or a $ref. */
  private call(mod: ParsedModule, call: ts.CallExpression, callee: string, node: SchemaNode, refs: SchemaNode[]): void {
    const [arg, opts] = call.arguments;
    if (!arg || !opts || !ts.isObjectLiteralExpression(opts)) this.fail(mod, call, "unexpected validator call");
    const child = this.fn(mod, callee);
    if (ts.isIdentifier(arg) && arg.text === "data") {
      refs.push(child); // same instance: a $ref (or a oneOf/anyOf alternative)
      return;
    }
    const pdp = opts.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "parentDataProperty");
    if (!pdp || !ts.isPropertyAssignment(pdp)) this.fail(mod, call, "validator call without parentDataProperty");
    const prop = pdp.initializer;
    if (ts.isStringLiteral(prop)) {
      node.properties = { ...(node.properties ?? {}), [prop.text]: child };
      return;
    }
    if (ts.isIdentifier(prop)) {
      let p: ts.Node | undefined = call.parent;
      while (p && !ts.isForInStatement(p) && !ts.isForStatement(p) && !ts.isFunctionDeclaration(p)) p = p.parent;
      if (p && ts.isForInStatement(p)) { node.additionalProperties = child; return; }
      if (p && ts.isForStatement(p)) { node.items = child; return; }
    }
    this.fail(mod, call, "cannot tell which child schema this call validates");
  }
}

function mergeInto(target: SchemaNode, src: SchemaNode, where: string): void {
  for (const [k, v] of Object.entries(src) as [keyof SchemaNode, unknown][]) {
    const cur = target[k];
    if (cur === undefined) {
      (target as Record<string, unknown>)[k] = v;
    } else if (k === "properties") {
      target.properties = { ...(cur as Record<string, SchemaNode>), ...(v as Record<string, SchemaNode>) };
    } else if (k === "required") {
      target.required = [...new Set([...(cur as string[]), ...(v as string[])])];
    } else if (k === "nullable") {
      target.nullable = Boolean(cur) && Boolean(v);
    } else if (JSON.stringify(cur) !== JSON.stringify(v)) {
      throw new Error(`${where}: conflicting ${k}: ${JSON.stringify(cur)} vs ${JSON.stringify(v)}`);
    }
  }
}

/**
 * Makes a schema node structural (what `apiextensions.k8s.io/v1` requires) while keeping every
 * validation it can express:
 * - `oneOf: [string, integer]` (IntOrString) becomes `x-kubernetes-int-or-string` with the
 *   `anyOf: [{type: integer}, {type: string}]` that controller-gen emits; any other oneOf/anyOf throws;
 * - `nullable` is dropped: kubernetes-models marks every optional field nullable so that TypeScript
 *   callers may pass `null`; the upstream CRD does not, and the apiserver prunes such nulls;
 * - formats unknown to the apiserver are dropped; `additionalProperties` next to `properties` is dropped;
 * - a node without a type keeps unknown fields (`x-kubernetes-preserve-unknown-fields`).
 */
export function toStructural(node: SchemaNode, path = ""): SchemaNode {
  const alts = node.oneOf ?? node.anyOf;
  if (alts) {
    const types = alts.map((a) => a.type).sort().join(",");
    if (types !== "integer,string") throw new Error(`${path || "/"}: oneOf/anyOf of ${types} has no structural form`);
    return { "x-kubernetes-int-or-string": true, anyOf: [{ type: "integer" }, { type: "string" }] };
  }
  const out: SchemaNode = {};
  if (node.type !== undefined) out.type = node.type;
  else out["x-kubernetes-preserve-unknown-fields"] = true;
  if (node.format !== undefined && KUBERNETES_FORMATS.has(node.format)) out.format = node.format;
  for (const k of ["enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "minItems", "maxItems", "minProperties", "maxProperties", "multipleOf"] as const) {
    if (node[k] !== undefined) (out as Record<string, unknown>)[k] = node[k];
  }
  if (node.properties) {
    out.properties = Object.fromEntries(
      Object.entries(node.properties).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, toStructural(v, `${path}/${k}`)]),
    );
  } else if (typeof node.additionalProperties === "object") {
    out.additionalProperties = toStructural(node.additionalProperties, `${path}/*`);
  }
  if (node.required && node.required.length > 0) out.required = [...node.required].sort();
  if (node.items) out.items = toStructural(node.items, `${path}/[]`);
  return out;
}

function packageDir(): string {
  return findPackageDir(PACKAGE, dirname(fileURLToPath(import.meta.url)));
}

/** The schema compiled into the package, `$ref`s resolved, not yet structural. */
export function prometheusRuleRawSchema(): SchemaNode {
  return new AjvStandaloneReader().read(join(packageDir(), ROOT_SCHEMA));
}

/** The `openAPIV3Schema` of the PrometheusRule CRD. */
export function prometheusRuleOpenAPISchema(): SchemaNode {
  const raw = prometheusRuleRawSchema();
  const schema = toStructural(raw);
  // ObjectMeta is validated by the apiserver itself; a CRD may only say `type: object` there.
  // apiVersion and kind are likewise checked by the apiserver (the package pins them with enums).
  schema.properties = {
    ...schema.properties,
    apiVersion: { type: "string" },
    kind: { type: "string" },
    metadata: { type: "object" },
  };
  schema.required = ["spec"];
  if (!schema.properties["spec"]) throw new Error("generated PrometheusRule schema has no spec");
  return schema;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageDir(), "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

/** The CustomResourceDefinition object (apiextensions.k8s.io/v1). */
export function prometheusRuleCrd(): Record<string, unknown> {
  const schema = prometheusRuleOpenAPISchema();
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: {
      name: "prometheusrules.monitoring.coreos.com",
      annotations: {
        "servicelevel.dev/generated-from": `${PACKAGE}@${packageVersion()} by test/controlplane/prometheusrule-crd.ts`,
      },
    },
    spec: {
      group: "monitoring.coreos.com",
      names: {
        categories: ["prometheus-operator"],
        kind: "PrometheusRule",
        listKind: "PrometheusRuleList",
        plural: "prometheusrules",
        shortNames: ["promrule"],
        singular: "prometheusrule",
      },
      scope: "Namespaced",
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: { openAPIV3Schema: schema },
          subresources: schema.properties?.["status"] ? { status: {} } : undefined,
        },
      ].map((v) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined))),
    },
  };
}

export function prometheusRuleCrdYaml(): string {
  return toYaml(prometheusRuleCrd(), { lineWidth: 0 });
}

const isMain = process.argv[1] !== undefined && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  process.stdout.write(process.argv.includes("--json") ? `${JSON.stringify(prometheusRuleCrd(), null, 2)}\n` : prometheusRuleCrdYaml());
}
