//! Elastic Load Balancing v2 resources an ECS service is wired to: target groups, the
//! listeners and listener rules whose actions forward to them, and the load balancers the
//! listeners belong to. Typed views over the tree like
//! the ECS resources, read through the field table in the document's dialect.

use super::fields::{elb, listener, target_group, Dialect, Field};
use super::value::{int, text, List, Tri, Val};
use crate::load::tree::complete_list;
use crate::load::Node;
use crate::span::Span;

#[derive(Debug)]
pub struct TargetGroup<'t> {
    pub node: &'t Node<'t>,
    pub dialect: Dialect,
    pub anchor: Span,
    pub logical_id: Option<&'t str>,
    pub port: Val<'t, i64>,
    pub protocol: Val<'t, &'t str>,
    /// `instance` when absent.
    pub target_type: Val<'t, &'t str>,
    /// `traffic-port` when absent; a port number otherwise (a string in the API and in
    /// CloudFormation).
    pub health_check_port: Val<'t, &'t str>,
    pub health_check_protocol: Val<'t, &'t str>,
    pub health_check_path: Val<'t, &'t str>,
    /// In a template: something other than a service or a listener refers to it (an output,
    /// a nested stack's parameter), so it may be attached to a load balancer elsewhere.
    pub referenced_elsewhere: bool,
}

impl<'t> TargetGroup<'t> {
    pub fn from_object(node: &'t Node<'t>, dialect: Dialect, anchor: Span) -> TargetGroup<'t> {
        let get = |f: &Field| f.key(dialect).and_then(|k| node.get(k));
        TargetGroup {
            node,
            dialect,
            anchor,
            logical_id: None,
            port: int(get(&target_group::PORT)),
            protocol: text(get(&target_group::PROTOCOL)),
            target_type: text(get(&target_group::TARGET_TYPE)),
            health_check_port: port_text(get(&target_group::HEALTH_CHECK_PORT)),
            health_check_protocol: text(get(&target_group::HEALTH_CHECK_PROTOCOL)),
            health_check_path: text(get(&target_group::HEALTH_CHECK_PATH)),
            referenced_elsewhere: false,
        }
    }
}

/// A port written as a string (`"8080"`, `traffic-port`) or as a number (`8080`).
fn port_text<'t>(node: Option<&'t Node<'t>>) -> Val<'t, &'t str> {
    match node.map(|n| (n, &n.kind)) {
        Some((n, crate::load::Kind::Number(digits))) => Val::Known(digits.as_ref(), n.span),
        _ => text(node),
    }
}

/// A load balancer: what kind it is decides which protocols its listeners and target groups
/// may use.
#[derive(Debug)]
pub struct Elb<'t> {
    pub node: &'t Node<'t>,
    pub dialect: Dialect,
    pub anchor: Span,
    pub logical_id: Option<&'t str>,
    /// `Type`: `application` when absent, `network`, `gateway`.
    pub kind: Val<'t, &'t str>,
}

impl<'t> Elb<'t> {
    pub fn from_object(node: &'t Node<'t>, dialect: Dialect, anchor: Span) -> Elb<'t> {
        Elb {
            node,
            dialect,
            anchor,
            logical_id: None,
            kind: text(elb::TYPE.key(dialect).and_then(|k| node.get(k))),
        }
    }
}

/// Whether a listener resource is a listener or a listener rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListenerKind {
    Listener,
    Rule,
}

#[derive(Debug)]
pub struct Listener<'t> {
    pub node: &'t Node<'t>,
    pub dialect: Dialect,
    pub kind: ListenerKind,
    pub anchor: Span,
    pub logical_id: Option<&'t str>,
    /// The target groups its actions forward to (`TargetGroupArn` of an action, and each of
    /// `ForwardConfig.TargetGroups`): whole only when every action is known.
    pub forwards: List<Val<'t, &'t str>>,
    /// A listener's `Protocol` (a listener rule has none).
    pub protocol: Val<'t, &'t str>,
    /// A listener's load balancer (`LoadBalancerArn`), a listener rule's listener
    /// (`ListenerArn`): usually a reference the linker follows.
    pub parent: Val<'t, &'t str>,
    /// Whether every action redirects to HTTPS (`Unknown` when an action cannot be read).
    pub redirects_to_https: Tri,
}

impl<'t> Listener<'t> {
    pub fn from_object(
        node: &'t Node<'t>,
        kind: ListenerKind,
        dialect: Dialect,
        anchor: Span,
    ) -> Listener<'t> {
        let key = |f: &Field| f.key(dialect);
        let actions_field = match kind {
            ListenerKind::Listener => &listener::DEFAULT_ACTIONS,
            ListenerKind::Rule => &listener::ACTIONS,
        };
        let actions = key(actions_field).and_then(|k| node.get(k));
        let mut complete = complete_list(actions);
        let mut forwards = Vec::new();
        let mut redirects = if complete { Tri::Yes } else { Tri::Unknown };
        for action in actions
            .and_then(Node::as_array)
            .unwrap_or_default()
            .iter()
            .filter(|a| a.is_item_object())
        {
            let kind = text(key(&listener::TYPE).and_then(|k| action.get(k)));
            let to = key(&listener::REDIRECT_CONFIG)
                .and_then(|k| action.get(k))
                .map(|r| {
                    if r.is_item_object() {
                        text(key(&listener::PROTOCOL).and_then(|k| r.get(k)))
                    } else {
                        Val::Unknown(r.span)
                    }
                });
            let this = match (kind.known(), to) {
                (Some(t), Some(Val::Known(p, _)))
                    if t.eq_ignore_ascii_case("redirect") && p.eq_ignore_ascii_case("HTTPS") =>
                {
                    Tri::Yes
                }
                (Some(_), Some(Val::Unknown(_) | Val::Ref(..))) => Tri::Unknown,
                (Some(_), _) => Tri::No,
                (None, _) => Tri::Unknown,
            };
            redirects = match (redirects, this) {
                (Tri::No, _) | (_, Tri::No) => Tri::No,
                (Tri::Unknown, _) | (_, Tri::Unknown) => Tri::Unknown,
                _ => Tri::Yes,
            };
            let arn = key(&listener::TARGET_GROUP_ARN).and_then(|k| action.get(k));
            if arn.is_some() {
                forwards.push(text(arn));
            }
            let groups = key(&listener::FORWARD_CONFIG)
                .and_then(|k| action.get(k))
                .and_then(|fc| key(&listener::TARGET_GROUPS).and_then(|k| fc.get(k)));
            complete &= complete_list(groups);
            for g in groups
                .and_then(Node::as_array)
                .unwrap_or_default()
                .iter()
                .filter(|g| g.is_item_object())
            {
                forwards.push(text(
                    key(&listener::TARGET_GROUP_ARN).and_then(|k| g.get(k)),
                ));
            }
        }
        Listener {
            node,
            dialect,
            kind,
            anchor,
            logical_id: None,
            forwards: List::new(forwards, complete),
            protocol: text(key(&listener::PROTOCOL).and_then(|k| node.get(k))),
            parent: text(
                key(match kind {
                    ListenerKind::Listener => &listener::LOAD_BALANCER_ARN,
                    ListenerKind::Rule => &listener::LISTENER_ARN,
                })
                .and_then(|k| node.get(k)),
            ),
            redirects_to_https: redirects,
        }
    }
}
