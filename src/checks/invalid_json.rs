//! ECS001 invalid-json: reported by the loader when a JSON file does not parse.

use crate::rule::{Category, Check, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "ECS001",
    name: "invalid-json",
    category: Category::DeployError,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS001-invalid-json.md"),
    check: Check::Load,
    security_severity: None,
};
