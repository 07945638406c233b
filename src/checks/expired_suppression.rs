//! ECS802 expired-suppression: reported by the suppression stage (`src/suppress.rs`).

crate::declare_rule! {
    code: "ECS802",
    name: "expired-suppression",
    category: BestPractice,
    severity: Warning,
    check: Meta,
}
