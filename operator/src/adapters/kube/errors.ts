// Typed errors of the Kubernetes adapter. Each carries the request it came from and the
// underlying `cause`, so the controller can turn it into a condition or a retry without parsing
// messages: a 404 on a resource type (CRD missing) differs from a 404 on an object, and a 410
// (watch expired) means relist, not retry.

/** The Status object the API server returns with a failure. */
export interface KubeStatus {
  readonly kind?: string;
  readonly status?: string;
  readonly message?: string;
  readonly reason?: string;
  readonly code?: number;
  readonly details?: { readonly name?: string; readonly group?: string; readonly kind?: string; readonly causes?: readonly { readonly field?: string; readonly message?: string; readonly reason?: string }[] };
}

/** The API server answered with a failure status. */
export class KubeApiError extends Error {
  override readonly name = "KubeApiError";
  readonly statusCode: number;
  readonly method: string;
  readonly path: string;
  readonly status: KubeStatus | undefined;

  constructor(method: string, path: string, statusCode: number, status: KubeStatus | undefined, options?: ErrorOptions) {
    super(`${method} ${path}: ${statusCode} ${status?.reason ?? ""}${status?.message ? `: ${status.message}` : ""}`.replace(/ +:/, ":"), options);
    this.statusCode = statusCode;
    this.method = method;
    this.path = path;
    this.status = status;
  }

  /** 404 because the resource type itself is not served (e.g. its CRD is not installed), not a missing object. */
  get isResourceTypeMissing(): boolean {
    return this.statusCode === 404 && this.status?.details?.name === undefined;
  }

  get isNotFound(): boolean {
    return this.statusCode === 404;
  }

  get isConflict(): boolean {
    return this.statusCode === 409;
  }

  /** 422 because the object would get a second controller ownerReference. */
  get isSecondController(): boolean {
    return this.statusCode === 422 && (this.status?.details?.causes?.some((c) => c.field?.startsWith("metadata.ownerReferences") === true)
      || /Only one reference can have Controller set to true/.test(this.status?.message ?? ""));
  }

  /** 410 Gone: the resourceVersion is too old to resume a watch from; relist. */
  get isExpired(): boolean {
    return this.statusCode === 410;
  }
}

/**
 * A generated object already has a controller ownerReference to another owner: the API server
 * refuses a second controller (422), on every retry. `owner` names it as Kind/name.
 */
export class ForeignControllerError extends Error {
  override readonly name = "ForeignControllerError";
  constructor(readonly kind: string, readonly objectName: string, readonly owner: string, options?: ErrorOptions) {
    super(`${kind} ${objectName} is controlled by ${owner}`, options);
  }
}

/** The API server could not be reached, or the connection broke mid-request. */
export class KubeConnectionError extends Error {
  override readonly name = "KubeConnectionError";
  constructor(readonly method: string, readonly path: string, options: ErrorOptions) {
    super(`${method} ${path}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }
}

/** The kubeconfig could not be loaded or names no cluster. */
export class KubeConfigError extends Error {
  override readonly name = "KubeConfigError";
}

/** The lease of leader election was lost while leading. */
export class LeadershipLostError extends Error {
  override readonly name = "LeadershipLostError";
}

export const isApiError = (e: unknown): e is KubeApiError => e instanceof KubeApiError;

/** A one-line description of an error and its causes, for logs and conditions. */
export function describeError(e: unknown): string {
  const parts: string[] = [];
  let current: unknown = e;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return [...new Set(parts)].join(": caused by: ");
}
