import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "./closest-name.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and neighbour swaps as one edit each", () => {
    expect(editDistance("objectivs", "objectives")).toBe(1);
    expect(editDistance("objectives", "objectivs")).toBe(1);
    expect(editDistance("taget", "target")).toBe(1);
    expect(editDistance("tagret", "target")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});

describe("closestName", () => {
  const fields = ["service", "owner", "objectives", "dependencies", "maintenance", "period"];

  it("suggests the nearest known name", () => {
    expect(closestName("objectivs", fields)).toBe("objectives");
    expect(closestName("dependancies", fields)).toBe("dependencies");
    expect(closestName("Owner", fields)).toBe("owner");
  });

  it("suggests nothing when every name is too far to be a slip", () => {
    expect(closestName("credits", fields)).toBeUndefined();
    expect(closestName("x", fields)).toBeUndefined();
    expect(closestName("objectivs", fields, 0)).toBeUndefined();
  });

  it("breaks ties alphabetically, whatever the order of the candidates", () => {
    expect(closestName("cat", ["hat", "bat"])).toBe("bat");
    expect(closestName("cat", ["bat", "hat"])).toBe("bat");
  });
});
