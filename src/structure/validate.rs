//! Validating a resource's tree against its schema, and turning each schema error into one
//! located [`Problem`]: the structural rules (ECS005–ECS012) each report the problems of their
//! kind.
//!
//! Unknown is never a problem: an error at a placeholder or a CloudFormation intrinsic, a
//! required field missing from an object a placeholder stands in (its fields are unknown), and
//! an error a dedicated rule reports better (the schema marks the member
//! `x-ecslint-checked-by`) are dropped.

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use jsonschema::types::JsonType;
use jsonschema::{Draft, Validator};
use serde_json::Value;

use super::schemas::{ApiSchema, ReadOnly, API_SCHEMAS, TEMPLATE_SCHEMAS};
use super::tree_json::{Tree, TreeNode};
use crate::load::{Kind, Member, Node};
use crate::span::Span;

/// What is wrong, and what the schema says instead.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// A field the shape does not have; `suggestion` is the field meant, when one is close.
    Unknown { suggestion: Option<Suggestion> },
    /// Fields ECS sets in `output`, which `input` refuses: every such field of one object in
    /// one problem (the first is the problem's `field`), or one the input takes under another
    /// name (`renamed`).
    ReadOnly {
        output: &'static str,
        input: &'static str,
        fields: Vec<String>,
        renamed: Option<&'static str>,
    },
    /// A value of another JSON type than the shape's (`expected`: "a string").
    Type {
        expected: String,
        found: &'static str,
    },
    /// `null` where a typed value belongs.
    Null { expected: String },
    /// A string outside the shape's values.
    Enum { allowed: Vec<String> },
    /// A required field is missing.
    Required { field: String },
    /// A number, length or item count outside its bounds (`bound`: "at most 10 items").
    Range { bound: String },
    /// A string that does not match the shape's pattern.
    Pattern { pattern: String },
}

/// What an unknown field most likely meant.
#[derive(Clone, Debug, PartialEq)]
pub enum Suggestion {
    /// A field of the same object, spelt differently (`entrypoint`, `portBindings`).
    Field(String),
    /// A field of the enclosing task definition, written in a container (`networkMode`).
    TaskLevel,
}

/// One schema error at its place in the file.
#[derive(Clone, Debug)]
pub struct Problem<'t> {
    pub kind: ProblemKind,
    /// Where the finding goes: the key of an unknown or read-only field, the value of a wrong
    /// one, the object lacking a required field (its key in the parent, when it has one).
    pub span: Span,
    /// The field's name as the file writes it (the array's, for an item; empty for the root).
    pub field: String,
    /// The node the problem is about (the object, for a missing or unknown field).
    pub node: &'t Node<'t>,
    /// The API shape of the object the field belongs to (`ContainerDefinition`; empty for a
    /// list at the root of the file; the resource type for a template resource's properties).
    pub shape: String,
    /// Who reads the object, and so who refuses the mistake.
    pub reader: Reader,
}

/// Who reads an object ecslint validates: the AWS CLI (API input), CloudFormation (a
/// template's properties), or Terraform's AWS provider (container definitions of an
/// `aws_ecs_task_definition`, decoded with Go's `encoding/json` before ECS sees them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    AwsCli,
    CloudFormation,
    Terraform,
}

/// Which schema a resource is validated against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// One of [`API_SCHEMAS`].
    Api(usize),
    /// One of [`TEMPLATE_SCHEMAS`].
    Template(usize),
}

/// A compiled validator per schema of [`API_SCHEMAS`], each built on its first use (a run over
/// task definitions compiles only theirs); a schema that does not compile is a bug the tests
/// catch, and validates nothing rather than panicking.
static VALIDATORS: [OnceLock<Option<Compiled>>; API_SCHEMAS.len()] =
    [const { OnceLock::new() }; API_SCHEMAS.len()];
static TEMPLATE_VALIDATORS: [OnceLock<Option<Compiled>>; TEMPLATE_SCHEMAS.len()] =
    [const { OnceLock::new() }; TEMPLATE_SCHEMAS.len()];

/// The compiled validator of a schema, compiled on first use.
fn validator(which: Which) -> Option<&'static Compiled> {
    match which {
        Which::Api(i) => VALIDATORS
            .get(i)?
            .get_or_init(|| {
                API_SCHEMAS
                    .get(i)
                    .and_then(|s| Compiled::new(s.text, Draft::Draft202012))
            })
            .as_ref(),
        // Resource provider schemas are draft-07.
        Which::Template(i) => TEMPLATE_VALIDATORS
            .get(i)?
            .get_or_init(|| {
                TEMPLATE_SCHEMAS
                    .get(i)
                    .and_then(|s| Compiled::new(s.text, Draft::Draft7))
            })
            .as_ref(),
    }
}

struct Compiled {
    validator: Validator<Tree>,
    schema: Value,
}

impl Compiled {
    fn new(text: &str, draft: Draft) -> Option<Compiled> {
        let schema: Value = serde_json::from_str(text).ok()?;
        let validator = jsonschema::options_for::<Tree>()
            .with_draft(draft)
            .should_validate_formats(false)
            .build(&schema)
            .ok()?;
        Some(Compiled { validator, schema })
    }
}

/// The index of the API schema called `name`.
pub fn api(name: &str) -> Option<Which> {
    API_SCHEMAS
        .iter()
        .position(|s| s.name == name)
        .map(Which::Api)
}

/// The index of the template schema of resource type `type_name`.
pub fn template(type_name: &str) -> Option<Which> {
    TEMPLATE_SCHEMAS
        .iter()
        .position(|s| s.type_name == type_name)
        .map(Which::Template)
}

/// The problems of `root` (a resource's object or properties, or a list of container
/// definitions) against the schema `which`.
pub fn problems<'t>(root: &'t Node<'t>, which: Which) -> Vec<Problem<'t>> {
    let Some(compiled) = validator(which) else {
        return Vec::new();
    };
    let (api, root_shape): (Option<&ApiSchema>, &str) = match which {
        Which::Api(i) => (API_SCHEMAS.get(i), ""),
        Which::Template(i) => (None, TEMPLATE_SCHEMAS.get(i).map_or("", |s| s.type_name)),
    };
    let template = api.is_none();
    let reader = if template {
        Reader::CloudFormation
    } else {
        Reader::AwsCli
    };
    let read_only: Option<&ReadOnly> = api.and_then(|a| a.read_only.as_ref());
    let container_root = api.is_some_and(|a| a.root == "ContainerDefinition");
    let mut out = Vec::new();
    // Most files are valid: the yes-or-no pass is several times cheaper than collecting errors.
    if compiled.validator.is_valid(TreeNode(root)) {
        return out;
    }
    for error in compiled.validator.iter_errors(TreeNode(root)) {
        let Some((node, member)) = resolve(root, error.instance_path()) else {
            continue;
        };
        let checked_elsewhere = checked_elsewhere(&compiled.schema, error.schema_path().as_str());
        if checked_elsewhere || is_unknown(node) {
            continue;
        }
        let field = member.map(|m| m.key.to_string()).unwrap_or_default();
        let shape = match shape_in(error.schema_path().as_str()) {
            s if s.is_empty() => root_shape.to_string(),
            s => s,
        };
        let is_item = matches!(
            error.instance_path().iter().last(),
            Some(LocationSegment::Index(_))
        );
        // A whole list or object is pointed at by its key (an item by its first character);
        // a scalar by itself.
        let first_char = Span::new(node.span.start as usize, node.span.start as usize + 1);
        let whole_span = match member {
            Some(m) if !is_item => m.key_span,
            _ => first_char,
        };
        let value_span = if node.as_object().is_some() || node.as_array().is_some() {
            whole_span
        } else {
            node.span
        };
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let known = subschema(&compiled.schema, error.schema_path().as_str(), 1)
                    .and_then(|s| s.get("properties"))
                    .and_then(Value::as_object);
                for key in unexpected {
                    // An extension field (`x-base: &base …`, Compose's and OpenAPI's
                    // convention) is there on purpose, for YAML anchors or another tool.
                    if key.starts_with("x-") {
                        continue;
                    }
                    let Some(m) = node.as_object().and_then(|ms| {
                        ms.iter()
                            .rev()
                            .find(|m| !m.is_open() && m.key == key.as_str())
                    }) else {
                        continue;
                    };
                    let suggestion = known.and_then(|k| suggest(key, k.keys().map(String::as_str)));
                    let suggestion = suggestion.map(Suggestion::Field).or_else(|| {
                        (!template && (container_root || is_container_path(error.instance_path())))
                            .then(|| task_level(key))
                            .flatten()
                    });
                    out.push(Problem {
                        kind: ProblemKind::Unknown { suggestion },
                        span: m.key_span,
                        field: key.clone(),
                        node,
                        shape: shape.clone(),
                        reader,
                    });
                }
            }
            ValidationErrorKind::Not { .. } => {
                let Some(ro) = read_only else { continue };
                let Some(m) = member else { continue };
                let renamed = ro
                    .renamed
                    .iter()
                    .find(|(from, _)| *from == m.key.as_ref())
                    .map(|(_, to)| *to);
                // One problem for the object's read-only fields: a describe output pasted whole
                // is one mistake, not one per field.
                let same_object = out.iter_mut().find(|p| {
                    matches!(&p.kind, ProblemKind::ReadOnly { renamed: None, .. })
                        && renamed.is_none()
                        && p.shape == shape
                });
                if let Some(p) = same_object {
                    if let ProblemKind::ReadOnly { fields, .. } = &mut p.kind {
                        fields.push(field);
                    }
                    // The problem is where the file writes the first of them.
                    if m.key_span.start < p.span.start {
                        p.span = m.key_span;
                        p.field = m.key.to_string();
                    }
                    continue;
                }
                out.push(Problem {
                    kind: ProblemKind::ReadOnly {
                        output: ro.output,
                        input: ro.input,
                        fields: vec![field.clone()],
                        renamed,
                    },
                    span: m.key_span,
                    field,
                    node,
                    shape,
                    reader,
                });
            }
            ValidationErrorKind::Type { kind } => {
                // CloudFormation converts scalars (`"512"` for a number, `"true"` for a
                // boolean, a number for a string) and drops a null property.
                if template && (node.is_null() || converts(node, kind)) {
                    continue;
                }
                let expected = expected_type(kind);
                let kind = if node.is_null() {
                    ProblemKind::Null { expected }
                } else {
                    ProblemKind::Type {
                        expected,
                        found: found_type(node),
                    }
                };
                out.push(Problem {
                    kind,
                    span: value_span,
                    field,
                    node,
                    shape,
                    reader,
                });
            }
            ValidationErrorKind::Enum { options } => {
                let allowed = options
                    .as_array()
                    .map(|o| {
                        o.iter()
                            .filter_map(Value::as_str)
                            .map(String::from)
                            .collect()
                    })
                    .unwrap_or_default();
                out.push(Problem {
                    kind: ProblemKind::Enum { allowed },
                    span: value_span,
                    field,
                    node,
                    shape,
                    reader,
                });
            }
            ValidationErrorKind::Required { property } => {
                if node.open_member().is_some() {
                    continue;
                }
                let Some(missing) = property.as_str() else {
                    continue;
                };
                out.push(Problem {
                    kind: ProblemKind::Required {
                        field: missing.to_string(),
                    },
                    span: whole_span,
                    field,
                    node,
                    shape,
                    reader,
                });
            }
            kind => {
                let Some(kind) = range_or_pattern(kind) else {
                    continue;
                };
                out.push(Problem {
                    kind,
                    span: value_span,
                    field,
                    node,
                    shape,
                    reader,
                });
            }
        }
    }
    // A required field written in another case or spelling is one mistake, the unknown key:
    // not also a missing field.
    let misspelt: Vec<(*const Node<'t>, String)> = out
        .iter()
        .filter_map(|p| match &p.kind {
            ProblemKind::Unknown {
                suggestion: Some(Suggestion::Field(meant)),
            } => Some((std::ptr::from_ref(p.node), meant.clone())),
            _ => None,
        })
        .collect();
    out.retain(|p| match &p.kind {
        ProblemKind::Required { field } => !misspelt
            .iter()
            .any(|(node, meant)| *node == std::ptr::from_ref(p.node) && meant == field),
        _ => true,
    });
    // Read-only fields listed in the order the file writes them.
    for p in &mut out {
        if let (ProblemKind::ReadOnly { fields, .. }, Some(members)) =
            (&mut p.kind, root.as_object())
        {
            let at = |f: &String| members.iter().position(|m| m.key == f.as_str());
            fields.sort_by_key(at);
        }
    }
    out
}

/// The node at `path` under `root`, and the member holding it (none for the root or an item).
fn resolve<'t>(
    root: &'t Node<'t>,
    path: &jsonschema::paths::Location,
) -> Option<(&'t Node<'t>, Option<&'t Member<'t>>)> {
    let mut node = root;
    let mut member = None;
    for segment in path.iter() {
        match segment {
            LocationSegment::Property(key) => {
                let m = node
                    .as_object()?
                    .iter()
                    .rev()
                    .find(|m| !m.is_open() && m.key == key.as_ref())?;
                node = &m.value;
                member = Some(m);
            }
            LocationSegment::Index(i) => {
                node = node.as_array()?.get(i)?;
                // An item's field name is its list's.
            }
        }
    }
    Some((node, member))
}

/// Whether an error at `node` is about something the file does not state: a placeholder or a
/// CloudFormation intrinsic.
fn is_unknown(node: &Node<'_>) -> bool {
    node.is_placeholder() || node.is_intrinsic() || node.is_no_value()
}

/// The schema object `up` levels above the keyword at `pointer` (the error's absolute
/// location in the schema document: `/$defs/HealthCheck/properties/interval/minimum`).
fn subschema<'s>(schema: &'s Value, pointer: &str, up: usize) -> Option<&'s Value> {
    let end = (0..up).try_fold(pointer, |p, _| p.rsplit_once('/').map(|(head, _)| head))?;
    schema.pointer(end)
}

/// Whether a dedicated rule reports the error of the keyword at `pointer`: the member's
/// schema says `x-ecslint-checked-by`, for every keyword (a rule's code) or for some (an object
/// of keyword to code).
fn checked_elsewhere(schema: &Value, pointer: &str) -> bool {
    let keyword = pointer.rsplit('/').next().unwrap_or_default();
    match subschema(schema, pointer, 1).and_then(|s| s.get("x-ecslint-checked-by")) {
        Some(Value::String(_)) => true,
        Some(Value::Object(by)) => by.contains_key(keyword),
        _ => false,
    }
}

/// The shape whose definition holds the keyword at `pointer` (`/$defs/HealthCheck/…`).
fn shape_in(pointer: &str) -> String {
    let mut segments = pointer.split('/');
    while let Some(s) = segments.next() {
        if s == "$defs" || s == "definitions" {
            return segments.next().unwrap_or_default().to_string();
        }
    }
    String::new()
}

/// Whether `path` is inside a container definition of a task definition.
fn is_container_path(path: &jsonschema::paths::Location) -> bool {
    let segments: Vec<String> = path.iter().map(|s| s.to_string()).collect();
    segments.len() == 2 && segments[0] == "containerDefinitions"
}

/// A task-definition field written in a container (`networkMode`, `cpu` is a container field
/// too and never gets here).
fn task_level(key: &str) -> Option<Suggestion> {
    const TASK_ONLY: [&str; 12] = [
        "family",
        "networkMode",
        "requiresCompatibilities",
        "executionRoleArn",
        "taskRoleArn",
        "volumes",
        "placementConstraints",
        "runtimePlatform",
        "pidMode",
        "ipcMode",
        "ephemeralStorage",
        "proxyConfiguration",
    ];
    TASK_ONLY.contains(&key).then_some(Suggestion::TaskLevel)
}

/// The known field `key` most likely meant: the same letters in another case, a Docker name
/// for an ECS field, or one within two edits.
fn suggest<'a>(key: &str, known: impl Iterator<Item = &'a str> + Clone) -> Option<String> {
    if let Some(same) = known.clone().find(|k| k.eq_ignore_ascii_case(key)) {
        return Some(same.to_string());
    }
    // Docker's and Compose's names for what ECS calls otherwise.
    const DOCKER: [(&str, &str); 7] = [
        ("portBindings", "portMappings"),
        ("ports", "portMappings"),
        ("env", "environment"),
        ("cmd", "command"),
        ("Cmd", "command"),
        ("restart", "restartPolicy"),
        ("mem_limit", "memory"),
    ];
    if let Some((_, meant)) = DOCKER.iter().find(|(from, _)| *from == key) {
        if known.clone().any(|k| k == *meant) {
            return Some((*meant).to_string());
        }
    }
    known
        .map(|k| {
            (
                strsim::damerau_levenshtein(&key.to_ascii_lowercase(), &k.to_ascii_lowercase()),
                k,
            )
        })
        .filter(|(d, k)| *d <= 2 && k.len() > 3)
        .min()
        .map(|(_, k)| k.to_string())
}

/// Whether CloudFormation reads the scalar `node` as the type the schema wants.
fn converts(node: &Node<'_>, kind: &TypeKind) -> bool {
    let wants = |t: JsonType| match kind {
        TypeKind::Single(k) => *k == t,
        TypeKind::Multiple(set) => set.iter().any(|k| k == t),
    };
    match &node.kind {
        Kind::String(s) => {
            ((wants(JsonType::Integer) || wants(JsonType::Number))
                && s.trim().parse::<f64>().is_ok())
                || (wants(JsonType::Boolean) && matches!(s.as_ref(), "true" | "false"))
        }
        Kind::Number(_) | Kind::Bool(_) => wants(JsonType::String),
        _ => false,
    }
}

fn expected_type(kind: &TypeKind) -> String {
    match kind {
        TypeKind::Single(t) => type_name(*t).to_string(),
        TypeKind::Multiple(set) => set.iter().map(type_name).collect::<Vec<_>>().join(" or "),
    }
}

fn type_name(t: JsonType) -> &'static str {
    match t {
        JsonType::Array => "a list",
        JsonType::Boolean => "a boolean",
        JsonType::Integer => "an integer",
        JsonType::Null => "null",
        JsonType::Number => "a number",
        JsonType::Object => "an object",
        JsonType::String => "a string",
    }
}

fn found_type(node: &Node<'_>) -> &'static str {
    match node.kind {
        Kind::Null => "null",
        Kind::Bool(_) => "a boolean",
        Kind::Number(_) => "a number",
        Kind::String(_) | Kind::Placeholder(_) => "a string",
        Kind::Array(_) => "a list",
        Kind::Object(_) => "an object",
    }
}

fn range_or_pattern(kind: &ValidationErrorKind) -> Option<ProblemKind> {
    let bound = |s: String| Some(ProblemKind::Range { bound: s });
    match kind {
        ValidationErrorKind::Minimum { limit } => bound(format!("at least {limit}")),
        ValidationErrorKind::Maximum { limit } => bound(format!("at most {limit}")),
        ValidationErrorKind::ExclusiveMinimum { limit } => bound(format!("more than {limit}")),
        ValidationErrorKind::ExclusiveMaximum { limit } => bound(format!("less than {limit}")),
        ValidationErrorKind::MinItems { limit } => {
            bound(format!("at least {limit} {}", plural(*limit, "item")))
        }
        ValidationErrorKind::MaxItems { limit } => {
            bound(format!("at most {limit} {}", plural(*limit, "item")))
        }
        ValidationErrorKind::MinLength { limit } => {
            bound(format!("at least {limit} {}", plural(*limit, "character")))
        }
        ValidationErrorKind::MaxLength { limit } => {
            bound(format!("at most {limit} {}", plural(*limit, "character")))
        }
        ValidationErrorKind::MinProperties { limit } => {
            bound(format!("at least {limit} {}", plural(*limit, "field")))
        }
        ValidationErrorKind::MaxProperties { limit } => {
            bound(format!("at most {limit} {}", plural(*limit, "field")))
        }
        ValidationErrorKind::Pattern { pattern } => Some(ProblemKind::Pattern {
            pattern: pattern.clone(),
        }),
        _ => None,
    }
}

/// `word`, or its plural for a count other than one.
fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{parse, Syntax};

    fn run(text: &str, schema: &str) -> Vec<(ProblemKind, String, String)> {
        let docs = parse(text, Syntax::Json).expect("parses");
        problems(&docs[0], api(schema).expect("a schema"))
            .into_iter()
            .map(|p| (p.kind, p.field, text[p.span.range()].to_string()))
            .collect()
    }

    #[test]
    fn unknown_is_never_a_problem() {
        // A placeholder value, a placeholder standing for members, a CloudFormation intrinsic
        // where a container belongs.
        let text = r#"{"family":"web","cpu":"${CPU}","containerDefinitions":[{"name":"web","image":"x","memory":$$$$MEMORY$$$$,"logConfiguration":{ $$$$LOGGING$$$$ }},{"Fn::If":["Prod",{"name":"a"},{"Ref":"AWS::NoValue"}]}]}"#;
        assert_eq!(run(text, "task-definition"), vec![]);
    }

    #[test]
    fn each_error_is_one_problem_at_its_place() {
        let text = r#"{"family":"web","cpu":256,"revision":3,"containerDefinitions":[{"name":"web","image":"x","portBindings":[],"healthCheck":{"command":["CMD","x"],"interval":1},"secrets":[{"name":"A"}]}]}"#;
        let found = run(text, "task-definition");
        let kinds: Vec<(&str, &str)> = found
            .iter()
            .map(|(k, field, _)| {
                let kind = match k {
                    ProblemKind::Unknown { .. } => "unknown",
                    ProblemKind::ReadOnly { .. } => "read-only",
                    ProblemKind::Type { .. } => "type",
                    ProblemKind::Required { .. } => "required",
                    _ => "other",
                };
                (kind, field.as_str())
            })
            .collect();
        // The health check's interval is ECS218's: not a problem here.
        let mut kinds = kinds;
        kinds.sort_unstable();
        assert_eq!(
            kinds,
            vec![
                ("read-only", "revision"),
                ("required", "secrets"),
                ("type", "cpu"),
                ("unknown", "portBindings"),
            ]
        );
        let at: Vec<&str> = found.iter().map(|(_, _, at)| at.as_str()).collect();
        assert!(
            at.contains(&"256") && at.contains(&"\"portBindings\"") && at.contains(&"{"),
            "{at:?}"
        );
    }

    #[test]
    fn every_schema_compiles() {
        for (index, api) in API_SCHEMAS.iter().enumerate() {
            assert!(
                validator(Which::Api(index)).is_some(),
                "{} does not compile",
                api.name
            );
        }
        for (index, t) in TEMPLATE_SCHEMAS.iter().enumerate() {
            assert!(
                validator(Which::Template(index)).is_some(),
                "{} does not compile",
                t.type_name
            );
        }
    }
}
