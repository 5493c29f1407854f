#!/bin/sh
# One-shot (temporalio/admin-tools): registers the search attributes the lead workflows set, so the
# Temporal UI can filter leads by dealer, source, grade, status, agent, score (Int) and the step they wait
# for with its due time (LeadStep, LeadStepDueAt: leads stuck on a step). Safe to re-run: an
# attribute that is already there as a Keyword counts as done. (The app also tries this at start, but
# may lack the permission on a managed cluster; this makes it a deploy step that visibly fails.)
set -u
: "${TEMPORAL_ADDRESS:=temporal:7233}"
: "${TEMPORAL_NAMESPACE:=default}"
# name:type, as the temporal CLI spells the type
ATTRIBUTES="DealerId:Keyword LeadSource:Keyword LeadGrade:Keyword LeadStatus:Keyword AssignedAgent:Keyword LeadScore:Int LeadStep:Keyword
LeadStepDueAt:Datetime"

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

for attribute in $ATTRIBUTES; do
  name=${attribute%%:*}
  type=${attribute#*:}
  if sa create --name "$name" --type "$type" >/dev/null 2>&1; then
    echo "Search attribute $name registered"
  elif sa list | grep -iw "$name" | grep -qi "$type"; then
    echo "Search attribute $name already registered"
  else
    echo "Could not register search attribute $name (is it registered with another type?)" >&2
    exit 1
  fi
done
