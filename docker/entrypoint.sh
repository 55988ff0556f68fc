#!/usr/bin/env bash
# Starts one Forestall node in its container. The node's name is FORESTALL_NODE_NAME, else the host name
# (the pod's name in Kubernetes, the container's in Compose): WildFly, Quartz and the outbox all use it.
# The server listens on every address so the load balancer and the kubelet's probes reach it, and keeps its
# private (cluster) interface on the container's own address; every other setting is a FORESTALL_* variable
# the server reads itself (README.md, "Running in production").
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
# Given the DNS name that lists every node (the chart's headless Service), the nodes find each other by
# DNS_PING: the cluster channel moves from the "tcp" stack (fixed hosts) to the "dns" one, which reads
# FORESTALL_JGROUPS_DNS_QUERY itself.
if [ -n "${FORESTALL_JGROUPS_DNS_QUERY:-}" ]; then
  cli=$(mktemp)
  printf '%s\n' 'embed-server --std-out=discard' \
    '/subsystem=jgroups/channel=ee:write-attribute(name=stack, value=dns)' 'stop-embedded-server' > "$cli"
  /opt/forestall/bin/jboss-cli.sh --file="$cli" > /dev/null
  rm -f "$cli"
fi
exec /opt/forestall/bin/standalone.sh "${args[@]}" "$@"
