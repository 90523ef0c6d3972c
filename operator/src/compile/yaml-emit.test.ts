import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { emitYaml } from "./yaml-emit.js";
import { yamlOptions } from "./outputs.js";

// The reference is the yaml package itself: the fast writer must give its bytes, or give up.
const reference = (value: object) => stringify(value, yamlOptions);

const awkward: unknown[] = ["true", "True", "TRUE", "yes", "null", "Null", "~", "", "1", "-1", "+1", "1.5", ".5", "1.", "1e3", "0x1F", "0o7", ".inf", "-.inf", ".nan",
  "5m", "0+0x20 1000+1000x19", "a: b", "a:b", "a #b", "a#b", "#a", "-", "- a", "-a", "?", "? a", "a:", "a ", " a", "@a", "`a", "'a'", '"a"', 'x{a="b"}', "it's",
  `it's "x"`, "a\\b", 'a\\"b', "[a]", "{a}", "a,b", "*a", "&a", "!a", "|a", ">a", "a|b", "a > b", "2026-12-01", "2026-12-01T00:00:00Z", "12:30", "1_000", "0b1",
  "inf", "nan", "NaN", "0.0", "00", "007", "sum(rate(x[5m])) > (14.4 * 0.001)", "{{ $value | humanizePercentage }}", 0, 1, -1, 0.001, 1e-7, 1e21, 14.4, true, false, null,
  { a: [] }, { a: {} }, { a: undefined, b: 1 }];
const unsure: unknown[] = ["---", "...", "%a", "a\tb", "line\nbreak", "café", Number.NaN, -0, [[1]], [{}], [], {}];

describe("the fast YAML writer", () => {
  it("writes what the yaml package writes, for values that need quotes, look like other types or are empty", () => {
    for (const value of awkward) {
      const document = { key: value, list: [value], nested: { [typeof value === "string" && value !== "" ? value : "k"]: value } };
      expect(emitYaml(document), JSON.stringify(value)).toBe(reference(document));
    }
  });

  it("gives up where it is not sure, so the caller uses the yaml package", () => {
    for (const value of unsure) expect(emitYaml({ key: { list: [value] } }), JSON.stringify(value)).toBeUndefined();
  });
});
