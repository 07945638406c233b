//! ecspresso configurations (`task_definition` beside `cluster` or `service`): read for the
//! files they pair ([`crate::model::deployment`]). A Jsonnet configuration is not read (no
//! evaluator here keeps locations).

use super::{one, Recognised};
use crate::load::Node;
use crate::model::deployment::Deployment;
use crate::model::Resource;

pub(super) fn recognise<'t>(doc: &'t Node<'t>, _text: &str) -> Option<Recognised<'t>> {
    let string = |key: &str| doc.get(key).and_then(Node::as_str).is_some();
    (string("task_definition")
        && (string("cluster") || string("service") || doc.has("service_definition")))
    .then(|| one(Resource::Deployment(Deployment::ecspresso(doc))))
}
