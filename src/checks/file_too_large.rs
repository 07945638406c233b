//! ECS003 file-too-large: reported by the engine when it reads a file (`src/engine.rs`).

crate::declare_rule! {
    code: "ECS003",
    name: "file-too-large",
    category: DeployError,
    severity: Error,
    check: Load,
}
