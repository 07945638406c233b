#!/usr/bin/env python3
"""The generated schemas under an independent validator: Python's `jsonschema` (not the Rust
crate ecslint validates with) checks that each schema is a valid draft 2020-12 schema, and
validates every good fixture that is AWS API input (`tests/fixtures/*/pass-*`, templates with
placeholders left out) against the schema of its operation. It fails on any error.

    python3 tests/differential/schemas_independent.py
"""
import importlib.metadata
import json
import os
import sys

import jsonschema
import regress
from jsonschema import validators
from jsonschema.exceptions import ValidationError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from botocore_params import ROOT, is_placeholder, operation  # noqa: E402

def ecma_regex(pattern):
    """JSON Schema patterns are ECMA-262 regular expressions (`\\p{L}` with the `u` flag), which
    Python's `re` does not read: `regress` does."""
    return regress.Regex(pattern, "u")


FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("regex", raises=(regress.RegressError,))
def is_regex(instance):
    if isinstance(instance, str):
        ecma_regex(instance)
    return True


def pattern(validator, patrn, instance, schema):
    if validator.is_type(instance, "string") and ecma_regex(patrn).find(instance) is None:
        yield ValidationError(f"{instance!r} does not match {patrn!r}")


Validator = validators.extend(jsonschema.Draft202012Validator, {"pattern": pattern})
META = jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA,
                                       format_checker=FORMATS)

# Good fixtures of other rules that are structurally wrong on purpose (the structural rules
# report them, see the comment), or a value the schema tells an editor about and ecslint leaves.
NOT_STRUCTURALLY_CLEAN = {
    "ECS102/pass-numbers.json": "task cpu and memory as numbers (ECS007)",
    "ECS103/pass-numbers.json": "task cpu and memory as numbers (ECS007)",
    "ECS105/pass-hard-limits-not-summed.json": "a null memoryReservation (ECS008)",
    "ECS201/pass-string-equal.json": "ports as strings (ECS007)",
    "ECS210/pass-string-false.json": "privileged as a string (ECS007)",
    "ECS402/pass-string-port/service.json": "a port as a string (ECS007)",
    "ECS402/pass-string-port/taskdef.json": "a port as a string (ECS007)",
    "ECS009/pass-values.json": "protocol `http`: ECS reads it as tcp, so ecslint does not report it",
}

SCHEMA_OF = {"RegisterTaskDefinition": "task-definition", "CreateService": "service",
             "UpdateService": "update-service"}


def main():
    schemas = {}
    for name in os.listdir(os.path.join(ROOT, "schemas")):
        if name.endswith(".schema.json") and name != "ecslint.schema.json":
            with open(os.path.join(ROOT, "schemas", name), encoding="utf-8") as f:
                schema = json.load(f)
            errors = list(META.iter_errors(schema))
            if errors:
                sys.exit(f"{name} is not a valid draft 2020-12 schema: {errors[0].message}")
            schemas[name[: -len(".schema.json")]] = Validator(schema)
    checked, failures = 0, []
    fixtures = os.path.join(ROOT, "tests", "fixtures")
    for dirpath, _, files in os.walk(fixtures):
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, fixtures)
            if not name.endswith(".json") or "/pass-" not in "/" + rel.replace(os.sep, "/"):
                continue
            try:
                with open(path, encoding="utf-8") as f:
                    doc = json.load(f)
            except ValueError:
                continue
            found = operation(doc)
            if not found or is_placeholder(doc) or rel.replace(os.sep, "/") in NOT_STRUCTURALLY_CLEAN:
                continue
            op, _, _ = found
            schema = SCHEMA_OF[op]
            if isinstance(doc, list):
                schema = "container-definitions"
            elif "containerDefinitions" not in doc and op == "RegisterTaskDefinition":
                schema = "container-definition"
            errors = list(schemas[schema].iter_errors(doc))
            checked += 1
            for e in errors:
                failures.append(f"{rel}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
    print(f"python-jsonschema {importlib.metadata.version('jsonschema')}: {len(schemas)} schemas valid; "
          f"{checked} good fixtures validated, {len(failures)} errors")
    for f in failures:
        print(f)
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
