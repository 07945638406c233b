//! Recognise: decide what a document is by its keys, and read it into typed ECS resources that
//! keep spans back into the tree.

pub mod cluster;
pub mod conditions;
pub mod deployment;
pub mod elb;
pub mod fields;
pub mod pointer;
pub mod recognise;
pub mod service;
pub mod task_def;
pub mod value;
pub mod view;

pub use cluster::Cluster;
pub use elb::{Elb, Listener, ListenerKind, TargetGroup};
pub use fields::{Dialect, Field};
pub use pointer::Pointer;
pub use recognise::{recognise, recognise_as, Recognised};
pub use service::{LoadBalancer, Service, ServiceShape, TaskDefRef};
pub use task_def::{
    At, Container, EnvVar, NetworkMode, PortMapping, Spelled, TaskDef, TaskDefShape, Volume,
};
pub use value::{List, Target, Tri, Val};
pub use view::View;

/// A resource read from a document. Few per document and short-lived (the file's pass), so the
/// variants stay unboxed.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Resource<'t> {
    TaskDef(TaskDef<'t>),
    Service(Service<'t>),
    TargetGroup(TargetGroup<'t>),
    /// A listener or a listener rule.
    Listener(Listener<'t>),
    /// A cluster, or an association of capacity providers with one.
    Cluster(Cluster<'t>),
    /// A load balancer.
    Elb(Elb<'t>),
    /// A deployment tool's configuration pairing a service with a task definition (ecspresso).
    Deployment(deployment::Deployment<'t>),
}

impl Resource<'_> {
    pub fn describe(&self) -> &'static str {
        match self {
            Resource::TaskDef(t) => t.shape.describe(),
            Resource::Service(s) => s.shape.describe(),
            Resource::TargetGroup(_) => "target group (AWS::ElasticLoadBalancingV2::TargetGroup)",
            Resource::Cluster(c) if c.associates_with.is_some() => {
                "capacity provider association (AWS::ECS::ClusterCapacityProviderAssociations)"
            }
            Resource::Cluster(_) => "cluster (AWS::ECS::Cluster)",
            Resource::Elb(_) => "load balancer (AWS::ElasticLoadBalancingV2::LoadBalancer)",
            Resource::Listener(l) => match l.kind {
                ListenerKind::Listener => "listener (AWS::ElasticLoadBalancingV2::Listener)",
                ListenerKind::Rule => "listener rule (AWS::ElasticLoadBalancingV2::ListenerRule)",
            },
            Resource::Deployment(_) => "ecspresso config",
        }
    }

    /// The object of a task definition, a service or a cluster, to read any of its fields
    /// (`None` for other kinds, and for a file that holds only containers).
    pub fn view(&self) -> Option<View<'_>> {
        match self {
            Resource::TaskDef(td) => td.view(),
            Resource::Service(s) => Some(s.view()),
            Resource::Cluster(c) if c.associates_with.is_none() => Some(c.view()),
            _ => None,
        }
    }

    /// The spelling of its fields.
    pub fn dialect(&self) -> Option<Dialect> {
        match self {
            Resource::TaskDef(td) => Some(td.dialect),
            Resource::Service(s) => Some(s.dialect),
            Resource::Cluster(c) => Some(c.dialect),
            _ => None,
        }
    }

    /// Its name: its logical id in a template, else its task family or service name, when
    /// the file states it.
    pub fn name(&self) -> Option<&str> {
        match self {
            Resource::TaskDef(td) => td.logical_id.or(td.family.known()),
            Resource::Service(s) => s.logical_id.or(s.name.known()),
            Resource::TargetGroup(tg) => tg.logical_id,
            Resource::Listener(l) => l.logical_id,
            Resource::Cluster(c) => c.logical_id,
            Resource::Elb(lb) => lb.logical_id,
            Resource::Deployment(d) => d.service.known(),
        }
    }
}

/// Whether a file's text mentions ECS configuration keys (used to decide whether a file that
/// does not parse, found while walking a directory, is worth reporting).
pub fn looks_like_ecs(text: &str) -> bool {
    // Not `serviceName`: Kubernetes Ingress backends use it too.
    ["containerDefinitions", "taskDefinition", "portMappings"]
        .iter()
        .any(|k| text.contains(k))
}
