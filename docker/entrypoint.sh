#!/usr/bin/env bash
# Starts one Forestall node in its container. The node's name is FORESTALL_NODE_NAME, else the host name
# (the pod's name in Kubernetes, the container's in Compose): WildFly, Quartz and the outbox all use it.
# The server listens on every address so the load balancer and the kubelet's probes reach it, and keeps its
# private (cluster) interface on the container's own address; every other setting is a FORESTALL_* variable
# the server reads itself (docs/operations.md).
set -euo pipefail

export FORESTALL_NODE_NAME="${FORESTALL_NODE_NAME:-$(hostname)}"
address=$(hostname -i 2>/dev/null | cut -d' ' -f1) || address=127.0.0.1
args=(
  -b=0.0.0.0
  -bmanagement=0.0.0.0
  -bprivate="$address"
  -Djboss.node.name="$FORESTALL_NODE_NAME"
  # The transaction manager's node id must be unique per node and at most 23 bytes: a pod name's tail is.
  -Djboss.tx.node.id="$(printf %s "$FORESTALL_NODE_NAME" | tail -c 23)"
)
# WildFly reads the attributes below from SUBSYSTEM_* variables at boot, overriding standalone.xml.
export WILDFLY_OVERRIDING_ENV_VARS=1
# Given the DNS name that lists every node (the chart's headless Service), the nodes find each other by
# DNS_PING: the cluster channel moves from the "tcp" stack (fixed hosts) to the "dns" one, which reads
# FORESTALL_JGROUPS_DNS_QUERY itself.
if [ -n "${FORESTALL_JGROUPS_DNS_QUERY:-}" ]; then
  export SUBSYSTEM_JGROUPS_CHANNEL_EE__STACK=dns
fi
# Logs are one JSON object per line, with the tenant, request and job ids, unless FORESTALL_LOG_FORMAT=text
# (configure.cli defines the JSON formatter). The boot, before the logging subsystem starts, logs as
# logging.properties says; the server rewrites that file from its settings, so it is set to match here.
console=COLOR-PATTERN
if [ "${FORESTALL_LOG_FORMAT:-json}" = json ]; then
  console=JSON
  export SUBSYSTEM_LOGGING_CONSOLE_HANDLER_CONSOLE__NAMED_FORMATTER=JSON
fi
boot="${JBOSS_CONFIG_DIR:-${JBOSS_BASE_DIR:-$(dirname "$0")/../standalone}/configuration}/logging.properties"
grep -q '^formatter\.JSON=' "$boot" || printf '%s\n' \
  formatter.JSON=org.jboss.logmanager.formatters.JsonFormatter \
  formatter.JSON.properties=exceptionOutputType formatter.JSON.exceptionOutputType=FORMATTED >> "$boot"
sed -i "s/^handler\.CONSOLE\.formatter=.*/handler.CONSOLE.formatter=$console/" "$boot"
exec "$(dirname "$0")/standalone.sh" "${args[@]}" "$@"
