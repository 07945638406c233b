//! ECS803 invalid-suppression: reported by the suppression stage (`src/suppress.rs`).

use crate::rule::{Category, Check, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "ECS803",
    name: "invalid-suppression",
    category: Category::BestPractice,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS803-invalid-suppression.md"),
    check: Check::Meta,
    security_severity: None,
};

pub fn rule() -> &'static Rule {
    &RULE
}
