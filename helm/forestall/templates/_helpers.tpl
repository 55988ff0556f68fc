{{/* The release's resource name: the release name, with the chart's name unless it already holds it. */}}
{{- define "forestall.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "forestall.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "forestall.labels" -}}
{{ include "forestall.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The Secret the nodes read their credentials from: the operator's, or the one this chart makes. */}}
{{- define "forestall.secretName" -}}
{{- .Values.secrets.existingSecret | default (include "forestall.fullname" .) -}}
{{- end -}}

{{/* The headless Service whose DNS name lists every node, ready or not, for JGroups' DNS_PING. */}}
{{- define "forestall.clusterService" -}}
{{- printf "%s-cluster" (include "forestall.fullname" . | trunc 55 | trimSuffix "-") -}}
{{- end -}}

{{/*
The customers' address (FORESTALL_PUBLIC_URL), checked: it needs a host of its own, apart from the app's, or
browsers would share the app's cookies with the customers' pages and the nodes could not tell the two apart.
*/}}
{{- define "forestall.publicUrl" -}}
{{- $app := required "appUrl is required: the address of the screens and the API, e.g. https://forestall.example.com" .Values.appUrl -}}
{{- $public := required "publicUrl is required: the customers' pages' address, a host of its own, e.g. https://go.example.com" .Values.publicUrl -}}
{{- if eq (urlParse $app).hostname (urlParse $public).hostname -}}
{{- fail (printf "publicUrl (%s) needs a host of its own, not appUrl's (%s): the nodes serve the customers' pages only there, and the app never" $public $app) -}}
{{- end -}}
{{- $public | trimSuffix "/" -}}
{{- end -}}
