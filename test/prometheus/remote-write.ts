// History for a test Prometheus through its remote-write receiver (Prometheus 3 with
// --web.enable-remote-write-receiver): float samples and native histograms, which OpenMetrics and
// so `promtool tsdb create-blocks-from openmetrics` cannot carry. The body is a remote-write 1.0
// WriteRequest (prometheus/prompb), protobuf-encoded here by hand and snappy-framed as one literal,
// which is valid snappy block format; Prometheus decodes both with its own libraries.

/** A native histogram sample with integer counts (exponential schema, positive buckets only). */
export interface NativeHistogram {
  readonly count: number;
  readonly sum: number;
  /** Bucket resolution: bucket i of schema s covers (2^((i-1)/2^s), 2^(i/2^s)]. */
  readonly schema: number;
  /** Observations so far per bucket index (each bucket its own, not cumulative over buckets). */
  readonly buckets: ReadonlyMap<number, number>;
}

export interface RemoteSeries {
  readonly labels: Readonly<Record<string, string>>;
  /** Float samples, [unix ms, value], in time order. */
  readonly samples?: readonly (readonly [number, number])[];
  /** Native histogram samples, [unix ms, histogram], in time order. */
  readonly histograms?: readonly (readonly [number, NativeHistogram])[];
}

/** The bucket index an observation falls into at a schema (upper bounds inclusive, as Prometheus). */
export function bucketIndex(value: number, schema: number): number {
  return Math.ceil(Math.log2(value) * 2 ** schema - 1e-9);
}

/**
 * Posts the series to a Prometheus remote-write receiver, oldest first, in slices of time across
 * all series: the TSDB head refuses in-order samples more than an hour older than its newest one,
 * so one series' whole history before the next would lose the next. Throws on a non-2xx answer.
 */
export async function remoteWrite(baseUrl: string, series: readonly RemoteSeries[], sliceMs = 10 * 60_000): Promise<void> {
  const times = series.flatMap((s) => [...(s.samples ?? []), ...(s.histograms ?? [])].map(([t]) => t));
  if (times.length === 0) return;
  const first = times.reduce((a, b) => Math.min(a, b));
  const last = times.reduce((a, b) => Math.max(a, b));
  for (let from = first; from <= last; from += sliceMs) {
    const inSlice = <T>(points: readonly (readonly [number, T])[] | undefined) => points?.filter(([t]) => t >= from && t < from + sliceMs);
    const batch = series.map((s) => ({ labels: s.labels, samples: inSlice(s.samples) ?? [], histograms: inSlice(s.histograms) ?? [] }))
      .filter((s) => s.samples.length + s.histograms.length > 0);
    if (batch.length === 0) continue;
    const response = await fetch(`${baseUrl}/api/v1/write`, {
      method: "POST",
      headers: { "Content-Type": "application/x-protobuf", "Content-Encoding": "snappy", "X-Prometheus-Remote-Write-Version": "0.1.0" },
      body: snappyLiteral(writeRequest(batch)),
    });
    if (!response.ok) throw new Error(`remote write to ${baseUrl} failed: ${response.status} ${await response.text()}`);
  }
}

// ---------------------------------------------------------------------------------------------
// protobuf (only what prompb.WriteRequest needs)

class Writer {
  private readonly chunks: Uint8Array[] = [];

  varint(value: bigint | number): this {
    let v = BigInt.asUintN(64, BigInt(value));
    const bytes: number[] = [];
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 0x80;
      bytes.push(byte);
    } while (v !== 0n);
    this.chunks.push(Uint8Array.from(bytes));
    return this;
  }

  zigzag(value: number): this {
    const v = BigInt(value);
    return this.varint(v >= 0n ? v << 1n : ((-v) << 1n) - 1n);
  }

  tag(field: number, wire: 0 | 1 | 2): this {
    return this.varint((field << 3) | wire);
  }

  double(field: number, value: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, value, true);
    this.tag(field, 1);
    this.chunks.push(b);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, 2).varint(value.length);
    this.chunks.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  finish(): Uint8Array {
    const total = this.chunks.reduce((a, c) => a + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function writeRequest(series: readonly RemoteSeries[]): Uint8Array {
  const request = new Writer();
  for (const s of series) {
    const ts = new Writer();
    // Labels sorted by name, __name__ first (it sorts first anyway), as Prometheus expects.
    for (const name of Object.keys(s.labels).sort()) ts.bytes(1, new Writer().string(1, name).string(2, s.labels[name] as string).finish());
    for (const [t, v] of s.samples ?? []) ts.bytes(2, new Writer().double(1, v).tag(2, 0).varint(t).finish());
    for (const [t, h] of s.histograms ?? []) ts.bytes(4, histogram(t, h));
    request.bytes(1, ts.finish());
  }
  return request.finish();
}

function histogram(timestampMs: number, h: NativeHistogram): Uint8Array {
  const w = new Writer();
  w.tag(1, 0).varint(h.count); // count_int
  w.double(3, h.sum);
  w.tag(4, 0).zigzag(h.schema);
  w.double(5, 0); // zero_threshold
  w.tag(6, 0).varint(0); // zero_count_int
  const indices = [...h.buckets.keys()].sort((a, b) => a - b);
  // One span per run of consecutive indices; deltas are each bucket's count minus the previous one's.
  let previousIndex: number | undefined;
  let previousCount = 0;
  const spans: { offset: number; length: number }[] = [];
  const deltas: number[] = [];
  for (const i of indices) {
    if (previousIndex !== undefined && i === previousIndex + 1) (spans[spans.length - 1] as { length: number }).length++;
    else spans.push({ offset: previousIndex === undefined ? i : i - previousIndex - 1, length: 1 });
    const count = h.buckets.get(i) as number;
    deltas.push(count - previousCount);
    previousCount = count;
    previousIndex = i;
  }
  for (const span of spans) w.bytes(11, new Writer().tag(1, 0).zigzag(span.offset).tag(2, 0).varint(span.length).finish());
  if (deltas.length > 0) {
    const packed = new Writer();
    for (const d of deltas) packed.zigzag(d);
    w.bytes(12, packed.finish());
  }
  w.tag(15, 0).varint(timestampMs);
  return w.finish();
}

/** Snappy block format with the whole input as one literal: valid, uncompressed. */
function snappyLiteral(data: Uint8Array): Uint8Array {
  const header = new Writer().varint(data.length).finish();
  const n = data.length - 1;
  const tag = n < 60 ? [n << 2] : [63 << 2, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  const out = new Uint8Array(header.length + tag.length + data.length);
  out.set(header, 0);
  out.set(tag, header.length);
  out.set(data, header.length + tag.length);
  return out;
}
