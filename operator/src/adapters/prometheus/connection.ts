// The one way from connection settings (URL, credentials files, TLS) to a PrometheusClient, for
// the operator (slactl run) and slactl report alike. Secrets are files, re-read at every request,
// so a rotated token keeps working; each is read once here so a wrong path fails at start.
import { readFileSync } from "node:fs";
import { PrometheusClient, type BackoffOptions, type PrometheusAuth } from "./client.js";

/** How to reach Prometheus. */
export interface PrometheusConnection {
  readonly url: string;
  readonly bearerTokenFile?: string | undefined;
  readonly basicAuth?: { readonly username: string; readonly passwordFile: string } | undefined;
  readonly caFile?: string | undefined;
  readonly insecureSkipVerify?: boolean | undefined;
  /** Timeout of each query attempt. */
  readonly timeoutMs?: number | undefined;
  readonly retries?: number | undefined;
  readonly backoff?: BackoffOptions | undefined;
  /** Refuse answers larger than this many bytes (decompressed). Default 64 MiB. */
  readonly maxResponseBytes?: number | undefined;
}

/** Which file of a connection could not be read. */
export type SecretFileRole = "bearerTokenFile" | "passwordFile" | "caFile";

/** A credentials or CA file that cannot be read. */
export class PrometheusSecretFileError extends Error {
  override readonly name = "PrometheusSecretFileError";
  constructor(readonly role: SecretFileRole, readonly file: string, options: { cause: unknown }) {
    const what = { bearerTokenFile: "Prometheus bearer token file", passwordFile: "Prometheus basic auth password file", caFile: "Prometheus CA file" }[role];
    super(`cannot read the ${what} ${file}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }
}

function read(role: SecretFileRole, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (cause) {
    throw new PrometheusSecretFileError(role, file, { cause });
  }
}

/** The client of a connection; throws PrometheusSecretFileError for an unreadable file and TypeError for a URL that is not http(s). */
export function prometheusClientFor(connection: PrometheusConnection): PrometheusClient {
  let auth: PrometheusAuth | undefined;
  if (connection.bearerTokenFile !== undefined) {
    const file = connection.bearerTokenFile;
    read("bearerTokenFile", file);
    auth = { type: "bearer", token: () => read("bearerTokenFile", file).trim() };
  } else if (connection.basicAuth !== undefined) {
    const { username, passwordFile } = connection.basicAuth;
    read("passwordFile", passwordFile);
    auth = { type: "basic", username, password: () => read("passwordFile", passwordFile).replace(/\r?\n$/, "") };
  }
  const tls = {
    ...(connection.caFile === undefined ? {} : { ca: read("caFile", connection.caFile) }),
    ...(connection.insecureSkipVerify ? { insecureSkipVerify: true } : {}),
  };
  return new PrometheusClient({
    url: connection.url,
    ...(connection.timeoutMs === undefined ? {} : { timeoutMs: connection.timeoutMs }),
    ...(connection.retries === undefined ? {} : { retries: connection.retries }),
    ...(connection.backoff === undefined ? {} : { backoff: connection.backoff }),
    ...(connection.maxResponseBytes === undefined ? {} : { maxResponseBytes: connection.maxResponseBytes }),
    ...(auth ? { auth } : {}),
    tls,
  });
}
