//! ECS004 empty-file: reported by the engine when it reads a file (`src/engine.rs`).

crate::declare_rule! {
    code: "ECS004",
    name: "empty-file",
    category: DeployError,
    severity: Warning,
    check: Load,
}
