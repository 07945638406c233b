//! Inline pass/fail cases for one rule, in the spirit of oxc's rule tester: each rule file ends
//! with a test that lints small texts in memory with only that rule enabled, so
//! `cargo test --lib <rule_module>` runs one rule, and every failing case is reported at once.

use crate::engine::{lint_text, FileStatus, Plan};
use crate::rule::Rule;
use crate::suppress::Date;

/// Lints every case with only `rule` enabled. A `pass` case must be read as ECS configuration
/// and yield no finding of `rule`; a `fail` case must yield at least one finding, all of `rule`.
/// Panics once, listing every case that did not hold.
pub fn test_rule(rule: &'static Rule, pass: &[&str], fail: &[&str]) {
    let mut plan = Plan::new(Date(2026, 1, 1));
    plan.select_only(&rule.code);
    let mut problems = Vec::new();
    let cases = pass
        .iter()
        .enumerate()
        .map(|(i, t)| ("pass", i, *t))
        .chain(fail.iter().enumerate().map(|(i, t)| ("fail", i, *t)));
    for (kind, index, text) in cases {
        let trimmed = text.trim_start();
        let path = if trimmed.starts_with('{') || trimmed.starts_with('[') {
            "case.json"
        } else {
            "case.yaml"
        };
        let mut lint = lint_text(path, text, &plan);
        // A workspace rule runs over what the text links (a template holds whole wiring).
        if matches!(rule.check, crate::rule::Check::Workspace(_)) {
            let mut ws = crate::link::Workspace::default();
            for l in std::mem::take(&mut lint.linked) {
                ws.add(l);
            }
            let mask: crate::engine::Mask = std::sync::Arc::from(plan.rules.enabled.as_slice());
            lint.findings
                .extend(crate::engine::link(&ws, &plan, &[mask]));
        }
        let of_rule = |f: &&crate::finding::Finding| f.rule.code == rule.code;
        let problem = if kind == "pass" {
            if !matches!(lint.status, FileStatus::Linted { .. }) {
                Some(format!(
                    "not linted as ECS configuration: {:?}",
                    lint.status
                ))
            } else if lint.findings.iter().any(|f| of_rule(&f)) {
                Some("expected no finding".to_string())
            } else {
                None
            }
        } else if lint.findings.is_empty() {
            Some(format!("expected a finding (status {:?})", lint.status))
        } else if !lint.findings.iter().all(|f| of_rule(&f)) {
            Some("found findings of other rules".to_string())
        } else {
            None
        };
        if let Some(problem) = problem {
            let findings: Vec<String> = lint
                .findings
                .iter()
                .map(|f| format!("    {} {}: {}", f.rule.code, f.pointer, f.message))
                .collect();
            problems.push(format!(
                "{kind} case #{index}: {problem}\n  text: {text}\n  findings:\n{}",
                if findings.is_empty() {
                    "    (none)".to_string()
                } else {
                    findings.join("\n")
                }
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} {}: {} of {} cases failed\n\n{}",
        rule.code,
        rule.name,
        problems.len(),
        pass.len() + fail.len(),
        problems.join("\n\n")
    );
}

/// Runs `rule` on one task definition object read in `dialect` (a CloudFormation template's
/// `Properties`, say), bypassing recognition: what a rule says about a format whose
/// recogniser is not written yet. Returns each finding's message, help and pointer.
pub fn findings_in_dialect(
    rule: &'static Rule,
    text: &str,
    dialect: crate::model::Dialect,
) -> Vec<(String, String, String)> {
    use crate::load::{parse, Syntax};
    use crate::model::{TaskDef, TaskDefShape};
    use crate::rule::{Check, Registry, Sink};
    let syntax = if text.trim_start().starts_with('{') {
        Syntax::Json
    } else {
        Syntax::Yaml
    };
    let docs = parse(text, syntax).expect("the case parses");
    let doc = &docs[0];
    let td = TaskDef::from_object(doc, TaskDefShape::RegisterInput, dialect, doc.span, text);
    let registry = Registry::builtin();
    let mut out = Vec::new();
    let mut sink = Sink {
        rule: registry.of(rule).expect("built in"),
        file: 0,
        resource: None,
        doc: Some(doc),
        within: None,
        options: None,
        out: &mut out,
    };
    match &rule.check {
        Check::TaskDef(f) => f(&td, &mut sink),
        Check::Container(f) => {
            for c in &td.containers {
                sink.within = Some(c.node);
                f(&td, c, &mut sink);
            }
        }
        _ => panic!("{} does not check task definitions", rule.code),
    }
    out.into_iter()
        .map(|f| (f.message, f.help.unwrap_or_default(), f.pointer))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::findings_in_dialect;
    use crate::checks::{fargate_without_awsvpc, host_port_mismatch, missing_container_memory};
    use crate::model::Dialect;

    /// One rule, written once, names fields the way each file spells them, and points at the
    /// same place.
    #[test]
    fn messages_use_the_files_spelling() {
        let api_json = r#"{"family": "web", "networkMode": "awsvpc", "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "portMappings": [{"containerPort": 3001, "hostPort": 3000}]}]}"#;
        let api_yaml = "family: web\nnetworkMode: awsvpc\ncontainerDefinitions:\n  - name: web\n    image: nginx:1.27\n    portMappings:\n      - containerPort: 3001\n        hostPort: 3000\n";
        let cfn = "Family: web\nNetworkMode: awsvpc\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n    PortMappings:\n      - ContainerPort: 3001\n        HostPort: 3000\n";
        for (text, dialect) in [(api_json, Dialect::Api), (api_yaml, Dialect::Api)] {
            let found = findings_in_dialect(&host_port_mismatch::RULE, text, dialect);
            assert_eq!(found.len(), 1, "{found:?}");
            let (message, help, pointer) = &found[0];
            assert!(message.starts_with("`hostPort` 3000"), "{message}");
            assert!(message.contains("`containerPort` 3001"), "{message}");
            assert_eq!(help, "set `hostPort` to 3001, or remove `hostPort`");
            assert_eq!(pointer, "/containerDefinitions/0/portMappings/0/hostPort");
        }
        let found = findings_in_dialect(&host_port_mismatch::RULE, cfn, Dialect::CloudFormation);
        assert_eq!(found.len(), 1, "{found:?}");
        let (message, help, pointer) = &found[0];
        assert!(message.starts_with("`HostPort` 3000"), "{message}");
        assert!(message.contains("`ContainerPort` 3001"), "{message}");
        assert_eq!(help, "set `HostPort` to 3001, or remove `HostPort`");
        assert_eq!(pointer, "/ContainerDefinitions/0/PortMappings/0/HostPort");
        // Read in the wrong dialect, the template states nothing the rule can see.
        assert!(findings_in_dialect(&host_port_mismatch::RULE, cfn, Dialect::Api).is_empty());

        // A field the task definition lacks: named in the file's spelling, pointing at it.
        let fargate = "Family: web\nRequiresCompatibilities: [FARGATE]\nCpu: 256\nMemory: 512\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n";
        let found = findings_in_dialect(
            &fargate_without_awsvpc::RULE,
            fargate,
            Dialect::CloudFormation,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].0.contains("`NetworkMode` is omitted"),
            "{:?}",
            found[0]
        );
        assert_eq!(found[0].1, "set `NetworkMode` to \"awsvpc\"");
        assert_eq!(found[0].2, "");
        let ec2 = "Family: web\nContainerDefinitions:\n  - Name: web\n    Image: nginx:1.27\n";
        let found = findings_in_dialect(
            &missing_container_memory::RULE,
            ec2,
            Dialect::CloudFormation,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .0
                .contains("neither `Memory` nor `MemoryReservation`"),
            "{:?}",
            found[0]
        );
        assert_eq!(found[0].2, "/ContainerDefinitions/0");
    }
}
