//! ECS002 invalid-yaml: reported by the loader when a YAML file does not parse.

use crate::rule::{Category, Check, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "ECS002",
    name: "invalid-yaml",
    category: Category::DeployError,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS002-invalid-yaml.md"),
    check: Check::Load,
    security_severity: None,
};
