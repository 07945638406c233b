//! Link: the workspace graph across files. Each file contributes small owned facts about its
//! task definitions and services (the trees are dropped after the per-file pass); cross-file
//! rules run over these facts.

use std::collections::HashMap;

use crate::finding::FileId;
use crate::load::Node;
use crate::model::pointer::stable_path;
use crate::model::{Resource, TaskDef, TaskDefRef, Val};
use crate::span::Span;

#[derive(Debug, Clone)]
pub struct TaskDefFacts {
    pub file: FileId,
    pub family: String,
    pub revision: Option<i64>,
    /// Where a label about the whole task definition points (its `containerDefinitions` key).
    pub anchor: Span,
    pub containers: Vec<ContainerFacts>,
    /// Some container's name is not known (a placeholder): a missing name proves nothing.
    pub names_incomplete: bool,
}

#[derive(Debug, Clone)]
pub struct ContainerFacts {
    pub name: String,
    pub name_span: Span,
    /// The `portMappings` key, when there is one.
    pub port_mappings_key: Option<Span>,
    pub ports: Vec<i64>,
    pub ranges: Vec<(i64, i64)>,
    /// Some mapping's port is not known: an unmapped port proves nothing.
    pub ports_incomplete: bool,
}

#[derive(Debug, Clone)]
pub struct ServiceFacts {
    pub file: FileId,
    pub name: Option<String>,
    pub task_def: Option<TaskDefRef>,
    pub load_balancers: Vec<LoadBalancerFacts>,
}

#[derive(Debug, Clone)]
pub struct LoadBalancerFacts {
    pub pointer: String,
    pub container_name: Option<(String, Span)>,
    pub container_name_pointer: String,
    pub container_port: Option<(i64, Span)>,
    pub container_port_pointer: String,
    /// Stable paths (see `model::pointer::stable_path`) of the two pointers above.
    pub container_name_stable: String,
    pub container_port_stable: String,
}

#[derive(Debug, Default)]
pub struct Workspace {
    pub task_defs: Vec<TaskDefFacts>,
    pub services: Vec<ServiceFacts>,
    /// Task definitions by family (indices into `task_defs`, in file order).
    by_family: HashMap<String, Vec<usize>>,
}

impl Workspace {
    pub fn new(task_defs: Vec<TaskDefFacts>, services: Vec<ServiceFacts>) -> Workspace {
        let mut by_family: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in task_defs.iter().enumerate() {
            by_family.entry(t.family.clone()).or_default().push(i);
        }
        Workspace {
            task_defs,
            services,
            by_family,
        }
    }

    /// The task definitions a reference may mean. A `family:revision` reference prefers files
    /// that state that revision; files that state no revision (register input, which becomes
    /// the next revision) also count. Files stating a different revision never do.
    pub fn resolve(&self, r: &TaskDefRef) -> Vec<&TaskDefFacts> {
        let same_family = self
            .by_family
            .get(&r.family)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.task_defs[i]);
        match r.revision {
            None => same_family.collect(),
            Some(rev) => {
                let exact: Vec<&TaskDefFacts> = same_family
                    .clone()
                    .filter(|t| t.revision == Some(rev))
                    .collect();
                if exact.is_empty() {
                    same_family.filter(|t| t.revision.is_none()).collect()
                } else {
                    exact
                }
            }
        }
    }
}

/// Facts a file contributes to the workspace.
pub fn facts(file: FileId, resource: &Resource<'_>, doc: &Node<'_>) -> Option<Fact> {
    match resource {
        Resource::TaskDef(td) => task_def_facts(file, td).map(Fact::TaskDef),
        Resource::Service(s) => {
            let task_def = s.task_definition.known().and_then(TaskDefRef::parse);
            let load_balancers = s
                .load_balancers
                .iter()
                .map(|lb| {
                    let name_pointer = lb.pointer.field("containerName").to_string();
                    let port_pointer = lb.pointer.field("containerPort").to_string();
                    LoadBalancerFacts {
                        pointer: lb.pointer.to_string(),
                        container_name: lb
                            .container_name
                            .known_at()
                            .map(|(n, s)| (n.to_string(), s)),
                        container_name_stable: stable_path(doc, &name_pointer),
                        container_name_pointer: name_pointer,
                        container_port: lb.container_port.known_at(),
                        container_port_stable: stable_path(doc, &port_pointer),
                        container_port_pointer: port_pointer,
                    }
                })
                .collect();
            Some(Fact::Service(ServiceFacts {
                file,
                name: s.resource_name(),
                task_def,
                load_balancers,
            }))
        }
    }
}

#[derive(Debug)]
pub enum Fact {
    TaskDef(TaskDefFacts),
    Service(ServiceFacts),
}

fn task_def_facts(file: FileId, td: &TaskDef<'_>) -> Option<TaskDefFacts> {
    let family = td.family.known()?.to_string();
    let mut names_incomplete = !td.containers.is_complete();
    let containers = td
        .containers
        .iter()
        .filter_map(|c| {
            let Some((name, name_span)) = c.name.known_at() else {
                names_incomplete = true;
                return None;
            };
            let mut ports = Vec::new();
            let mut ranges = Vec::new();
            let mut ports_incomplete = !c.port_mappings.is_complete();
            for pm in &c.port_mappings {
                match (pm.container_port, pm.container_port_range) {
                    (Val::Known(p, _), _) => ports.push(p),
                    (_, Val::Known(r, _)) => match crate::domain::ports::parse(r) {
                        Some(range) => ranges.push(range),
                        None => ports_incomplete = true,
                    },
                    (Val::Absent, Val::Absent) => {}
                    _ => ports_incomplete = true,
                }
            }
            ports.shrink_to_fit();
            Some(ContainerFacts {
                name: name.to_string(),
                name_span,
                port_mappings_key: c.port_mappings_key,
                ports,
                ranges,
                ports_incomplete,
            })
        })
        .collect();
    let mut containers: Vec<ContainerFacts> = containers;
    containers.shrink_to_fit();
    Some(TaskDefFacts {
        file,
        family,
        revision: td.revision.known(),
        anchor: td.container_list_key.unwrap_or(td.anchor),
        containers,
        names_incomplete,
    })
}
