//! ECS802 expired-suppression: reported by the suppression stage (`src/suppress.rs`).

use crate::rule::{Category, Check, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "ECS802",
    name: "expired-suppression",
    category: Category::BestPractice,
    severity: Severity::Warning,
    docs: include_str!("../../rules/ECS802-expired-suppression.md"),
    check: Check::Meta,
    security_severity: None,
};

pub fn rule() -> &'static Rule {
    &RULE
}
