//! CloudFormation conditions. A value a template chooses with `Fn::If` is known on each
//! branch, only not which branch applies: a template whose ECS resources hold `Fn::If` is
//! checked once per combination of the conditions they use (a *scenario*), each `Fn::If` of
//! those conditions replaced by the branch it picks there. A finding made in every scenario is
//! reported as it is; one made in some says when (`when condition `IsProd` is true`).
//!
//! Conditions never produce a false positive, so a scenario must be one that can happen. Only
//! conditions whose inputs (the parameters and pseudo parameters they compare, through other
//! conditions too) share nothing with another's are combined: any truth values of those can
//! occur together. A condition that shares an input with one already taken (`IsProd` and
//! `IsDev`, both comparing `Env`), that compares no input at all (a constant), that is not
//! defined, or beyond the first [`MAX_CONDITIONS`], keeps its `Fn::If`s unknown.

use std::collections::{BTreeSet, HashMap};

use crate::load::{Kind, Member, Node};

/// At most this many conditions are combined (16 scenarios).
pub const MAX_CONDITIONS: usize = 4;

/// The resource types whose `Fn::If`s are resolved.
const ECS_TYPES: [&str; 2] = ["AWS::ECS::TaskDefinition", "AWS::ECS::Service"];

/// Whether a scenario keeps a resource of this type (the types the recogniser reads); the
/// others (buckets, roles, functions…) are left out of the scenario's copy of the template.
fn kept(ty: &str) -> bool {
    ty.starts_with("AWS::ECS::")
        || ty.starts_with("AWS::ElasticLoadBalancingV2::")
        || ty == "AWS::Events::Rule"
        || ty == "AWS::Scheduler::Schedule"
}

/// A template with the `Fn::If`s of some conditions resolved.
#[derive(Debug)]
pub struct Scenario<'a> {
    pub doc: Node<'a>,
    /// Each combined condition and its truth here, in name order.
    pub when: Vec<(String, bool)>,
}

/// The conditions a template's scenarios combine, and the inputs they compare.
#[derive(Debug, Default)]
pub struct Scenarios {
    picked: Vec<String>,
    /// The parameters the combined conditions compare: in a scenario their defaults do not
    /// count (the scenario may be one where the parameter is not its default).
    inputs: BTreeSet<String>,
}

impl Scenarios {
    /// How many scenarios there are (0: the template is checked as it is).
    pub fn len(&self) -> usize {
        if self.picked.is_empty() {
            0
        } else {
            1 << self.picked.len()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.picked.is_empty()
    }

    /// Scenario `i` of `doc`: a copy of the template's resources that the recogniser reads,
    /// each `Fn::If` of the combined conditions resolved (built one at a time: a scenario of
    /// a large template is not held beside the others).
    pub fn build<'a>(&self, doc: &Node<'a>, i: usize) -> Scenario<'a> {
        let when: Vec<(String, bool)> = self
            .picked
            .iter()
            .enumerate()
            .map(|(b, n)| (n.clone(), i >> b & 1 == 1))
            .collect();
        Scenario {
            doc: prune(doc, &when, &self.inputs),
            when,
        }
    }
}

/// The scenarios of `doc` (a template): none when its ECS resources hold no `Fn::If` whose
/// condition can be combined. A resource with a `Condition` of its own keeps its `Fn::If`s
/// unknown (whether it exists in a scenario is another condition).
pub fn scenarios(doc: &Node<'_>) -> Scenarios {
    let Some(resources) = doc.get("Resources").and_then(Node::as_object) else {
        return Scenarios::default();
    };
    let mut used = BTreeSet::new();
    for r in resources {
        let ecs = r
            .value
            .get("Type")
            .and_then(Node::as_str)
            .is_some_and(|t| ECS_TYPES.contains(&t));
        if !ecs || r.value.has("Condition") {
            continue;
        }
        if let Some(props) = r.value.get("Properties") {
            conditions_in(props, &mut used);
        }
    }
    // `Rules` may forbid combinations of parameters: no combination is then sure to happen.
    if used.is_empty() || doc.has("Rules") {
        return Scenarios::default();
    }
    let defined = doc.get("Conditions");
    let parameters = doc.get("Parameters");
    // A parameter allowed a single value makes the conditions over it constant.
    let fixed = |input: &str| {
        parameters
            .and_then(|p| p.get(input))
            .and_then(|p| p.get("AllowedValues"))
            .and_then(Node::as_array)
            .is_some_and(|values| values.len() <= 1)
    };
    let mut known: HashMap<String, Option<BTreeSet<String>>> = HashMap::new();
    let mut picked: Vec<String> = Vec::new();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for name in used {
        if picked.len() == MAX_CONDITIONS {
            break;
        }
        let Some(inputs) = inputs_of(&name, defined, &mut known, &mut Vec::new()) else {
            continue;
        };
        if !inputs.is_empty() && inputs.is_disjoint(&taken) && !inputs.iter().any(|i| fixed(i)) {
            taken.extend(inputs);
            picked.push(name);
        }
    }
    Scenarios {
        picked,
        inputs: taken,
    }
}

/// `{"Fn::If": [condition, then, else]}`: its condition and branches.
fn as_if<'n, 'a>(node: &'n Node<'a>) -> Option<(&'n str, &'n Node<'a>, &'n Node<'a>)> {
    let [only] = node.as_object()? else {
        return None;
    };
    if only.key != "Fn::If" {
        return None;
    }
    match only.value.as_array()? {
        [c, then, otherwise] => Some((c.as_str()?, then, otherwise)),
        _ => None,
    }
}

/// The conditions of every `Fn::If` under `node`.
fn conditions_in(node: &Node<'_>, out: &mut BTreeSet<String>) {
    if let Some((c, _, _)) = as_if(node) {
        out.insert(c.to_string());
    }
    match &node.kind {
        Kind::Array(items) => items.iter().for_each(|i| conditions_in(i, out)),
        Kind::Object(members) => members.iter().for_each(|m| conditions_in(&m.value, out)),
        _ => {}
    }
}

/// The inputs condition `name` compares (through the conditions it names too), or `None`
/// when it is not defined or refers to itself. Each condition is worked out once (`known`),
/// so conditions sharing sub-conditions cost their number, not the paths through them.
fn inputs_of(
    name: &str,
    defined: Option<&Node<'_>>,
    known: &mut HashMap<String, Option<BTreeSet<String>>>,
    visiting: &mut Vec<String>,
) -> Option<BTreeSet<String>> {
    if let Some(done) = known.get(name) {
        return done.clone();
    }
    if visiting.iter().any(|v| v == name) || visiting.len() > 64 {
        return None;
    }
    let def = defined.and_then(|d| d.get(name))?;
    visiting.push(name.to_string());
    let mut out = BTreeSet::new();
    let ok = refs_in(def, defined, known, visiting, &mut out);
    visiting.pop();
    let result = ok.then_some(out);
    known.insert(name.to_string(), result.clone());
    result
}

fn refs_in(
    node: &Node<'_>,
    defined: Option<&Node<'_>>,
    known: &mut HashMap<String, Option<BTreeSet<String>>>,
    visiting: &mut Vec<String>,
    out: &mut BTreeSet<String>,
) -> bool {
    if let Some([only]) = node.as_object() {
        match (only.key.as_ref(), only.value.as_str()) {
            ("Ref", Some(input)) => {
                out.insert(input.to_string());
                return true;
            }
            ("Condition", Some(other)) => {
                return match inputs_of(other, defined, known, visiting) {
                    Some(inputs) => {
                        out.extend(inputs);
                        true
                    }
                    None => false,
                };
            }
            _ => {}
        }
    }
    match &node.kind {
        Kind::Array(items) => items
            .iter()
            .all(|i| refs_in(i, defined, known, visiting, out)),
        Kind::Object(members) => members
            .iter()
            .all(|m| refs_in(&m.value, defined, known, visiting, out)),
        _ => true,
    }
}

/// The scenario's copy of `doc`: `Parameters` (without the defaults of the combined
/// conditions' inputs) and the resources the recogniser reads, each `Fn::If` of `when`
/// resolved except inside a resource with a `Condition` of its own.
fn prune<'a>(doc: &Node<'a>, when: &[(String, bool)], inputs: &BTreeSet<String>) -> Node<'a> {
    let members = doc
        .as_object()
        .unwrap_or_default()
        .iter()
        .filter_map(|m| {
            let value = match m.key.as_ref() {
                "Resources" => Node {
                    span: m.value.span,
                    kind: Kind::Object(
                        m.value
                            .as_object()
                            .unwrap_or_default()
                            .iter()
                            .filter(|r| {
                                r.value.get("Type").and_then(Node::as_str).is_some_and(kept)
                            })
                            .map(|r| Member {
                                key: r.key.clone(),
                                key_span: r.key_span,
                                value: if r.value.has("Condition") {
                                    r.value.clone()
                                } else {
                                    resolve(&r.value, when)
                                },
                            })
                            .collect(),
                    ),
                },
                "Parameters" => Node {
                    span: m.value.span,
                    kind: Kind::Object(
                        m.value
                            .as_object()
                            .unwrap_or_default()
                            .iter()
                            .map(|p| Member {
                                key: p.key.clone(),
                                key_span: p.key_span,
                                value: if inputs.contains(p.key.as_ref()) {
                                    without(&p.value, "Default")
                                } else {
                                    p.value.clone()
                                },
                            })
                            .collect(),
                    ),
                },
                "AWSTemplateFormatVersion" => m.value.clone(),
                _ => return None,
            };
            Some(Member {
                key: m.key.clone(),
                key_span: m.key_span,
                value,
            })
        })
        .collect();
    Node {
        span: doc.span,
        kind: Kind::Object(members),
    }
}

/// An object without its member `key`.
fn without<'a>(node: &Node<'a>, key: &str) -> Node<'a> {
    match node.as_object() {
        Some(members) => Node {
            span: node.span,
            kind: Kind::Object(members.iter().filter(|m| m.key != key).cloned().collect()),
        },
        None => node.clone(),
    }
}

/// `node` with the `Fn::If` of each condition in `when` replaced by the branch it picks.
fn resolve<'a>(node: &Node<'a>, when: &[(String, bool)]) -> Node<'a> {
    if let Some((c, then, otherwise)) = as_if(node) {
        if let Some((_, truth)) = when.iter().find(|(n, _)| n == c) {
            return resolve(if *truth { then } else { otherwise }, when);
        }
    }
    let kind = match &node.kind {
        Kind::Array(items) => Kind::Array(items.iter().map(|i| resolve(i, when)).collect()),
        Kind::Object(members) => Kind::Object(
            members
                .iter()
                .map(|m| Member {
                    key: m.key.clone(),
                    key_span: m.key_span,
                    value: resolve(&m.value, when),
                })
                .collect(),
        ),
        other => other.clone(),
    };
    Node {
        span: node.span,
        kind,
    }
}

/// When a finding made in the scenarios `made_in` (indices into `all`) applies: the
/// conditions whose truth is the same in all of them.
pub fn describe(all: &[Vec<(String, bool)>], made_in: &[usize]) -> String {
    let Some(&first) = made_in.first() else {
        return String::new();
    };
    let parts: Vec<String> = all[first]
        .iter()
        .enumerate()
        .filter(|(i, (_, truth))| made_in.iter().all(|&s| all[s][*i].1 == *truth))
        .map(|(_, (name, truth))| format!("`{name}` is {truth}"))
        .collect();
    match parts.as_slice() {
        [] => " (for some combinations of the template's conditions)".to_string(),
        [one] => format!(" (when condition {one})"),
        many => format!(" (when conditions {})", many.join(" and ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{parse, Syntax};

    fn doc(yaml: &str) -> Node<'_> {
        parse(yaml, Syntax::Yaml).expect("parses").remove(0)
    }

    const HEAD: &str = "Parameters:\n  Env: {Type: String}\n  Size: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  IsDev: !Equals [!Ref Env, dev]\n  NotProd: !Not [!Condition IsProd]\n  Big: !Equals [!Ref Size, big]\n  Always: !Equals [a, a]\n";

    fn resource(props: &str) -> String {
        format!(
            "{HEAD}Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n{props}"
        )
    }

    #[test]
    fn each_branch_in_its_own_scenario() {
        let yaml = resource("      Cpu: !If [IsProd, 1024, 256]\n");
        let d = doc(&yaml);
        let all = scenarios(&d);
        assert_eq!(all.len(), 2);
        let s: Vec<Scenario<'_>> = (0..all.len()).map(|i| all.build(&d, i)).collect();
        let cpu = |s: &Scenario<'_>| {
            s.doc
                .get("Resources")
                .and_then(|r| r.get("T"))
                .and_then(|t| t.get("Properties"))
                .and_then(|p| p.get("Cpu"))
                .map(|c| yaml[c.span.range()].to_string())
        };
        assert_eq!(cpu(&s[0]).as_deref(), Some("256"));
        assert_eq!(cpu(&s[1]).as_deref(), Some("1024"));
        assert_eq!(s[1].when, vec![("IsProd".to_string(), true)]);
    }

    #[test]
    fn only_conditions_with_separate_inputs_are_combined() {
        // IsProd and IsDev compare the same parameter (both true cannot happen), and NotProd
        // is IsProd's negation: only the first of them is combined, with Big.
        let yaml = resource("      Cpu: !If [IsProd, 1024, !If [IsDev, 256, 512]]\n      Memory: !If [NotProd, 512, 2048]\n      NetworkMode: !If [Big, awsvpc, bridge]\n");
        let d = doc(&yaml);
        let all = scenarios(&d);
        assert_eq!(all.len(), 4);
        let s = all.build(&d, 0);
        let names: Vec<&str> = s.when.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["Big", "IsDev"]);
    }

    #[test]
    fn constant_undefined_and_self_referring_conditions_stay_unknown() {
        let yaml =
            resource("      Cpu: !If [Always, 1024, 256]\n      Memory: !If [Nowhere, 1, 2]\n");
        assert!(scenarios(&doc(&yaml)).is_empty());
        let yaml = "Conditions:\n  A: !Not [!Condition A]\nResources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: !If [A, 1, 2]\n";
        assert!(scenarios(&doc(yaml)).is_empty());
        // Outside ECS resources, an `Fn::If` changes nothing.
        let yaml = format!("{HEAD}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !If [IsProd, 1, 2]\n");
        assert!(scenarios(&doc(&yaml)).is_empty());
    }

    #[test]
    fn shared_sub_conditions_are_worked_out_once() {
        // 30 levels of ten references to the next: exponential if walked path by path.
        let mut conditions = String::from("Parameters:\n  P: {Type: String}\nConditions:\n");
        for i in 0..30 {
            let next = vec![format!("!Condition C{}", i + 1); 10].join(", ");
            conditions.push_str(&format!("  C{i}: !And [{next}]\n"));
        }
        conditions.push_str("  C30: !Equals [!Ref P, x]\n");
        let yaml = format!("{conditions}Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: !If [C0, 256, 512]\n");
        assert_eq!(scenarios(&doc(&yaml)).len(), 2);
    }

    #[test]
    fn a_resource_with_its_own_condition_keeps_its_ifs_and_defaults_of_inputs_are_dropped() {
        let yaml = format!("{HEAD}Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Condition: IsProd\n    Properties:\n      Cpu: !If [IsDev, 1024, 256]\n");
        assert!(scenarios(&doc(&yaml)).is_empty());
        let yaml = "Parameters:\n  Size: {Type: String, Default: big}\n  Other: {Type: String, Default: x}\nConditions:\n  Big: !Equals [!Ref Size, big]\nResources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: !If [Big, 1024, 256]\n  B:\n    Type: AWS::S3::Bucket\n";
        let d = doc(yaml);
        let s = scenarios(&d).build(&d, 0);
        let params = s.doc.get("Parameters").expect("parameters");
        assert!(params.get("Size").is_some_and(|p| !p.has("Default")));
        assert!(params.get("Other").is_some_and(|p| p.has("Default")));
        // Only the resources the recogniser reads are copied.
        let resources = s.doc.get("Resources").expect("resources");
        assert!(resources.has("T") && !resources.has("B"));
    }

    #[test]
    fn rules_and_single_allowed_values_keep_conditions_unknown() {
        let body = "Conditions:\n  Big: !Equals [!Ref Size, big]\nResources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: !If [Big, 1024, 256]\n";
        let yaml = format!("Parameters:\n  Size: {{Type: String, AllowedValues: [big]}}\n{body}");
        assert!(scenarios(&doc(&yaml)).is_empty());
        let yaml = format!(
            "Parameters:\n  Size: {{Type: String}}\nRules:\n  R:\n    Assertions: []\n{body}"
        );
        assert!(scenarios(&doc(&yaml)).is_empty());
        let yaml =
            format!("Parameters:\n  Size: {{Type: String, AllowedValues: [big, small]}}\n{body}");
        assert_eq!(scenarios(&doc(&yaml)).len(), 2);
    }

    #[test]
    fn describing_when() {
        let yaml = resource("      Cpu: !If [IsProd, 1024, 256]\n      Memory: !If [Big, 1, 2]\n");
        let d = doc(&yaml);
        let all = scenarios(&d);
        assert_eq!(all.len(), 4);
        let s: Vec<Vec<(String, bool)>> = (0..4).map(|i| all.build(&d, i).when).collect();
        // Scenarios: bits 0 = Big, 1 = IsProd.
        assert_eq!(describe(&s, &[1, 3]), " (when condition `Big` is true)");
        assert_eq!(
            describe(&s, &[3]),
            " (when conditions `Big` is true and `IsProd` is true)"
        );
        assert_eq!(
            describe(&s, &[1, 2]),
            " (for some combinations of the template's conditions)"
        );
    }
}
