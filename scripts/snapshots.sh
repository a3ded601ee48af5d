#!/usr/bin/env bash
# Captures `glossary lookup strategisk-alliance` in a real terminal (tmux) at 40, 80 and 160
# columns, colour stripped by capture-pane, into tests/snapshots/ for the end-to-end tests.
# Run after a change to rendering that is meant; review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
for cols in 40 80 160; do
  session="glossary-snap-$cols"
  tmux kill-session -t "$session" 2>/dev/null || true
  tmux new-session -d -s "$session" -x "$cols" -y 50 "env -i HOME=$(mktemp -d) TERM=xterm-256color PATH=$PATH PS1='READY\$ ' bash --norc --noprofile"
  tmux set-option -t "$session" history-limit 5000 >/dev/null
  sleep 0.5
  tmux send-keys -t "$session" "echo START-OF-ARTICLE; node bin/glossary.js lookup strategisk-alliance --no-pager; echo END-OF-ARTICLE" Enter
  for _ in $(seq 100); do
    tmux capture-pane -p -t "$session" | grep -q '^END-OF-ARTICLE$' && break
    sleep 0.1
  done
  # Everything between the command line and the end marker, trailing blanks removed.
  tmux capture-pane -p -S - -t "$session" |
    awk '/^END-OF-ARTICLE$/ {exit} started {print} /^START-OF-ARTICLE$/ {started=1}' |
    sed 's/[[:space:]]*$//' > "tests/snapshots/strategisk-alliance-$cols.txt"
  tmux kill-session -t "$session"
done
wc -l tests/snapshots/*.txt
