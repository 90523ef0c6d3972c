// Every label, annotation and name the generated objects and the operator agree on, in one
// place: dashboards, rules, the kube adapters and the controller import them from here. They are
// a public contract (selectors, routes and dashboards of users read them); renaming one is a
// breaking change.

/** Label on every object the operator generates; selects what its informers watch and what it may delete. */
export const managedByLabel = "app.kubernetes.io/managed-by";
export const managedByValue = "servicelevel-operator";
/** Label naming the SLA a generated object belongs to. */
export const slaLabel = "servicelevel.dev/sla";
/** Annotation with a hash of everything the operator applied to a generated object. */
export const specHashAnnotation = "servicelevel.dev/spec-hash";
/** The field manager of every server-side apply. */
export const fieldManager = "servicelevel-operator";
/** Label and annotation the kube-prometheus-stack Grafana sidecar reads. */
export const grafanaDashboardLabel = "grafana_dashboard";
export const grafanaFolderAnnotation = "grafana_folder";

export const managedByLabels = { [managedByLabel]: managedByValue } as const;
