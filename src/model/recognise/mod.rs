//! Recognise: decide what a document is, and read it into typed ECS resources. One recogniser
//! per input format, tried in order; the first that claims a document decides. A format not
//! read yet claims its documents as [`Recognised::NotRead`], so they are counted, never called
//! clean.

mod api;
mod cloudformation;
mod ecspresso;
mod kubernetes;
mod terraform;

use super::Resource;
use crate::load::Node;

/// What a document holds: the resources read from it, or why it was skipped.
#[derive(Debug)]
pub enum Recognised<'t> {
    Resources(Vec<Resource<'t>>),
    Skipped(&'static str),
    /// A format ecslint does not read yet.
    NotRead(crate::classify::Foreign),
}

/// A recogniser: `Some` when the document is in its format.
type Recogniser = for<'t> fn(&'t Node<'t>, &str) -> Option<Recognised<'t>>;

/// In order: formats with unmistakable top-level keys first, the ECS API's own shapes last
/// (their keys are the least distinctive).
const RECOGNISERS: [Recogniser; 5] = [
    kubernetes::recognise,
    cloudformation::recognise,
    terraform::recognise,
    ecspresso::recognise,
    api::recognise,
];

/// Reads `doc` (a whole document of a file whose text is `text`) into ECS resources.
pub fn recognise<'t>(doc: &'t Node<'t>, text: &str) -> Recognised<'t> {
    RECOGNISERS
        .iter()
        .find_map(|r| r(doc, text))
        .unwrap_or(Recognised::Skipped("not ECS configuration"))
}

fn one(resource: Resource<'_>) -> Recognised<'_> {
    Recognised::Resources(vec![resource])
}
