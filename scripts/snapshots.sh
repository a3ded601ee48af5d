#!/usr/bin/env bash
# Captures glossary's output in a real terminal (tmux), colour stripped by capture-pane, into
# tests/snapshots/ for the end-to-end tests: the seed at 40, 80 and 160 columns, and one capture
# per command at 80 columns (the bundled corpus, and a two-language fixture).
# Run after a change to output that is meant; review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."

capture() { # name columns args...
  local name=$1 cols=$2
  shift 2
  local session="glossary-snap-$cols"
  tmux kill-session -t "$session" 2>/dev/null || true
  tmux new-session -d -s "$session" -x "$cols" -y 50 "env -i HOME=$(mktemp -d) TERM=xterm-256color PATH=$PATH PS1='READY\$ ' bash --norc --noprofile"
  tmux set-option -t "$session" history-limit 5000 >/dev/null
  sleep 0.5
  tmux send-keys -t "$session" "echo START-OF-OUTPUT; node bin/glossary.js $* 2>&1; echo END-OF-OUTPUT" Enter
  for _ in $(seq 100); do
    tmux capture-pane -p -t "$session" | grep -q '^END-OF-OUTPUT$' && break
    sleep 0.1
  done
  # Everything between the command line and the end marker, trailing blanks removed.
  tmux capture-pane -p -J -S - -t "$session" |
    awk '/^END-OF-OUTPUT$/ {exit} started {print} /^START-OF-OUTPUT$/ {started=1}' |
    sed 's/[[:space:]]*$//' > "tests/snapshots/$name.txt"
  tmux kill-session -t "$session"
}

for cols in 40 80 160; do capture "strategisk-alliance-$cols" "$cols" lookup strategisk-alliance --no-pager; done
# One per command at 80 columns (tests/snapshots/commands.txt), stdout and stderr as the terminal shows them.
while IFS='|' read -r name args; do
  [ -n "$name" ] && capture "$name" 80 $args
done < tests/snapshots/commands.txt
ls tests/snapshots | wc -l
