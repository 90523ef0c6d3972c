// The Kubernetes API calls the operator makes, as RBAC permissions: the one list that the chart's
// RBAC (render.test.ts), docs/install.md and the calls of a real operator run (rbac.test.ts) are
// all checked against. When the operator starts or stops making a call, change this list, the
// chart's templates/rbac.yaml (or leader-election-rbac.yaml) and docs/install.md together.

export interface Permission {
  /** API group; "" is the core group. */
  readonly group: string;
  /** Resource, with "/subresource" when it is one. */
  readonly resource: string;
  readonly verb: string;
  /**
   * Where it is needed: "watched" in every watched namespace (cluster-wide without
   * watchNamespaces), "release" only in the release namespace (the leader election Lease).
   */
  readonly scope: "watched" | "release";
  /** Why the operator makes this call. */
  readonly why: string;
}

export const operatorPermissions: readonly Permission[] = [
  { group: "servicelevel.dev", resource: "servicelevelagreements", verb: "list", scope: "watched", why: "the SLA informer's initial list and relists" },
  { group: "servicelevel.dev", resource: "servicelevelagreements", verb: "watch", scope: "watched", why: "the SLA informer's watch" },
  { group: "servicelevel.dev", resource: "servicelevelagreements", verb: "get", scope: "watched", why: "a live read before deleting generated objects of an SLA that left the cache" },
  { group: "servicelevel.dev", resource: "servicelevelagreements/status", verb: "patch", scope: "watched", why: "status is written with a merge patch of the status subresource" },
  { group: "monitoring.coreos.com", resource: "prometheusrules", verb: "get", scope: "watched", why: "a live read of a rule created by POST, to hand its fields to server-side apply before the first apply" },
  { group: "monitoring.coreos.com", resource: "prometheusrules", verb: "list", scope: "watched", why: "the informer of generated PrometheusRules (label selector app.kubernetes.io/managed-by)" },
  { group: "monitoring.coreos.com", resource: "prometheusrules", verb: "watch", scope: "watched", why: "the informer of generated PrometheusRules" },
  { group: "monitoring.coreos.com", resource: "prometheusrules", verb: "patch", scope: "watched", why: "server-side apply of the generated PrometheusRule" },
  { group: "monitoring.coreos.com", resource: "prometheusrules", verb: "create", scope: "watched", why: "a PrometheusRule that does not exist yet is created by POST (less of the API server's CPU than an apply)" },
  { group: "monitoring.coreos.com", resource: "prometheusrules", verb: "delete", scope: "watched", why: "deleting the rules of a deleted SLA (ownerReferences alone need the garbage collector)" },
  { group: "monitoring.coreos.com", resource: "alertmanagerconfigs", verb: "list", scope: "watched", why: "the informer of generated AlertmanagerConfigs (label selector app.kubernetes.io/managed-by)" },
  { group: "monitoring.coreos.com", resource: "alertmanagerconfigs", verb: "watch", scope: "watched", why: "the informer of generated AlertmanagerConfigs" },
  { group: "monitoring.coreos.com", resource: "alertmanagerconfigs", verb: "patch", scope: "watched", why: "server-side apply of the AlertmanagerConfig muting an SLA's alerts during maintenance" },
  { group: "monitoring.coreos.com", resource: "alertmanagerconfigs", verb: "create", scope: "watched", why: "server-side apply of an AlertmanagerConfig that does not exist yet is also authorized as create" },
  { group: "monitoring.coreos.com", resource: "alertmanagerconfigs", verb: "delete", scope: "watched", why: "deleting the AlertmanagerConfig of a deleted SLA, or when the SLA has no maintenance windows any more" },
  { group: "", resource: "configmaps", verb: "list", scope: "watched", why: "the informer of generated dashboard ConfigMaps (label selector app.kubernetes.io/managed-by)" },
  { group: "", resource: "configmaps", verb: "watch", scope: "watched", why: "the informer of generated dashboard ConfigMaps" },
  { group: "", resource: "configmaps", verb: "patch", scope: "watched", why: "server-side apply of the dashboard ConfigMap" },
  { group: "", resource: "configmaps", verb: "create", scope: "watched", why: "server-side apply of a ConfigMap that does not exist yet is also authorized as create" },
  { group: "", resource: "configmaps", verb: "delete", scope: "watched", why: "deleting the dashboard of a deleted SLA, or when the SLA turns its dashboard off" },
  { group: "events.k8s.io", resource: "events", verb: "create", scope: "watched", why: "an Event on the SLA for each transition (InvalidSpec, RulesApplied, ...)" },
  { group: "coordination.k8s.io", resource: "leases", verb: "get", scope: "release", why: "leader election: read the Lease" },
  { group: "coordination.k8s.io", resource: "leases", verb: "create", scope: "release", why: "leader election: create the Lease the first time" },
  { group: "coordination.k8s.io", resource: "leases", verb: "update", scope: "release", why: "leader election: take, renew and release the Lease" },
];

/** "group/resource:verb", e.g. "monitoring.coreos.com/prometheusrules:patch" or "/configmaps:list". */
export const permissionKey = (p: { group: string; resource: string; verb: string }): string => `${p.group}/${p.resource}:${p.verb}`;

/** A Role or ClusterRole rule as the chart renders it. */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** Every (group, resource, verb) a list of rules grants, as permission keys. */
export function grantedKeys(rules: readonly PolicyRule[]): Set<string> {
  const keys = new Set<string>();
  for (const rule of rules) {
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? []) {
        for (const verb of rule.verbs ?? []) keys.add(permissionKey({ group, resource, verb }));
      }
    }
  }
  return keys;
}

export const keysOf = (permissions: readonly Permission[], scope: Permission["scope"]): Set<string> =>
  new Set(permissions.filter((p) => p.scope === scope).map(permissionKey));
