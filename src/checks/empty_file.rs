//! ECS004 empty-file: reported by the engine when it reads a file (`src/engine.rs`).

use crate::rule::{Category, Check, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "ECS004",
    name: "empty-file",
    category: Category::DeployError,
    severity: Severity::Warning,
    docs: include_str!("../../rules/ECS004-empty-file.md"),
    check: Check::Load,
    security_severity: None,
};
