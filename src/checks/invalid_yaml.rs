//! ECS002 invalid-yaml: reported by the loader when a YAML file does not parse.

crate::declare_rule! {
    code: "ECS002",
    name: "invalid-yaml",
    category: DeployError,
    severity: Error,
    check: Load,
}
