#!/usr/bin/env python3
"""Differential test: ecslint's structural rules against botocore's ParamValidator.

For every AWS API input file (a register-task-definition input, a file of container
definitions, a create-service or update-service input) among the given paths, and for
generated mutations of this repository's fixtures, it compares what botocore's own parameter
validator (the AWS CLI's, before it sends a request) reports with what ecslint reports, for the
kinds both check: an unknown field (ecslint ECS005, or ECS006 for a read-only one), a wrong type
(ECS007, or ECS008 for null), a missing required field (ECS010) and a value under the model's
minimum (ECS011). Enum values, maximums and patterns botocore does not check client-side.

Every disagreement must be explained in tests/data/botocore-differential.tsv (file, kind,
pointer, which side reports it, why); the script fails on one that is not, and on an
explanation that no longer matches anything. It prints the agreement figures.

    python3 tests/differential/botocore_params.py target/release/ecslint [paths...]

Needs botocore (pinned in .ci/run: the version the schemas are generated from). A dev-time
check, never a runtime dependency.
"""
import copy
import json
import os
import re
import subprocess
import sys
import tempfile

import botocore.session
from botocore.validate import ParamValidator

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPLAINED = os.path.join(ROOT, "tests", "data", "botocore-differential.tsv")
STRUCTURAL = "ECS005,ECS006,ECS007,ECS008,ECS010,ECS011"

MODEL = botocore.session.get_session().get_service_model("ecs")
VALIDATOR = ParamValidator()

READ_ONLY_TASK = {"taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities",
                  "registeredAt", "registeredBy", "deregisteredAt", "deleteRequestedAt"}


def operation(doc):
    """The API operation a document is input to, and the document as that input (a file of
    container definitions is validated inside a register-task-definition input), or None."""
    if isinstance(doc, list):
        if doc and all(isinstance(c, dict) and "image" in c for c in doc):
            return "RegisterTaskDefinition", {"family": "x", "containerDefinitions": doc}, "/containerDefinitions"
        return None
    if not isinstance(doc, dict) or "Resources" in doc or "AWSTemplateFormatVersion" in doc:
        return None
    # An ecspresso configuration (ecslint reads its task and service definitions instead).
    if {"service_definition", "task_definition", "region", "cluster"} & doc.keys() and not (
            {"serviceName", "containerDefinitions"} & doc.keys()) and "service_definition" in doc:
        return None
    if "containerDefinitions" in doc and "taskDefinition" not in doc:
        return "RegisterTaskDefinition", doc, ""
    if "image" in doc and "name" in doc and "containerDefinitions" not in doc:
        return "RegisterTaskDefinition", {"family": "x", "containerDefinitions": [doc]}, "/containerDefinitions/0"
    run_task = {"count", "overrides", "startedBy", "group"}
    if run_task & doc.keys():
        return None
    if isinstance(doc.get("serviceName"), str) and "serviceArn" not in doc and (
            {"taskDefinition", "cluster", "desiredCount", "launchType", "loadBalancers"} & doc.keys()):
        return "CreateService", doc, ""
    if isinstance(doc.get("service"), str):
        return "UpdateService", doc, ""
    return None


PLACEHOLDER = re.compile(r"\$\{|\{\{|\$\$|#\{|\$\(|^\$[A-Za-z_]\w*$|<[A-Za-z0-9_.-]+>")


def is_placeholder(value):
    """A template placeholder (`${PORT}`, `{{ .Values.x }}`, `<PORT>`), or an object or list a
    placeholder stands in: ecslint reads it as unknown, botocore validates the unrendered text."""
    if isinstance(value, str):
        return bool(PLACEHOLDER.search(value))
    if isinstance(value, list):
        return any(is_placeholder(v) for v in value)
    if isinstance(value, dict):
        return any(is_placeholder(k) or is_placeholder(v) for k, v in value.items())
    return False


def at_pointer(doc, p):
    node = doc
    for part in [x for x in p.split("/") if x != ""]:
        if isinstance(node, list):
            try:
                node = node[int(part)]
            except (ValueError, IndexError):
                return None
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return node


def pointer(botocore_name):
    """`.containerDefinitions[0].portMappings` -> `/containerDefinitions/0/portMappings`."""
    out = ""
    for part in re.findall(r"\.([^.\[\]]+)|\[(\d+)\]", botocore_name):
        out += "/" + (part[0] or part[1])
    return out


def from_root(p, prefix):
    """A pointer into the validated input, as a pointer into the file (a container file's items
    sit under `/containerDefinitions` in the input botocore sees)."""
    if prefix and p.startswith(prefix):
        return p[len(prefix):] or ""
    return p


def botocore_errors(op, doc, prefix):
    shape = MODEL.operation_model(op).input_shape
    report = VALIDATOR.validate(doc, shape)
    out = set()
    for kind, name, extra in report._errors:
        at = pointer(name)
        if kind == "unknown field":
            out.add(("unknown", from_root(at + "/" + extra["unknown_param"], prefix)))
        elif kind == "invalid type":
            out.add(("type", from_root(at, prefix)))
        elif kind == "missing required field":
            field = extra["required_name"]
            if prefix and at == "" and field in ("family", "containerDefinitions"):
                continue  # the wrapper's, not the file's
            if at == "" and field in ("family", "containerDefinitions"):
                # ecslint reports these with ECS109 and ECS106.
                out.add(("required-elsewhere", "/" + field))
                continue
            out.add(("required", from_root(at + "/" + field, prefix)))
        elif kind in ("invalid range", "invalid length"):
            out.add(("range", from_root(at, prefix)))
        else:
            out.add((kind, from_root(at, prefix)))
    return out


def ecslint_errors(findings):
    out = set()
    for f in findings:
        rule, at = f["rule"], f["pointer"]
        if rule == "ECS005":
            out.add(("unknown", at))
        elif rule == "ECS006":
            # One finding lists every read-only field of the object (at the first one's key);
            # a renamed field is its own.
            listed = re.search(r"\(([^)]*)\)", f["message"])
            parent = at.rsplit("/", 1)[0]
            if listed and "ECS sets" in f["message"]:
                for name in re.findall(r"`([^`]+)`", listed.group(1)):
                    out.add(("unknown", parent + "/" + name))
            else:
                out.add(("unknown", at))
        elif rule in ("ECS007", "ECS008"):
            out.add(("type", at))
        elif rule == "ECS010":
            field = re.search(r"has no `([^`]+)`", f["message"]).group(1)
            out.add(("required", at + "/" + field))
        elif rule == "ECS011" and "at least" in f["message"]:
            out.add(("range", at))
        elif rule == "ECS109" and "has no `family`" in f["message"]:
            out.add(("required-elsewhere", "/family"))
        elif rule == "ECS106" and "no `containerDefinitions`" in f["message"]:
            out.add(("required-elsewhere", "/containerDefinitions"))
    return out


MUTATIONS = [
    # (name, function(doc) -> mutated doc or None)
]


def container(doc):
    if isinstance(doc, dict) and isinstance(doc.get("containerDefinitions"), list) and doc["containerDefinitions"]:
        first = doc["containerDefinitions"][0]
        return first if isinstance(first, dict) else None
    return None


def mutate(doc):
    """Deterministic mutations of a valid input: one mistake each."""
    out = []
    c = container(doc)
    if c is not None:
        for name, change in [
            ("typo", lambda d, c: c.__setitem__("portBindings", c.pop("portMappings", [{"containerPort": 80}]))),
            ("case", lambda d, c: c.__setitem__("entrypoint", ["/bin/sh"])),
            ("memory-string", lambda d, c: c.__setitem__("memory", "512")),
            ("essential-string", lambda d, c: c.__setitem__("essential", "true")),
            ("null-ulimits", lambda d, c: c.__setitem__("ulimits", None)),
            ("secret-object", lambda d, c: c.__setitem__("secrets", {"name": "A", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/a"})),
            ("secret-missing-value-from", lambda d, c: c.__setitem__("secrets", [{"name": "A"}])),
            ("ulimit-missing-hard", lambda d, c: c.__setitem__("ulimits", [{"name": "nofile", "softLimit": 1024}])),
            ("cpu-number", lambda d, c: d.__setitem__("cpu", 256)),
            ("revision", lambda d, c: d.__setitem__("revision", 3)),
            ("task-role-null", lambda d, c: d.__setitem__("taskRoleArn", None)),
            ("port-string", lambda d, c: c.__setitem__("portMappings", [{"containerPort": "80"}])),
        ]:
            d = copy.deepcopy(doc)
            change(d, container(d))
            out.append((name, d))
    if isinstance(doc, dict) and isinstance(doc.get("serviceName"), str):
        for name, change in [
            ("service-typo", lambda d: d.__setitem__("loadBalancer", d.pop("loadBalancers", []))),
            ("desired-string", lambda d: d.__setitem__("desiredCount", "2")),
            ("service-arn", lambda d: d.__setitem__("serviceArn", "arn:aws:ecs:us-east-1:123456789012:service/c/web")),
            ("alarms-without-rollback", lambda d: d.__setitem__("deploymentConfiguration", {"alarms": {"alarmNames": ["a"], "enable": True}})),
        ]:
            d = copy.deepcopy(doc)
            change(d)
            out.append((name, d))
    return out


def load_explained():
    rows = []
    if os.path.exists(EXPLAINED):
        for line in open(EXPLAINED, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 5:
                sys.exit(f"{EXPLAINED}: a row needs file, kind, pointer, side, reason: {line!r}")
            rows.append(tuple(parts[:5]))
    return rows


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    paths = sys.argv[2:] or [os.path.join(ROOT, "tests", "fixtures")]
    inputs = {}  # label -> (doc, op, input, prefix, path on disk)
    for base in paths:
        for dirpath, _, files in os.walk(base):
            for name in sorted(files):
                if not name.endswith(".json"):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    with open(path, encoding="utf-8") as f:
                        doc = json.load(f)
                except (ValueError, UnicodeDecodeError):
                    continue
                found = operation(doc)
                if found:
                    label = os.path.relpath(path, base if os.path.isdir(base) else os.path.dirname(base))
                    label = os.path.basename(os.path.normpath(base)) + "/" + label
                    inputs[label] = (doc, found, path)
    with tempfile.TemporaryDirectory() as tmp:
        # Mutations of the valid fixtures (`pass-*` files).
        for label, (doc, found, _) in list(inputs.items()):
            if "/pass-" not in label or not label.startswith("fixtures/"):
                continue
            for name, mutated in mutate(doc):
                m_label = f"mutation/{label}/{name}"
                path = os.path.join(tmp, m_label.replace("/", "__") + ".json")
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(mutated, f, indent=2)
                m_found = operation(mutated)
                if m_found:
                    inputs[m_label] = (mutated, m_found, path)
        files = [v[2] for v in inputs.values()]
        result = subprocess.run(
            [binary, "check", "--select", STRUCTURAL + ",ECS106,ECS109", "--format", "json",
             "--output", os.path.join(tmp, "report.json"), *files],
            capture_output=True, text=True)
        if result.returncode not in (0, 1):
            sys.exit(f"ecslint failed ({result.returncode}): {result.stderr}")
        with open(os.path.join(tmp, "report.json"), encoding="utf-8") as f:
            report = json.load(f)
    by_file = {}
    for finding in report["findings"]:
        by_file.setdefault(os.path.abspath(finding["file"]), []).append(finding)
    explained = load_explained()
    used = set()
    agree = both = only_botocore = only_ecslint = templated = tools = 0
    unexplained = []
    for label, (doc, (op, api_input, prefix), path) in sorted(inputs.items()):
        theirs = botocore_errors(op, api_input, prefix)
        ours = ecslint_errors(by_file.get(os.path.abspath(path), []))
        both += len(theirs & ours)
        if theirs == ours:
            agree += 1
        for side, diff in (("botocore", theirs - ours), ("ecslint", ours - theirs)):
            for kind, at in sorted(diff):
                if side == "botocore" and kind == "type" and is_placeholder(at_pointer(doc, at)):
                    templated += 1
                    continue
                # ecspresso renders a task definition holding its Go-template actions and drops
                # the describe-output fields before registering: ecslint leaves them to it.
                if (side == "botocore" and kind == "unknown" and at.rsplit("/", 1)[-1] in READ_ONLY_TASK
                        and at.count("/") == 1 and "{{" in json.dumps(doc)):
                    tools += 1
                    continue
                if side == "botocore":
                    only_botocore += 1
                else:
                    only_ecslint += 1
                row = next((r for r in explained
                            if re.fullmatch(r[0], label) and r[1] == kind and re.fullmatch(r[2], at) and r[3] == side),
                           None)
                if row is None:
                    unexplained.append(f"{label}: {kind} at {at or '/'} only from {side}")
                else:
                    used.add(row)
    print(f"botocore {botocore.__version__} differential: {len(inputs)} API inputs "
          f"({sum(1 for l in inputs if l.startswith('mutation/'))} mutations); identical verdicts on {agree}; "
          f"{both} errors found by both, {only_botocore} by botocore only, {only_ecslint} by ecslint only; "
          f"{templated} type errors botocore gives a template placeholder, which ecslint reads as unknown; "
          f"{tools} describe-output fields of ecspresso task definitions, which ecspresso drops")
    stale = [r for r in explained if r not in used]
    for r in stale:
        print(f"stale explanation (matches nothing): {r[:4]}")
    for u in unexplained:
        print(f"unexplained: {u}")
    if unexplained or stale:
        sys.exit(1)


if __name__ == "__main__":
    main()
