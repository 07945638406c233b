//! Clusters and the capacity providers associated with them: an `AWS::ECS::Cluster`'s
//! `CapacityProviders`, and `AWS::ECS::ClusterCapacityProviderAssociations`, which add
//! providers to a cluster declared elsewhere in the template (or outside it).

use super::fields::{capacity_provider, Dialect, Field};
use super::value::{text, List, Val};
use crate::load::Node;
use crate::span::Span;

/// A cluster, or an association of capacity providers with a cluster.
#[derive(Debug)]
pub struct Cluster<'t> {
    pub node: &'t Node<'t>,
    pub dialect: Dialect,
    pub anchor: Span,
    pub logical_id: Option<&'t str>,
    /// For an association: the cluster it adds providers to. For a cluster: absent.
    pub associates_with: Option<Val<'t, &'t str>>,
    /// The capacity providers (names such as `FARGATE_SPOT`, or references to capacity
    /// providers of the template); whole only when the list is known whole.
    pub providers: List<Val<'t, &'t str>>,
    /// In a template: something other than a service refers to it (an output, another
    /// resource), so providers may be associated with it elsewhere.
    pub referenced_elsewhere: bool,
}

impl<'t> Cluster<'t> {
    /// The cluster's object, to read any of its fields.
    pub fn view(&self) -> super::View<'t> {
        super::View::new(self.node, self.dialect)
    }

    /// An `AWS::ECS::Cluster`'s properties, or (`association`) an
    /// `AWS::ECS::ClusterCapacityProviderAssociations`'.
    pub fn from_object(
        node: &'t Node<'t>,
        association: bool,
        dialect: Dialect,
        anchor: Span,
    ) -> Cluster<'t> {
        let get = |f: &Field| f.key(dialect).and_then(|k| node.get(k));
        let list = get(&capacity_provider::CAPACITY_PROVIDERS);
        let providers = list
            .and_then(Node::as_array)
            .unwrap_or_default()
            .iter()
            .filter(|n| !n.is_no_value())
            .map(|n| text(Some(n)))
            .collect();
        Cluster {
            node,
            dialect,
            anchor,
            logical_id: None,
            associates_with: association.then(|| text(get(&capacity_provider::CLUSTER))),
            providers: List::new(providers, complete_list_of_values(list)),
            referenced_elsewhere: false,
        }
    }
}

/// A list of scalar values known whole: absent, or a list whose items are not placeholders
/// or intrinsics other than references (`AWS::NoValue` removes an item; a reference is an
/// item, which the recogniser keeps only when it names a capacity provider of the template).
fn complete_list_of_values(node: Option<&Node<'_>>) -> bool {
    match node {
        None => true,
        Some(n) if n.is_null() || n.is_no_value() => true,
        Some(n) => n.as_array().is_some_and(|items| {
            items.iter().all(|i| {
                i.is_no_value()
                    || crate::model::value::reference(i).is_some()
                    || !(i.is_placeholder() || i.as_object().is_some())
            })
        }),
    }
}

impl super::task_def::Spelled for Cluster<'_> {
    fn dialect(&self) -> Dialect {
        self.dialect
    }
}
