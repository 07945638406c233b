//! ECS001 invalid-json: reported by the loader when a JSON file does not parse.

crate::declare_rule! {
    code: "ECS001",
    name: "invalid-json",
    category: DeployError,
    severity: Error,
    check: Load,
}
