{{/* Names, labels and the computed settings shared by the templates. */}}

{{- define "servicelevel-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* <release>-servicelevel-operator, or the release name alone when it already contains the chart name. */}}
{{- define "servicelevel-operator.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "servicelevel-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "servicelevel-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "servicelevel-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "servicelevel-operator.labels" -}}
helm.sh/chart: {{ include "servicelevel-operator.chart" . }}
{{ include "servicelevel-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: servicelevel-operator
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "servicelevel-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "servicelevel-operator.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "servicelevel-operator.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{/* "true" when leader election is on: forced by the value, or implied by more than one replica. */}}
{{- define "servicelevel-operator.leaderElect" -}}
{{- if or .Values.leaderElection.enabled (gt (int .Values.replicaCount) 1) -}}true{{- end -}}
{{- end -}}

{{/* Where the Prometheus credentials Secret is mounted. */}}
{{- define "servicelevel-operator.prometheusSecretDir" -}}/etc/servicelevel-operator/prometheus{{- end -}}

{{/*
Checks that the JSON schema cannot express (it runs from the Deployment template, so every
install, upgrade, lint and template run sees it).
*/}}
{{- define "servicelevel-operator.validate" -}}
{{- $p := .Values.prometheus -}}
{{- if and $p.bearerTokenKey $p.basicAuth.username -}}
{{- fail "prometheus: set either bearerTokenKey or basicAuth, not both" -}}
{{- end -}}
{{- if and $p.basicAuth.username (not $p.basicAuth.passwordKey) -}}
{{- fail "prometheus.basicAuth.passwordKey is required with prometheus.basicAuth.username" -}}
{{- end -}}
{{- if and $p.basicAuth.passwordKey (not $p.basicAuth.username) -}}
{{- fail "prometheus.basicAuth.username is required with prometheus.basicAuth.passwordKey" -}}
{{- end -}}
{{- if and (or $p.bearerTokenKey $p.basicAuth.passwordKey $p.tls.caKey) (not $p.existingSecret) -}}
{{- fail "prometheus.existingSecret is required when bearerTokenKey, basicAuth.passwordKey or tls.caKey is set" -}}
{{- end -}}
{{- if and $p.existingSecret (not (or $p.bearerTokenKey $p.basicAuth.passwordKey $p.tls.caKey)) -}}
{{- fail "prometheus.existingSecret is set but none of bearerTokenKey, basicAuth.passwordKey, tls.caKey names a key in it" -}}
{{- end -}}
{{- if and (not $p.url) (or $p.existingSecret $p.basicAuth.username $p.tls.insecureSkipVerify) -}}
{{- fail "prometheus credentials or TLS settings are set but prometheus.url is empty" -}}
{{- end -}}
{{- if and (gt (int .Values.replicaCount) 1) (ge (int .Values.podDisruptionBudget.minAvailable) (int .Values.replicaCount)) -}}
{{- fail "podDisruptionBudget.minAvailable must be below replicaCount, or no pod could ever be evicted" -}}
{{- end -}}
{{- if eq (int .Values.metrics.port) (int .Values.health.port) -}}
{{- fail "metrics.port and health.port must differ" -}}
{{- end -}}
{{- end -}}
