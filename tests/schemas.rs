//! The generator of `schemas/*.schema.json` and its freshness test.
//!
//! The schemas are JSON Schema (draft 2020-12) made from botocore's ECS service model, vendored
//! unchanged as `schemas/vendor/botocore-<version>/*.json.gz` (checksums pinned below), and from
//! the prose-only constraints of `schemas/source/documented.json`. Generation is a test, outside
//! the normal build: `ECSLINT_UPDATE_SCHEMAS=1 cargo test --test schemas` rewrites the schemas;
//! without it the test fails when a committed schema differs from what the generator makes. The
//! list of schemas (names, roots, read-only members) is `ecslint::structure::schemas`.
//!
//! How a botocore shape becomes a schema: a structure is an object with `properties`,
//! `required` and `additionalProperties: false` (a union also has exactly one member), kept
//! once under `$defs`; a list is an array (`min`/`max` are its item count); a map is an object
//! of values; strings, numbers and booleans are inline, with the model's `enum`, `min`/`max`
//! (a string's length, a number's value) and `pattern`. The member's documentation (its first
//! paragraph, as text) is its `description`. An input whose command's output holds members the
//! input refuses (`revision` from `describe-task-definition`) lists them with `not: {}` and a
//! description saying so: an editor flags them, and the linter reports them as read-only.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use ecslint::structure::schemas::{ApiSchema, API_SCHEMAS, BOTOCORE_VERSION};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

const ECS_MODEL: &str = "schemas/vendor/botocore-1.44.5/botocore-1.44.5-ecs-2014-11-13.json.gz";
const ELBV2_MODEL: &str = "schemas/vendor/botocore-1.44.5/botocore-1.44.5-elbv2-2015-12-01.json.gz";
const DOCUMENTED: &str = "schemas/source/documented.json";

/// The SHA-256 of each vendored file, as botocore's and cfn-lint's wheels ship it.
const CHECKSUMS: [(&str, &str); 11] = [
    (
        ECS_MODEL,
        "8fb84df460708fd649d2e58b6940df747bd964518deb6a23b86a5b10ea13cab4",
    ),
    (
        ELBV2_MODEL,
        "816d84251896c902f3b226bbff6e893e482feab2423e1a67b4b3ea35846be87b",
    ),
    (
        "schemas/vendor/cfn-lint-1.58.0/aws-ecs-taskdefinition.json",
        "96f450d5db43c4c6eb628f309ea3775603963aaeb20c302c29a5c201976c9a7e",
    ),
    (
        "schemas/vendor/cfn-lint-1.58.0/aws-ecs-service.json",
        "6bf0dd57ed380d3fb16fe7a1793083524b63415200e8249f70f94120b8b5c422",
    ),
    (
        "schemas/vendor/cfn-lint-1.58.0/aws-ecs-cluster.json",
        "bc4b255e57018908ef10dece5e6b1bac95bf1185a794729cba0ecadc65a73ec3",
    ),
    (
        "schemas/vendor/cfn-lint-1.58.0/aws-ecs-capacityprovider.json",
        "1d06c54583f779003f46ffcf48292c199f2cbf1f5a7f0695e65f410a8087719b",
    ),
    (
        "schemas/vendor/cfn-lint-1.58.0/aws-ecs-clustercapacityproviderassociations.json",
        "18f4f0ca4da525f7f33571471b27eae376ee6c7e656d81822bc9b2ebb9582dc1",
    ),
    (
        "schemas/vendor/cfn-lint-1.58.0/aws-elasticloadbalancingv2-targetgroup.json",
        "520d4a44160b5872b6fe6b42dda1bea3e54445a5f3266197fa23a2e6a3817b98",
    ),
    (
        "schemas/vendor/cfn-lint-1.58.0/aws-elasticloadbalancingv2-listener.json",
        "944000f37e07ac289911731e3de1145ca7312e53bdeda4918d87ac93b909ca85",
    ),
    (
        "schemas/vendor/cfn-lint-1.58.0/aws-elasticloadbalancingv2-listenerrule.json",
        "723d529c88e4ff518c7ca73d2a6db0e546d2a018f61fbe71c568220a1c1963a8",
    ),
    (
        "schemas/vendor/cfn-lint-1.58.0/aws-elasticloadbalancingv2-loadbalancer.json",
        "a7ac76096572fa32730d947276666983df27b3180d923ea3b9176066e1265460",
    ),
];

fn read_model(path: &str) -> Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn vendored_models_are_botocores_files() {
    for (path, expected) in CHECKSUMS {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let digest: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(digest, expected, "{path} is not the file its wheel ships");
    }
    let model = read_model(ECS_MODEL);
    assert_eq!(model["metadata"]["uid"], "ecs-2014-11-13");
    assert!(ECS_MODEL.contains(BOTOCORE_VERSION));
}

#[test]
fn schemas_are_what_the_generator_makes() {
    let model = read_model(ECS_MODEL);
    let documented: Value =
        serde_json::from_str(&std::fs::read_to_string(DOCUMENTED).expect(DOCUMENTED))
            .expect("documented.json parses");
    let update = std::env::var_os("ECSLINT_UPDATE_SCHEMAS").is_some();
    let mut stale = Vec::new();
    for schema in &API_SCHEMAS {
        let made = generate(&model, &documented, schema);
        let path = Path::new("schemas").join(schema.file);
        if update {
            std::fs::write(&path, &made).expect("write the schema");
        } else if made != schema.text {
            stale.push(schema.file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale schemas {stale:?}: run `ECSLINT_UPDATE_SCHEMAS=1 cargo test --test schemas`"
    );
}

#[test]
fn every_documented_constraint_names_a_member_of_the_model() {
    let model = read_model(ECS_MODEL);
    let documented: Value =
        serde_json::from_str(&std::fs::read_to_string(DOCUMENTED).expect(DOCUMENTED))
            .expect("documented.json parses");
    for (key, entry) in documented.as_object().expect("an object") {
        if key == "$comment" {
            continue;
        }
        let (shape, member) = key.split_once('.').expect("Shape.member");
        assert!(
            model["shapes"][shape]["members"][member].is_object(),
            "{key} is not a member of the model"
        );
        assert!(entry["source"].is_string(), "{key} has no source");
    }
}

/// The schema text for `schema`.
fn generate(model: &Value, documented: &Value, schema: &ApiSchema) -> String {
    let mut g = Generator {
        shapes: model["shapes"].as_object().expect("shapes"),
        documented: documented.as_object().expect("documented"),
        defs: Map::new(),
        queued: BTreeSet::new(),
        pending: Vec::new(),
    };
    let mut root = Map::new();
    root.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    root.insert(
        "title".into(),
        json!(format!("Amazon ECS: {}", schema.summary)),
    );
    root.insert(
        "$comment".into(),
        json!(format!(
            "Generated by ecslint's tests/schemas.rs from botocore {BOTOCORE_VERSION} (ECS model ecs-2014-11-13, shape {}) and schemas/source/documented.json. Do not edit.",
            schema.root
        )),
    );
    let body = match schema.list_of {
        Some(max) => json!({
            "type": "array",
            "items": g.reference(schema.root),
            "minItems": 1,
            "maxItems": max,
        }),
        None => g.reference(schema.root),
    };
    if let Value::Object(fields) = body {
        root.extend(fields);
    }
    while let Some(name) = g.pending.pop() {
        let def = g.structure(&name);
        g.defs.insert(name, def);
    }
    if let Some(ro) = &schema.read_only {
        g.add_read_only(schema.root, ro);
    }
    let mut defs: Vec<(String, Value)> = std::mem::take(&mut g.defs).into_iter().collect();
    defs.sort_by(|a, b| a.0.cmp(&b.0));
    root.insert("$defs".into(), Value::Object(defs.into_iter().collect()));
    let mut text = serde_json::to_string_pretty(&Value::Object(root)).expect("serializes");
    text.push('\n');
    text
}

struct Generator<'m> {
    shapes: &'m Map<String, Value>,
    documented: &'m Map<String, Value>,
    defs: Map<String, Value>,
    queued: BTreeSet<String>,
    pending: Vec<String>,
}

impl Generator<'_> {
    fn shape(&self, name: &str) -> &Value {
        self.shapes
            .get(name)
            .unwrap_or_else(|| panic!("shape {name}"))
    }

    /// The schema standing where shape `name` is used: a `$ref` for a structure, the schema
    /// itself otherwise.
    fn reference(&mut self, name: &str) -> Value {
        let shape = self.shape(name).clone();
        match shape["type"].as_str() {
            Some("structure") => {
                if self.queued.insert(name.to_string()) {
                    self.pending.push(name.to_string());
                }
                json!({ "$ref": format!("#/$defs/{name}") })
            }
            Some("list") => {
                let item = shape["member"]["shape"].as_str().expect("list member");
                let mut out = Map::new();
                out.insert("type".into(), json!("array"));
                out.insert("items".into(), self.reference(item));
                bounds(&shape, "minItems", "maxItems", &mut out);
                Value::Object(out)
            }
            Some("map") => {
                let value = shape["value"]["shape"].as_str().expect("map value");
                let key = shape["key"]["shape"].as_str().expect("map key");
                let mut out = Map::new();
                out.insert("type".into(), json!("object"));
                let keys = self.reference(key);
                if keys.as_object().is_some_and(|k| k.len() > 1) {
                    out.insert("propertyNames".into(), keys);
                }
                out.insert("additionalProperties".into(), self.reference(value));
                bounds(&shape, "minProperties", "maxProperties", &mut out);
                Value::Object(out)
            }
            Some("string") => {
                let mut out = Map::new();
                out.insert("type".into(), json!("string"));
                if let Some(values) = shape.get("enum") {
                    out.insert("enum".into(), values.clone());
                }
                bounds(&shape, "minLength", "maxLength", &mut out);
                if let Some(p) = shape.get("pattern").and_then(Value::as_str) {
                    out.insert("pattern".into(), json!(format!("^{p}$")));
                }
                Value::Object(out)
            }
            Some("integer" | "long") => {
                let mut out = Map::new();
                out.insert("type".into(), json!("integer"));
                bounds(&shape, "minimum", "maximum", &mut out);
                Value::Object(out)
            }
            Some("double" | "float") => {
                let mut out = Map::new();
                out.insert("type".into(), json!("number"));
                bounds(&shape, "minimum", "maximum", &mut out);
                Value::Object(out)
            }
            Some("boolean") => json!({ "type": "boolean" }),
            // The CLI prints a timestamp as text; the SDKs as seconds.
            Some("timestamp") => json!({ "type": ["string", "number"] }),
            Some("blob") => json!({ "type": "string" }),
            other => panic!("shape {name} of type {other:?}"),
        }
    }

    fn structure(&mut self, name: &str) -> Value {
        let shape = self.shape(name).clone();
        let mut out = Map::new();
        out.insert("type".into(), json!("object"));
        if let Some(doc) = shape.get("documentation").and_then(Value::as_str) {
            let text = description(doc);
            if !text.is_empty() {
                out.insert("description".into(), json!(text));
            }
        }
        let mut properties = Map::new();
        let members = shape["members"].as_object().expect("members");
        for (member, spec) in members {
            let target = spec["shape"].as_str().expect("member shape");
            let mut schema = match self.reference(target) {
                Value::Object(m) => m,
                _ => unreachable!("a schema is an object"),
            };
            if let Some(doc) = spec.get("documentation").and_then(Value::as_str) {
                let text = description(doc);
                if !text.is_empty() {
                    schema.insert("description".into(), json!(text));
                }
            }
            if spec.get("deprecated").and_then(Value::as_bool) == Some(true) {
                schema.insert("deprecated".into(), json!(true));
            }
            if let Some(extra) = self.documented.get(&format!("{name}.{member}")) {
                for (k, v) in extra.as_object().expect("an entry") {
                    match k.as_str() {
                        "source" => {
                            schema.insert("$comment".into(), v.clone());
                        }
                        "checked_by" => {
                            schema.insert("x-ecslint-checked-by".into(), v.clone());
                        }
                        "items" => {
                            // Constraints on each item beside the item's own schema.
                            let items = schema.entry("items").or_insert_with(|| json!({}));
                            if let (Some(items), Some(extra)) =
                                (items.as_object_mut(), v.as_object())
                            {
                                items.extend(extra.clone());
                            }
                        }
                        _ => {
                            schema.insert(k.clone(), v.clone());
                        }
                    }
                }
            }
            properties.insert(member.clone(), Value::Object(schema));
        }
        out.insert("properties".into(), Value::Object(properties));
        if let Some(required) = shape.get("required") {
            out.insert("required".into(), required.clone());
        }
        out.insert("additionalProperties".into(), json!(false));
        if shape.get("union").and_then(Value::as_bool) == Some(true) {
            out.insert("minProperties".into(), json!(1));
            out.insert("maxProperties".into(), json!(1));
        }
        Value::Object(out)
    }

    /// Lists the members of `ro.output_shape` that the input `root` lacks, each refused.
    fn add_read_only(&mut self, root: &str, ro: &ecslint::structure::schemas::ReadOnly) {
        let input: BTreeSet<&str> = self.shape(root)["members"]
            .as_object()
            .expect("members")
            .keys()
            .map(String::as_str)
            .collect();
        let output: Vec<String> = self.shape(ro.output_shape)["members"]
            .as_object()
            .expect("members")
            .keys()
            .filter(|k| !input.contains(k.as_str()))
            .cloned()
            .collect();
        let def = self
            .defs
            .get_mut(root)
            .and_then(|d| d["properties"].as_object_mut())
            .expect("the root's properties");
        for member in output {
            let renamed = ro.renamed.iter().find(|(from, _)| *from == member);
            let text = match renamed {
                Some((_, to)) => format!(
                    "Read-only: {} output names the field `{member}`; {} takes it as `{to}`.",
                    ro.output, ro.input
                ),
                None => format!(
                    "Read-only: set by ECS in {} output; {} refuses it.",
                    ro.output, ro.input
                ),
            };
            def.insert(
                member,
                json!({ "description": text, "readOnly": true, "not": {} }),
            );
        }
    }
}

/// The model's `min`/`max` of `shape` as the keywords `lo` and `hi`.
fn bounds(shape: &Value, lo: &str, hi: &str, out: &mut Map<String, Value>) {
    for (from, to) in [("min", lo), ("max", hi)] {
        if let Some(v) = shape.get(from) {
            // A length, count or size of at least zero says nothing; a value's does.
            let keep = v.as_f64() != Some(0.0) || to == "minimum";
            if keep {
                out.insert(to.into(), v.clone());
            }
        }
    }
}

/// The first paragraph of botocore's HTML documentation, as plain text.
fn description(html: &str) -> String {
    let first = html.split("</p>").next().unwrap_or(html);
    let mut text = String::new();
    let mut in_tag = false;
    for c in first.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
