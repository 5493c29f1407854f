#!/bin/sh
# One-shot (temporalio/admin-tools): registers the Keyword search attributes the lead workflows set,
# so the Temporal UI can filter leads by dealer, source, grade, status and agent. Safe to re-run: an
# attribute that is already there as a Keyword counts as done. (The app also tries this at start, but
# may lack the permission on a managed cluster; this makes it a deploy step that visibly fails.)
set -u
: "${TEMPORAL_ADDRESS:=temporal:7233}"
: "${TEMPORAL_NAMESPACE:=default}"
ATTRIBUTES="DealerId LeadSource LeadGrade LeadStatus AssignedAgent"

sa() {
  temporal operator search-attribute "$@" --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE"
}

# auto-setup creates the namespace a few seconds after the server answers: wait for it (5 minutes).
tries=0
until sa list >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 150 ]; then
    echo "Temporal at $TEMPORAL_ADDRESS still has no namespace $TEMPORAL_NAMESPACE after 5 minutes" >&2
    exit 1
  fi
  sleep 2
done

for name in $ATTRIBUTES; do
  if sa create --name "$name" --type Keyword >/dev/null 2>&1; then
    echo "Search attribute $name registered"
  elif sa list | grep -iw "$name" | grep -qi keyword; then
    echo "Search attribute $name already registered"
  else
    echo "Could not register search attribute $name (is it registered with another type?)" >&2
    exit 1
  fi
done
