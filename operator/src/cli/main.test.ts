import { describe, expect, it } from "vitest";
import { mainHelp, run, version } from "./main.js";
import type { Io } from "./validate.js";

async function slactl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

describe("slactl command dispatch", () => {
  it("prints the usage with --help, -h and help", async () => {
    for (const args of [["--help"], ["-h"], ["help"]]) {
      const result = await slactl(...args);
      expect(result).toEqual({ code: 0, stdout: mainHelp, stderr: "" });
    }
    expect(mainHelp).toMatch(/validate .*\n.*compile /);
    expect(mainHelp).toContain("Exit codes:");
  });

  it("prints each command's help with --help and help <command>", async () => {
    for (const command of ["validate", "compile"]) {
      const flag = await slactl(command, "--help");
      expect(flag.code).toBe(0);
      expect(flag.stdout).toMatch(new RegExp(`^Usage: slactl ${command} PATH\\.\\.\\.`));
      expect(flag.stdout).toMatch(/Options:[\s\S]*Examples:[\s\S]*Exit codes:/);
      expect((await slactl("help", command)).stdout).toBe(flag.stdout);
      expect((await slactl(command, "-h", "--format", "nope")).code).toBe(0);
    }
  });

  it("dispatches run, the operator, and shows its help without starting it", async () => {
    const result = await slactl("help", "run");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: slactl run/);
    expect(mainHelp).toMatch(/\n {2}run {7}run the operator/);
  });

  it("prints the package version", async () => {
    expect(version()).toMatch(/^\d+\.\d+\.\d+/);
    expect(await slactl("--version")).toEqual({ code: 0, stdout: `slactl ${version()}\n`, stderr: "" });
    expect((await slactl("-V")).stdout).toBe(`slactl ${version()}\n`);
  });

  it("exits 2 with the usage on stderr for no command, an unknown command or option", async () => {
    for (const args of [[], ["lint"], ["--verbose"], ["help", "lint"]]) {
      const result = await slactl(...args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("Usage: slactl <command>");
    }
    expect((await slactl("lint")).stderr).toMatch(/^slactl: unknown command "lint"/);
  });
});

describe("usage errors of the commands exit 2", () => {
  const cases: [string, string[], RegExp][] = [
    ["an unknown flag", ["validate", "--strict", "policies/examples"], /^slactl validate: Unknown option '--strict'\nRun 'slactl validate --help' for usage\.\n$/],
    ["no PATH", ["validate"], /give at least one PATH/],
    ["a PATH that does not exist", ["validate", "no/such/dir"], /no\/such\/dir: no such file or folder/],
    ["an unknown format", ["validate", "--format", "xml", "policies/examples"], /unknown format "xml": expected one of text, json, github/],
    ["a folder without YAML", ["validate", "operator/src/cli"], /no \*\.yaml or \*\.yml files found/],
    ["a policies folder that does not exist", ["validate", "--policies", "no/such/policies", "policies/examples"], /cannot read the burn-rate tables: no such folder/],
    ["compile without --out", ["compile", "policies/examples"], /--out DIR is required/],
    ["a --rule-label without =", ["compile", "policies/examples", "--out", "/tmp/never", "--rule-label", "release"], /--rule-label expects name=value/],
    ["a --rule-label with a bad name", ["compile", "policies/examples", "--out", "/tmp/never", "--rule-label", "app.kubernetes.io/x=y"], /--rule-label expects name=value/],
    ["a flag without its value", ["compile", "policies/examples", "--out"], /Option '--out <value>' argument missing/],
  ];
  for (const [what, args, message] of cases) {
    it(`for ${what}`, async () => {
      const result = await slactl(...args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
    });
  }
});
