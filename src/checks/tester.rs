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
        let lint = lint_text(path, text, &plan);
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
