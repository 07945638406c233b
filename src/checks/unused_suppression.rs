//! ECS801 unused-suppression: reported by the suppression stage (`src/suppress.rs`).

crate::declare_rule! {
    code: "ECS801",
    name: "unused-suppression",
    category: BestPractice,
    severity: Warning,
    check: Meta,
}
