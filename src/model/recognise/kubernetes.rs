//! Kubernetes manifests (`apiVersion` and `kind`): not ECS configuration, skipped.

use super::Recognised;
use crate::load::Node;

pub(super) fn recognise<'t>(doc: &'t Node<'t>, _text: &str) -> Option<Recognised<'t>> {
    (doc.has("apiVersion") && doc.has("kind")).then_some(Recognised::Skipped("Kubernetes manifest"))
}
