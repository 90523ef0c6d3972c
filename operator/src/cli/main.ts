// slactl: the compiler of the servicelevel-operator without a cluster. This module dispatches to
// the commands and is the process entry point both from source (node --import tsx) and from
// dist/ through bin/slactl.js.
import { readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../adapters/fs/burn-rate-tables.js";
import { compileCommand, compileHelp } from "./compile.js";
import { exitCodes, validateCommand, validateHelp, type Io } from "./validate.js";

interface Command {
  readonly summary: string;
  readonly help: string;
  run(args: readonly string[], io: Io): Promise<number>;
}

const commands: Readonly<Record<string, Command>> = {
  validate: { summary: "check SLA YAML files and print each problem at file:line:col", help: validateHelp, run: validateCommand },
  compile: { summary: "validate, then write PrometheusRules, rule files and dashboards", help: compileHelp, run: compileCommand },
};

export const mainHelp = `Usage: slactl <command> [options]

slactl runs the servicelevel-operator's compiler without a cluster, so CI can check
ServiceLevelAgreement YAML before it merges and GitOps repositories can commit the generated
Prometheus rules and Grafana dashboards.

Commands:
${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`).join("\n")}

Options:
  -h, --help     show this help; 'slactl <command> --help' shows a command's help
  -V, --version  print the version

Examples:
  slactl validate slas/
  slactl validate slas/ --format github
  slactl compile slas/ --out generated --rule-label release=kube-prometheus-stack

Exit codes:
  0  success
  1  an input is invalid (or, for compile, an output could not be written)
  2  usage error
`;

export function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version?: unknown };
  return String(manifest.version ?? "unknown");
}

/** Runs slactl with the arguments after the program name; resolves to the exit code. */
export async function run(args: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const [first, ...rest] = args;
    if (first === undefined) {
      io.stderr(mainHelp);
      return exitCodes.usage;
    }
    if (first === "--help" || first === "-h") {
      io.stdout(mainHelp);
      return exitCodes.ok;
    }
    if (first === "--version" || first === "-V") {
      io.stdout(`slactl ${version()}\n`);
      return exitCodes.ok;
    }
    if (first === "help") {
      const topic = rest[0];
      if (topic === undefined) {
        io.stdout(mainHelp);
        return exitCodes.ok;
      }
      const command = Object.hasOwn(commands, topic) ? commands[topic] : undefined;
      if (!command) return unknownCommand(topic, io);
      io.stdout(command.help);
      return exitCodes.ok;
    }
    const command = Object.hasOwn(commands, first) ? commands[first] : undefined;
    if (!command) return unknownCommand(first, io);
    return await command.run(rest, io);
  } catch (cause) {
    // Commands turn every expected failure into a message; reaching this is a bug, and still no stack trace.
    io.stderr(`slactl: internal error (a bug in slactl, please report it): ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return exitCodes.invalid;
  }
}

function unknownCommand(name: string, io: Io): number {
  const what = name.startsWith("-") ? `unknown option ${JSON.stringify(name)}` : `unknown command ${JSON.stringify(name)}`;
  io.stderr(`slactl: ${what}\n\n${mainHelp}`);
  return exitCodes.usage;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // A closed pipe (slactl validate ... | head) is not an error worth a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await run(process.argv.slice(2));
}
