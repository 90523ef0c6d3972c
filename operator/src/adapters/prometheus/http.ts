// The HTTP transport of the Prometheus client: node:http/node:https with a keep-alive Agent.
//
// Why not the global fetch: fetch (undici inside Node) takes TLS options (a private CA, a client
// certificate, skipping verification) only through an undici `Agent` passed as `dispatcher`, and
// that needs the `undici` npm package as a runtime dependency. node:https takes them directly on
// an Agent, supports AbortSignal, keep-alive and everything else needed here, in ~100 lines.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable } from "node:stream";

export interface TlsOptions {
  /** PEM contents of the CA bundle that signs the server's certificate (not a path). */
  readonly ca?: string | Buffer;
  /** PEM contents of a client certificate and its key, for mutual TLS. */
  readonly cert?: string | Buffer;
  readonly key?: string | Buffer;
  /** Accept any server certificate. For tests and emergencies only. */
  readonly insecureSkipVerify?: boolean;
  /** The name to verify the server's certificate against, when it differs from the URL's host. */
  readonly serverName?: string;
}

/** The answer exceeded HttpRequest.maxBodyBytes; reading stopped there. */
export class ResponseTooLargeError extends Error {
  override readonly name = "ResponseTooLargeError";
  readonly code = "ERR_RESPONSE_TOO_LARGE";
  constructor(readonly limitBytes: number, readonly announcedBytes: number | undefined) {
    super(`response body larger than ${limitBytes} bytes`);
  }
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingMessage["headers"];
  readonly body: Buffer;
}

export interface HttpRequest {
  readonly method: "GET" | "POST";
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal: AbortSignal;
  /** Fail when the (decompressed) body grows beyond this many bytes. */
  readonly maxBodyBytes: number;
  /** Ask for a compressed answer (gzip, deflate or br). */
  readonly compression: boolean;
}

/** Sends requests over one keep-alive agent per scheme. */
export class HttpTransport {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(tls: TlsOptions = {}, maxSockets = 16) {
    this.http = new HttpAgent({ keepAlive: true, maxSockets });
    this.https = new HttpsAgent({
      keepAlive: true,
      maxSockets,
      ...(tls.ca !== undefined ? { ca: tls.ca } : {}),
      ...(tls.cert !== undefined ? { cert: tls.cert } : {}),
      ...(tls.key !== undefined ? { key: tls.key } : {}),
      ...(tls.serverName !== undefined ? { servername: tls.serverName } : {}),
      rejectUnauthorized: tls.insecureSkipVerify !== true,
    });
  }

  send(req: HttpRequest): Promise<HttpResponse> {
    return new Promise<HttpResponse>((resolve, reject) => {
      const https = req.url.protocol === "https:";
      const headers: Record<string, string> = { "accept-encoding": req.compression ? "gzip, deflate, br" : "identity", ...req.headers };
      if (req.body !== undefined) headers["content-length"] = String(Buffer.byteLength(req.body));
      const request = (https ? httpsRequest : httpRequest)(req.url, {
        method: req.method,
        headers,
        agent: https ? this.https : this.http,
        signal: req.signal,
      });
      request.once("error", reject);
      request.once("response", (response) => {
        readBody(response, req.maxBodyBytes).then(
          (body) => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
          reject,
        );
      });
      request.end(req.body);
    });
  }

  /** Closes idle connections; requests in flight complete. */
  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  // Refuse before reading when the server says up front that the body is too large.
  const announced = Number(response.headers["content-length"]);
  if (Number.isFinite(announced) && announced > maxBytes) {
    response.destroy();
    return Promise.reject(new ResponseTooLargeError(maxBytes, announced));
  }
  const encoding = String(response.headers["content-encoding"] ?? "").trim().toLowerCase();
  let stream: Readable = response;
  if (encoding === "gzip" || encoding === "x-gzip") stream = response.pipe(createGunzip());
  else if (encoding === "deflate") stream = response.pipe(createInflate());
  else if (encoding === "br") stream = response.pipe(createBrotliDecompress());
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: Error) => {
      response.destroy();
      if (stream !== response) stream.destroy();
      reject(error);
    };
    response.once("error", fail);
    response.once("close", () => {
      if (!response.complete) fail(Object.assign(new Error("connection closed before the response was complete"), { code: "ECONNRESET" }));
    });
    if (stream !== response) stream.once("error", fail);
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        fail(new ResponseTooLargeError(maxBytes, undefined));
        return;
      }
      chunks.push(chunk);
    });
    stream.once("end", () => resolve(Buffer.concat(chunks, size)));
  });
}
