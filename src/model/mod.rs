//! Recognise: decide what a document is by its keys, and read it into typed ECS resources that
//! keep spans back into the tree.

pub mod conditions;
pub mod fields;
pub mod pointer;
pub mod recognise;
pub mod service;
pub mod task_def;
pub mod value;

pub use fields::{Dialect, Field};
pub use pointer::Pointer;
pub use recognise::{recognise, Recognised};
pub use service::{LoadBalancer, Service, ServiceShape, TaskDefRef};
pub use task_def::{
    At, Container, EnvVar, NetworkMode, PortMapping, Spelled, TaskDef, TaskDefShape,
};
pub use value::{List, Target, Tri, Val};

/// A resource read from a document. Few per document and short-lived (the file's pass), so the
/// variants stay unboxed.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Resource<'t> {
    TaskDef(TaskDef<'t>),
    Service(Service<'t>),
}

impl Resource<'_> {
    pub fn describe(&self) -> &'static str {
        match self {
            Resource::TaskDef(t) => t.shape.describe(),
            Resource::Service(s) => s.shape.describe(),
        }
    }

    /// Its name: its logical id in a template, else its task family or service name, when
    /// the file states it.
    pub fn name(&self) -> Option<&str> {
        match self {
            Resource::TaskDef(td) => td.logical_id.or(td.family.known()),
            Resource::Service(s) => s.logical_id.or(s.name.known()),
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
