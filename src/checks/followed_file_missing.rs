//! ECS014 followed-file-missing: reported by the engine (`engine/followed.rs`) when a task
//! definition's `container_definitions = file("${path.module}/…")` names no file.

crate::declare_rule! {
    code: "ECS014",
    name: "followed-file-missing",
    category: DeployError,
    severity: Error,
    check: Load,
}
