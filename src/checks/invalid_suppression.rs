//! ECS803 invalid-suppression: reported by the suppression stage (`src/suppress.rs`).

crate::declare_rule! {
    code: "ECS803",
    name: "invalid-suppression",
    category: BestPractice,
    severity: Error,
    check: Meta,
}
