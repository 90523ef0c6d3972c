import { describe, expect, it } from "vitest";
import { parseBuildInfo, parseEnvelope, parseQueryData, parseValue } from "./response.js";
import { PrometheusResponseError, describeRequest, type PrometheusRequestInfo } from "./errors.js";
import { formatSeconds } from "./client.js";

const request: PrometheusRequestInfo = { endpoint: "/api/v1/query", query: "up", timeMs: Date.UTC(2026, 0, 1) };

describe("parseValue", () => {
  it("reads Prometheus' special values", () => {
    expect(parseValue("NaN")).toBeNaN();
    expect(parseValue("+Inf")).toBe(Infinity);
    expect(parseValue("-Inf")).toBe(-Infinity);
    expect(parseValue("1.5e-7")).toBe(1.5e-7);
    expect(parseValue("-0.25")).toBe(-0.25);
    expect(parseValue("")).toBeNaN();
    expect(parseValue(undefined)).toBeNaN();
  });
});

describe("parseQueryData", () => {
  it("reads vectors, skipping native histogram samples", () => {
    const result = parseQueryData(request, {
      resultType: "vector",
      result: [
        { metric: { __name__: "up", job: "a" }, value: [1767225600.123, "1"] },
        { metric: { job: "h" }, histogram: [1767225600, { count: "1", sum: "2", buckets: [] }] },
      ],
    });
    expect(result).toEqual({ resultType: "vector", result: [{ labels: { __name__: "up", job: "a" }, sample: { timeMs: 1767225600123, value: 1 } }] });
  });

  it("reads matrices, scalars and strings", () => {
    expect(parseQueryData(request, { resultType: "matrix", result: [{ metric: {}, values: [[1, "NaN"], [2, "+Inf"]] }] })).toEqual({
      resultType: "matrix", result: [{ labels: {}, samples: [{ timeMs: 1000, value: NaN }, { timeMs: 2000, value: Infinity }] }],
    });
    expect(parseQueryData(request, { resultType: "scalar", result: [1, "-Inf"] })).toEqual({ resultType: "scalar", result: { timeMs: 1000, value: -Infinity } });
    expect(parseQueryData(request, { resultType: "string", result: [1, "hello"] })).toEqual({ resultType: "string", result: { timeMs: 1000, value: "hello" } });
  });

  it("names the query when the answer is malformed", () => {
    const bad = () => parseQueryData(request, { resultType: "vector", result: [{ metric: { a: "1" }, value: [1, 2] }] });
    expect(bad).toThrow(PrometheusResponseError);
    expect(bad).toThrow('query "up" at 2026-01-01T00:00:00.000Z: unexpected response: malformed sample [1,2]');
    expect(() => parseQueryData(request, { resultType: "histogram", result: [] })).toThrow(/unknown resultType "histogram"/);
    expect(() => parseQueryData(request, null)).toThrow(/data is not an object/);
  });
});

describe("parseEnvelope and parseBuildInfo", () => {
  it("tells API envelopes from other bodies", () => {
    expect(parseEnvelope('{"status":"error","errorType":"bad_data","error":"x"}')).toEqual({ status: "error", data: undefined, errorType: "bad_data", error: "x", warnings: [] });
    expect(parseEnvelope("<html>")).toBeUndefined();
    expect(parseEnvelope('{"status":"ok"}')).toBeUndefined();
  });

  it("reads build info", () => {
    const info = parseBuildInfo({ endpoint: "/api/v1/status/buildinfo" }, { version: "2.42.0", revision: "abc", goVersion: "go1.19.8" });
    expect(info).toEqual({ version: "2.42.0", revision: "abc", branch: "", buildUser: "", buildDate: "", goVersion: "go1.19.8" });
    expect(() => parseBuildInfo({ endpoint: "/api/v1/status/buildinfo" }, {})).toThrow("GET /api/v1/status/buildinfo: unexpected response: buildinfo without a version");
  });
});

describe("describeRequest and formatSeconds", () => {
  it("names each kind of request", () => {
    expect(describeRequest({ endpoint: "/api/v1/query", query: 'up{job="a"}' })).toBe('query "up{job=\\"a\\"}"');
    expect(describeRequest({ endpoint: "/api/v1/query_range", query: "up", startMs: 0, endMs: 60_000, stepSeconds: 15 }))
      .toBe('query_range "up" from 1970-01-01T00:00:00.000Z to 1970-01-01T00:01:00.000Z step 15s');
    const long = describeRequest({ endpoint: "/api/v1/query", query: "x".repeat(1000) });
    expect(long).toContain("… (1000 characters)");
    expect(long.length).toBeLessThan(450);
  });

  it("formats Unix ms as exact seconds", () => {
    expect(formatSeconds(1767225600000)).toBe("1767225600");
    expect(formatSeconds(1767225600500)).toBe("1767225600.5");
    expect(formatSeconds(1767225600010)).toBe("1767225600.01");
    expect(formatSeconds(0)).toBe("0");
  });
});
