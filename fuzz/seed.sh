#!/usr/bin/env bash
# Seeds the fuzz corpora from ../shared/corpus (the real ECS configurations) and the test
# fixtures. The corpora live under fuzz/corpus/, which git ignores.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/json_loader corpus/yaml_loader corpus/hcl_loader corpus/pipeline
shopt -s globstar nullglob
i=0
for f in ../../shared/corpus/**/*.json ../tests/fixtures/**/*.json; do
  cp "$f" "corpus/json_loader/seed-$i"; { printf '\x00'; cat "$f"; } > "corpus/pipeline/seed-$i"; i=$((i+1))
done
for f in ../../shared/corpus/**/*.yaml ../../shared/corpus/**/*.yml ../tests/fixtures/**/*.yaml; do
  cp "$f" "corpus/yaml_loader/seed-$i"; { printf '\x01'; cat "$f"; } > "corpus/pipeline/seed-$i"; i=$((i+1))
done
for f in ../../shared/corpus/**/*.tf ../tests/fixtures/**/*.tf; do
  cp "$f" "corpus/hcl_loader/seed-$i"; { printf '\xf0'; cat "$f"; } > "corpus/pipeline/seed-$i"; i=$((i+1))
done
echo "seeded $i files"
