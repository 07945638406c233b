//! Recognise: decide what a document is, and read it into typed ECS resources. One recogniser
//! per input format, tried in order; the first that claims a document decides. A format not
//! read yet claims its documents as [`Recognised::NotRead`], so they are counted, never called
//! clean.

mod api;
mod cloudformation;
mod ecspresso;
mod kubernetes;
pub mod terraform;

use super::Resource;
use crate::load::{Node, Syntax};

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

/// [`recognise`] for a document read as `syntax`: a `.tf` file's (HCL) has its own recogniser,
/// after [`shape`] put it in shape.
pub fn recognise_as<'t>(doc: &'t Node<'t>, text: &str, syntax: Syntax) -> Recognised<'t> {
    match syntax {
        Syntax::Hcl => terraform::recognise_hcl(doc, text),
        Syntax::Json | Syntax::Yaml => recognise(doc, text),
    }
}

/// What the recogniser of `syntax` reads: a Terraform file's resources (`.tf`, or Terraform's
/// JSON syntax) rewritten into the API's shape (nodes moved, spans kept); other documents as
/// they are.
pub fn shape<'a>(doc: Node<'a>, text: &'a str, syntax: Syntax) -> Node<'a> {
    match syntax {
        Syntax::Hcl => terraform::normalise(doc, text),
        Syntax::Json if terraform::plan::is_plan(&doc) => terraform::plan::from_plan(doc, text),
        Syntax::Json if terraform::is_json_syntax(&doc) => {
            terraform::normalise(terraform::from_json_syntax(doc), text)
        }
        Syntax::Json | Syntax::Yaml => doc,
    }
}

fn one(resource: Resource<'_>) -> Recognised<'_> {
    Recognised::Resources(vec![resource])
}
