//! Terraform JSON (`*.tf.json`: `resource`, `terraform`, `provider`, `module`) and plans
//! (`terraform show -json`): not read yet. Their resources will be read here, in
//! [`crate::model::Dialect::Terraform`].

use super::Recognised;
use crate::classify::Foreign;
use crate::load::Node;

pub(super) fn recognise<'t>(doc: &'t Node<'t>, _text: &str) -> Option<Recognised<'t>> {
    if doc.has("format_version") && (doc.has("terraform_version") || doc.has("planned_values")) {
        return Some(Recognised::NotRead(Foreign::TerraformPlan));
    }
    ["resource", "terraform", "provider", "module"]
        .iter()
        .any(|k| doc.get(k).is_some_and(|n| n.as_object().is_some()))
        .then_some(Recognised::NotRead(Foreign::Terraform))
}
