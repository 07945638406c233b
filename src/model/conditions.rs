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

use std::collections::BTreeSet;

use crate::load::{Kind, Member, Node};

/// At most this many conditions are combined (16 scenarios).
pub const MAX_CONDITIONS: usize = 4;

/// The resource types whose `Fn::If`s are resolved.
const ECS_TYPES: [&str; 2] = ["AWS::ECS::TaskDefinition", "AWS::ECS::Service"];

/// A template with the `Fn::If`s of some conditions resolved.
#[derive(Debug)]
pub struct Scenario<'a> {
    pub doc: Node<'a>,
    /// Each combined condition and its truth here, in name order.
    pub when: Vec<(String, bool)>,
}

/// Every scenario of `doc` (a template), or none when its ECS resources hold no `Fn::If`
/// whose condition can be combined.
pub fn scenarios<'a>(doc: &Node<'a>) -> Vec<Scenario<'a>> {
    let Some(resources) = doc.get("Resources").and_then(Node::as_object) else {
        return Vec::new();
    };
    let mut used = BTreeSet::new();
    for r in resources {
        let ecs = r
            .value
            .get("Type")
            .and_then(Node::as_str)
            .is_some_and(|t| ECS_TYPES.contains(&t));
        if let Some(props) = r.value.get("Properties").filter(|_| ecs) {
            conditions_in(props, &mut used);
        }
    }
    if used.is_empty() {
        return Vec::new();
    }
    let defined = doc.get("Conditions");
    let mut picked: Vec<String> = Vec::new();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for name in used {
        if picked.len() == MAX_CONDITIONS {
            break;
        }
        let mut inputs = BTreeSet::new();
        if !inputs_of(&name, defined, &mut inputs, 0) || inputs.is_empty() {
            continue;
        }
        if inputs.is_disjoint(&taken) {
            taken.extend(inputs);
            picked.push(name);
        }
    }
    (0..1u32 << picked.len())
        .filter(|_| !picked.is_empty())
        .map(|bits| {
            let when: Vec<(String, bool)> = picked
                .iter()
                .enumerate()
                .map(|(i, n)| (n.clone(), bits >> i & 1 == 1))
                .collect();
            Scenario {
                doc: resolve(doc, &when),
                when,
            }
        })
        .collect()
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

/// Adds the inputs condition `name` compares to `out`; false when it is not defined or its
/// definition refers to itself.
fn inputs_of(
    name: &str,
    defined: Option<&Node<'_>>,
    out: &mut BTreeSet<String>,
    depth: usize,
) -> bool {
    if depth > 32 {
        return false;
    }
    match defined.and_then(|d| d.get(name)) {
        Some(def) => refs_in(def, defined, out, depth),
        None => false,
    }
}

fn refs_in(
    node: &Node<'_>,
    defined: Option<&Node<'_>>,
    out: &mut BTreeSet<String>,
    depth: usize,
) -> bool {
    if let Some([only]) = node.as_object() {
        match (only.key.as_ref(), only.value.as_str()) {
            ("Ref", Some(input)) => {
                out.insert(input.to_string());
                return true;
            }
            ("Condition", Some(other)) => return inputs_of(other, defined, out, depth + 1),
            _ => {}
        }
    }
    match &node.kind {
        Kind::Array(items) => items.iter().all(|i| refs_in(i, defined, out, depth)),
        Kind::Object(members) => members
            .iter()
            .all(|m| refs_in(&m.value, defined, out, depth)),
        _ => true,
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
pub fn describe(all: &[Scenario<'_>], made_in: &[usize]) -> String {
    let Some(&first) = made_in.first() else {
        return String::new();
    };
    let parts: Vec<String> = all[first]
        .when
        .iter()
        .enumerate()
        .filter(|(i, (_, truth))| made_in.iter().all(|&s| all[s].when[*i].1 == *truth))
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
        let s = scenarios(&d);
        assert_eq!(s.len(), 2);
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
        let s = scenarios(&d);
        assert_eq!(s.len(), 4);
        let names: Vec<&str> = s[0].when.iter().map(|(n, _)| n.as_str()).collect();
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
    fn describing_when() {
        let yaml = resource("      Cpu: !If [IsProd, 1024, 256]\n      Memory: !If [Big, 1, 2]\n");
        let d = doc(&yaml);
        let s = scenarios(&d);
        assert_eq!(s.len(), 4);
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
