//! ecspresso configurations (`task_definition` beside `cluster` or `service`): not read yet.

use super::Recognised;
use crate::classify::Foreign;
use crate::load::Node;

pub(super) fn recognise<'t>(doc: &'t Node<'t>, _text: &str) -> Option<Recognised<'t>> {
    let string = |key: &str| doc.get(key).and_then(Node::as_str).is_some();
    (string("task_definition")
        && (string("cluster") || string("service") || doc.has("service_definition")))
    .then_some(Recognised::NotRead(Foreign::Ecspresso))
}
