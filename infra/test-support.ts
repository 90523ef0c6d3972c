// Pulumi unit-test plumbing for the infra tests: mocks that record every resource registration,
// and helpers to look at the recorded inputs, where a Pulumi secret arrives as a wrapper object
// ({<sig>: <secret sig>, value}) rather than as its plain value.
//
// @pulumi/pulumi keeps its runtime state on a process global, so each test file calls setupMocks()
// before it declares anything, and imports a Pulumi program (a module with top-level resources)
// only afterwards, dynamically.
import * as pulumi from "@pulumi/pulumi";

/** One registerResource call seen by the mock monitor. */
export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  readonly provider: string;
}

/** The project and stack the tests run as; config keys are "<project>:<key>". */
export const testProject = "servicelevel-operator";
export const testStack = "test";

/** Installs recording mocks and the given stack config; returns the live list of registrations. */
export async function setupMocks(config: Readonly<Record<string, string>> = {}, secretKeys: readonly string[] = []): Promise<RecordedResource[]> {
  const recorded: RecordedResource[] = [];
  await pulumi.runtime.setMocks({
    newResource: (args: pulumi.runtime.MockResourceArgs) => {
      recorded.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown>, provider: args.provider ?? "" });
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call: (args: pulumi.runtime.MockCallArgs) => {
      throw new Error(`unexpected provider function call ${args.token}`);
    },
  }, testProject, testStack, false);
  const qualified = (key: string) => `${testProject}:${key}`;
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [qualified(k), v])), secretKeys.map(qualified));
  return recorded;
}

/** Resolves when every given resource has been registered with the (mock) engine. */
export async function registered(resources: readonly pulumi.Resource[]): Promise<void> {
  await Promise.all(resources.map((r) => resolve(r.urn)));
}

/**
 * Resolves once no registration has arrived for a while: for a program whose resources are not at
 * hand (infra/index.ts exports outputs, not resources). Mock registrations take microseconds.
 */
export async function quiescent(recorded: readonly RecordedResource[], quietMs = 60, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  let count = -1;
  while (recorded.length !== count) {
    if (Date.now() - started > timeoutMs) throw new Error(`resources still being registered after ${timeoutMs} ms`);
    count = recorded.length;
    await new Promise((done) => setTimeout(done, quietMs));
  }
}

/** The value of an output, as a promise. */
export function resolve<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((done) => output.apply((value) => {
    done(value);
    return value;
  }));
}

const sigKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";

/** Whether a recorded input value is a Pulumi secret. */
export function isSecretInput(value: unknown): value is { readonly value: unknown } {
  return typeof value === "object" && value !== null && (value as Record<string, unknown>)[sigKey] === secretSig;
}

/** A recorded input with the secret wrappers removed. */
export function unwrapSecrets(value: unknown): unknown {
  if (isSecretInput(value)) return unwrapSecrets(value.value);
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
  return value;
}

/** Every string of a recorded input that is NOT inside a secret, keys included. */
export function plainStrings(value: unknown): string[] {
  if (isSecretInput(value)) return [];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(plainStrings);
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => [k, ...plainStrings(v)]);
  return [];
}

/** The single recorded resource of a type (and name); throws when there is not exactly one. */
export function one(recorded: readonly RecordedResource[], type: string, name?: string): RecordedResource {
  const found = recorded.filter((r) => r.type === type && (name === undefined || r.name === name));
  if (found.length !== 1) throw new Error(`expected one ${type}${name ? ` ${name}` : ""}, found ${found.length}: ${recorded.map((r) => `${r.type} ${r.name}`).join(", ")}`);
  return found[0]!;
}

export const types = {
  namespace: "kubernetes:core/v1:Namespace",
  secret: "kubernetes:core/v1:Secret",
  release: "kubernetes:helm.sh/v3:Release",
  crd: "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition",
  sla: "kubernetes:servicelevel.dev/v1alpha1:ServiceLevelAgreement",
  component: "servicelevel:index:ServiceLevelStack",
} as const;
