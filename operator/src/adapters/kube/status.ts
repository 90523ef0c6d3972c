// Writes an object's status through the status subresource with a JSON merge patch. The patch
// carries the resourceVersion the status was computed from, so a write based on a stale read
// fails with 409 Conflict and the reconcile runs again on fresh data instead of clobbering it.
import type { KubeApi } from "./client.js";
import { resourcePath, type KubeObject, type ResourceType } from "./resources.js";

export class StatusWriter {
  constructor(private readonly api: KubeApi) {}

  /** Merge-patches status (null deletes a field); returns the updated object. */
  patchStatus<T extends KubeObject>(resource: ResourceType, object: KubeObject, statusPatch: Readonly<Record<string, unknown>>): Promise<T> {
    const { namespace, name, resourceVersion } = object.metadata;
    return this.api.request<T>("PATCH", resourcePath(resource, namespace, name, "status"), {
      body: { metadata: { ...(resourceVersion === undefined ? {} : { resourceVersion }) }, status: statusPatch },
      contentType: "application/merge-patch+json",
    });
  }
}
