//! A deployment tool's configuration that pairs a service definition with a task definition
//! by file: ecspresso's `ecspresso.yml` (`service_definition: ecs-service-def.json`,
//! `task_definition: ecs-task-def.json`). ecspresso registers the task definition and points
//! the service at it, so the service definition names none; the linker pairs them through this
//! ([`crate::link::Workspace::pair_deployments`]).

use crate::load::Node;
use crate::model::value::text;
use crate::model::Val;

#[derive(Debug)]
pub struct Deployment<'t> {
    pub node: &'t Node<'t>,
    /// The service definition file, relative to the configuration's directory.
    pub service_definition: Val<'t, &'t str>,
    /// The task definition file, relative to the configuration's directory.
    pub task_definition: Val<'t, &'t str>,
    /// The service's name (ecspresso's `service`), which the service definition omits.
    pub service: Val<'t, &'t str>,
    pub cluster: Val<'t, &'t str>,
}

impl<'t> Deployment<'t> {
    /// An ecspresso configuration (`{{ must_env `X` }}` and other Go templates are unknown).
    pub fn ecspresso(node: &'t Node<'t>) -> Deployment<'t> {
        Deployment {
            node,
            service_definition: text(node.get("service_definition")),
            task_definition: text(node.get("task_definition")),
            service: text(node.get("service")),
            cluster: text(node.get("cluster")),
        }
    }
}
