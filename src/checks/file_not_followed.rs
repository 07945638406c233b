//! ECS015 file-not-followed: reported by the engine (`engine/followed.rs`) when a file a task
//! definition takes its container definitions from is not read: outside the linted tree, not
//! text, too large, or not certainly the file Terraform reads.

crate::declare_rule! {
    code: "ECS015",
    name: "file-not-followed",
    category: BestPractice,
    severity: Info,
    check: Load,
}
