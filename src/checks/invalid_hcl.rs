//! ECS013 invalid-hcl: reported by the loader when a Terraform file (`*.tf`) does not parse.

crate::declare_rule! {
    code: "ECS013",
    name: "invalid-hcl",
    category: DeployError,
    severity: Error,
    check: Load,
}
