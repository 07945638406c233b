//! ECS003 file-too-large: reported by the engine when it reads a file (`src/engine.rs`).

use crate::rule::{Category, Check, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "ECS003",
    name: "file-too-large",
    category: Category::DeployError,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS003-file-too-large.md"),
    check: Check::Load,
    security_severity: None,
};
