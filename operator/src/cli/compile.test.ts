import { describe, expect, it } from "vitest";
import { outputFiles } from "./compile.js";

describe("naming the outputs of a compiled SLA", () => {
  it("writes every files entry as <namespace>/<name>.<suffix>, sorted", () => {
    const files = { "rules.yaml": "r", "prometheusrule.yaml": "p", "dashboard.json": "d", "rules.test.yaml": "t", "future.txt": "f" };
    expect(outputFiles(files, "shop", "checkout")).toEqual([
      { path: "shop/checkout.dashboard.json", content: "d" },
      { path: "shop/checkout.future.txt", content: "f" },
      { path: "shop/checkout.prometheusrule.yaml", content: "p" },
      { path: "shop/checkout.rules.test.yaml", content: "t" },
      { path: "shop/checkout.rules.yaml", content: "r" },
    ]);
  });

  it("refuses a suffix that could leave the namespace folder", () => {
    for (const suffix of ["../x.yaml", "a/b.yaml", "", "x..yaml"]) {
      expect(() => outputFiles({ [suffix]: "" }, "shop", "checkout")).toThrow(/unsafe suffix/);
    }
  });
});
