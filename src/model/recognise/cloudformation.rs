//! CloudFormation and SAM templates (`Resources`, `AWSTemplateFormatVersion`): not read yet.
//! Their resources will be read here, in [`crate::model::Dialect::CloudFormation`].

use super::Recognised;
use crate::classify::Foreign;
use crate::load::Node;

pub(super) fn recognise<'t>(doc: &'t Node<'t>, _text: &str) -> Option<Recognised<'t>> {
    (doc.has("Resources") || doc.has("AWSTemplateFormatVersion"))
        .then_some(Recognised::NotRead(Foreign::CloudFormation))
}
