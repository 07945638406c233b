#!/usr/bin/env python3
"""Generates the Terraform benchmark set of docs/performance.md: FILES .tf files (default 200)
under target/tfbench, each holding ten copies of tests/fixtures/ECS403/fail-terraform.tf (a
task definition with jsonencode container definitions, a service and a target group, with the
planted ECS403 mistake) under renamed addresses. Then time or profile
`target/release/ecslint check target/tfbench --format json --output /dev/null`."""
import os
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
files = int(os.environ.get("FILES", "200"))
block = (root / "tests/fixtures/ECS403/fail-terraform.tf").read_text()
out = root / "target/tfbench"
out.mkdir(parents=True, exist_ok=True)
for f in range(files):
    copies = []
    for i in range(10):
        copies.append(block.replace('"web"', f'"web{f}_{i}"').replace(".web", f".web{f}_{i}"))
    (out / f"m{f:03d}.tf").write_text("\n".join(copies))
print(f"{files} files in {out}")
