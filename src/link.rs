//! Link: the linked model of the workspace. Each file contributes its resources as owned,
//! linkable values ([`Linked`]): three-way values with their spans, kept after the file's tree
//! is gone, and the sites (file, span, pointer, stable path) a cross-file rule may report at.
//! The [`Workspace`] indexes them by kind and name, by logical id (within their file) and by
//! ARN, and follows references: a service's task definition named by family, `family:revision`
//! or ARN across the workspace, or by logical id (a CloudFormation `Ref`) within its own file
//! first. Target groups, listeners, clusters and ecspresso configurations join as further
//! [`Linked`] kinds and index keys, without structures of their own for each rule.

use std::collections::HashMap;

use crate::finding::{FileId, Site};
use crate::load::Node;
use crate::model::pointer::{path_to, pointer_at, stable_path};
use crate::model::{
    Dialect, List, Listener, NetworkMode, Resource, Service, TargetGroup, TaskDef, TaskDefRef, Val,
};
use crate::span::Span;

pub use crate::model::value::Owned;

/// A resource a file contributes to the workspace. Short-lived (a file's few, until the
/// workspace moves each into the vector of its kind), so the variants stay unboxed.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Linked {
    TaskDef(LinkedTaskDef),
    Service(LinkedService),
    TargetGroup(LinkedTargetGroup),
    Listener(LinkedListener),
    Cluster(LinkedCluster),
    Elb(LinkedElb),
    /// A configuration pairing a service definition file with a task definition file.
    Deployment(LinkedDeployment),
}

/// An ecspresso configuration: the files it pairs, as written (relative to its directory).
#[derive(Debug)]
pub struct LinkedDeployment {
    pub file: FileId,
    /// The service's name (ecspresso's `service`), which its definition file omits.
    pub service: Option<Box<str>>,
    pub service_definition: Box<str>,
    pub task_definition: Box<str>,
}

impl Linked {
    /// Whether a cross-file rule may report in its file (it keeps report sites).
    pub fn has_sites(&self) -> bool {
        match self {
            Linked::TaskDef(_) | Linked::Cluster(_) | Linked::Elb(_) | Linked::Deployment(_) => {
                false
            }
            Linked::Listener(l) => l.protocol_site.is_some(),
            Linked::Service(s) => s.load_balancers.iter().any(|lb| {
                lb.container_name_site.is_some()
                    || lb.container_port_site.is_some()
                    || lb.target_group_site.is_some()
            }),
            Linked::TargetGroup(tg) => {
                tg.target_type_site.is_some()
                    || tg.health_check_port_site.is_some()
                    || tg.protocol_site.is_some()
            }
        }
    }
}

/// The kinds of resource the workspace indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResourceKind {
    TaskDef,
    Service,
    TargetGroup,
    Listener,
    Cluster,
    Elb,
}

/// What every linked resource has: its file, and the keys it is found by.
#[derive(Debug)]
pub struct Identity {
    pub file: FileId,
    /// The spelling of its fields (for messages).
    pub dialect: Dialect,
    /// Its name: a task definition's family, a service's name.
    pub name: Owned<Box<str>>,
    /// Its logical id in its template or module (CloudFormation, Terraform), when it has one.
    pub logical_id: Option<Box<str>>,
    /// Its ARN, when the file states it (`describe-*` output).
    pub arn: Option<Box<str>>,
    /// Where a label about the whole resource points.
    pub anchor: Span,
}

#[derive(Debug)]
pub struct LinkedTaskDef {
    pub id: Identity,
    pub revision: Owned<i64>,
    /// `networkMode` as stated (absent: the platform's default).
    pub network_mode: Owned<NetworkMode>,
    /// Whether `requiresCompatibilities` names Fargate (unknown when it cannot be read).
    pub fargate: crate::model::Tri,
    pub containers: List<LinkedContainer>,
    /// Whether it states a `taskRoleArn` (unknown for a file that holds only containers).
    pub task_role: crate::model::Tri,
}

#[derive(Debug)]
pub struct LinkedContainer {
    pub name: Owned<Box<str>>,
    /// The `portMappings` key, when there is one.
    pub port_mappings_key: Option<Span>,
    pub port_mappings: List<LinkedPortMapping>,
    /// Whether it has a `healthCheck` (compact: there are hundreds of thousands at scale).
    pub health_check: crate::model::Tri,
    /// The `name`s of its port mappings (Service Connect and VPC Lattice name them); whole
    /// only when every mapping is known and each name is known or absent.
    pub port_names: List<Box<str>>,
}

/// Compact (there are hundreds of thousands at scale): a port beyond `i32` is unknown.
#[derive(Debug, Clone, Copy)]
pub struct LinkedPortMapping {
    pub container_port: Owned<i32>,
    /// Whether `hostPort` asks for a dynamic port under `bridge` (absent or 0).
    pub dynamic_host_port: crate::model::Tri,
    /// `containerPortRange`, read as (first, last); unknown when it does not parse.
    pub container_port_range: Owned<(u16, u16)>,
    /// Whether `protocol` is `udp` (absent, `tcp`, and any other value ECS reads as `tcp`: no).
    pub udp: crate::model::Tri,
}

impl LinkedPortMapping {
    /// Whether it maps `port`: its `containerPort`, or a `containerPortRange` holding it.
    pub fn covers(&self, port: i64) -> bool {
        self.container_port.known().map(i64::from) == Some(port)
            || self
                .container_port_range
                .known()
                .is_some_and(|(a, b)| (i64::from(a)..=i64::from(b)).contains(&port))
    }
}

impl LinkedTaskDef {
    /// The network mode its tasks run in: as stated, or `bridge` when it states none and is
    /// not for Fargate (where `awsvpc` is required, and ECS101 says so); `None` when unknown.
    pub fn mode_in_effect(&self) -> Option<NetworkMode> {
        match self.network_mode {
            Owned::Known(m, _) => Some(m),
            Owned::Absent if self.fargate == crate::model::Tri::No => Some(NetworkMode::Bridge),
            _ => None,
        }
    }

    /// What messages call it: its logical id in a template, else its family.
    pub fn display_name(&self) -> &str {
        self.id
            .logical_id
            .as_deref()
            .or(self.id.name.as_known().map(|n| &**n))
            .unwrap_or("")
    }

    /// Every container's name, when all are known (the list whole, each name readable).
    pub fn container_names(&self) -> Option<Vec<&str>> {
        self.containers
            .complete()?
            .iter()
            .map(|c| c.name.as_known().map(|n| &**n))
            .collect()
    }

    /// The containers called `name`.
    pub fn containers_named<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = &'a LinkedContainer> + 'a {
        self.containers
            .iter()
            .filter(move |c| c.name.as_known().is_some_and(|n| &**n == name))
    }
}

impl LinkedService {
    /// The site of `field`, one of the service's own keys, at `span`: the service's pointer
    /// with the key appended (computed when a finding is made, not kept for every service).
    pub fn field_site(&self, field: &crate::model::Field, span: Span) -> Site {
        let key = field
            .name(self.id.dialect)
            .replace('~', "~0")
            .replace('/', "~1");
        Site {
            file: self.site.file,
            span,
            pointer: format!("{}/{key}", self.site.pointer).into(),
            stable: format!("{}/{key}", self.site.stable).into(),
        }
    }

    /// What messages call it: "service `web`", or "the service" when it has no name.
    pub fn called(&self) -> String {
        match self.name() {
            Some(name) => format!("{} `{name}`", self.noun),
            None => format!("the {}", self.noun),
        }
    }

    /// What findings name it by: its logical id in a template, else its service name.
    pub fn name(&self) -> Option<String> {
        self.id
            .logical_id
            .as_deref()
            .or(self.id.name.as_known().map(|n| &**n))
            .map(str::to_string)
    }
}

impl crate::finding::Finding {
    /// Marks a cross-file finding as being about `service` and the task definitions it runs:
    /// the service is the resource, the task definitions' files are related (a change to one
    /// of them shows the finding again), and the first is labelled where it is defined.
    pub fn pairing(&mut self, service: &LinkedService, task_defs: &[&LinkedTaskDef]) -> &mut Self {
        self.resource(service.name())
            .related(task_defs.iter().map(|t| t.id.file));
        if let Some(td) = task_defs.first() {
            self.label_in(
                td.id.file,
                td.id.anchor,
                format!("task definition `{}` is defined here", td.display_name()),
            );
        }
        self
    }
}

impl LinkedContainer {
    /// Whether the container maps `port`: `Yes`, `No`, or `Unknown` when a mapping it may be
    /// in cannot be read (a placeholder port, a list not known whole).
    pub fn maps(&self, port: i64) -> crate::model::Tri {
        use crate::model::Tri;
        if self.port_mappings.iter().any(|pm| pm.covers(port)) {
            return Tri::Yes;
        }
        let unreadable = |pm: &&LinkedPortMapping| {
            pm.container_port.is_unknown()
                || (pm.container_port.is_absent() && pm.container_port_range.is_unknown())
        };
        match self.port_mappings.complete() {
            Some(all) if !all.iter().any(|pm| unreadable(&pm)) => Tri::No,
            _ => Tri::Unknown,
        }
    }

    /// The ports it maps, as stated: single ports (`80`) and ranges (`9000-9010`).
    pub fn ports(&self) -> Vec<String> {
        self.port_mappings
            .iter()
            .filter_map(|pm| match (pm.container_port, pm.container_port_range) {
                (Owned::Known(p, _), _) => Some(p.to_string()),
                (_, Owned::Known((a, b), _)) => Some(format!("{a}-{b}")),
                _ => None,
            })
            .collect()
    }
}

/// What a reference to another resource names, as the linker follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Absent,
    /// A placeholder or an expression: it names something, nobody knows what.
    Unknown,
    /// A task definition by family, `family:revision` or ARN.
    TaskDef(TaskDefRef),
    /// A resource of the same file by logical id (CloudFormation `Ref`, `Fn::GetAtt`).
    LogicalId(Box<str>),
    /// A resource by its name as written (a capacity provider `FARGATE_SPOT`, a cluster's
    /// name).
    Name(Box<str>),
}

#[derive(Debug)]
pub struct LinkedService {
    pub id: Identity,
    /// "service", or "scheduled task" (an EventBridge target), for messages.
    pub noun: &'static str,
    pub task_definition: Link,
    pub load_balancers: List<LinkedLoadBalancer>,
    /// The resources of its template it depends on, directly or not (`DependsOn` and the
    /// references in its properties): CloudFormation creates them first.
    /// The listeners and listener rules among them; `None` when they cannot be known.
    pub depends_on: Option<Vec<Box<str>>>,
    pub launch_type: Owned<Box<str>>,
    /// Where `launchType` is (its site comes from [`LinkedService::field_site`]).
    pub launch_type_span: Option<Span>,
    /// `cluster`: a reference to a cluster of the template, a name, or unknown.
    pub cluster: Link,
    pub health_check_grace_period: Owned<i64>,
    pub health_check_grace_period_span: Option<Span>,
    pub vpc_lattice: Owned<usize>,
    /// Each capacity provider of its strategy, with where a finding about it goes; whole only
    /// when the strategy is.
    pub capacity_providers: List<(Link, Option<Site>)>,
    /// `networkConfiguration`, where the file must state it when the task needs it (not in
    /// `update-service` input, which keeps the service's).
    pub network_configuration: Owned<()>,
    /// Where a finding about the whole service goes (its anchor, the object's pointer).
    pub site: Site,
    /// The port names its Service Connect services and VPC Lattice configurations give, each
    /// with what names it ("Service Connect", "VPC Lattice") and where it is.
    pub port_names: Vec<(Box<str>, &'static str, Site)>,
    /// Where it turns ECS Exec on (`enableExecuteCommand: true`), when it does.
    pub execute_command: Option<Site>,
    /// Where it names a service `role`, when it does (a literal or a reference).
    pub role: Option<Site>,
    /// Its service registries (service discovery): the container and port each names.
    pub registries: Vec<LinkedRegistry>,
    /// Whether the file is an input ECS reads (not a create or describe call's output).
    pub input: bool,
}

/// A `serviceRegistries` entry: the container name and port it states, with their sites.
#[derive(Debug)]
pub struct LinkedRegistry {
    pub container_name: Option<(Box<str>, Site)>,
    pub container_port: Option<(i64, Site)>,
    /// Whether it states a `port` (for an SRV record of an awsvpc task).
    pub port: bool,
    /// Whether it plainly lacks its `containerName` or its `containerPort` (no placeholder
    /// stands for some of its members).
    pub lacks_container: bool,
    /// Where a finding about the whole entry goes.
    pub site: Site,
}

#[derive(Debug)]
pub struct LinkedLoadBalancer {
    pub container_name: Owned<Box<str>>,
    pub container_port: Owned<i64>,
    pub target_group: Link,
    /// Where findings about the three go (pointer and stable path from the file's tree).
    pub container_name_site: Option<Site>,
    pub container_port_site: Option<Site>,
    pub target_group_site: Option<Site>,
    /// Where it names a Classic Load Balancer (`loadBalancerName`), when it does.
    pub load_balancer_name_site: Option<Site>,
}

/// A target group (compact: a few per service).
#[derive(Debug)]
pub struct LinkedTargetGroup {
    pub id: Identity,
    /// `instance` when absent.
    pub target_type: Owned<Box<str>>,
    /// Where a finding about its target type goes: the value, or its logical id when absent.
    pub target_type_site: Option<Site>,
    pub port: Owned<i64>,
    pub protocol: Owned<Box<str>>,
    pub protocol_site: Option<Site>,
    /// `HealthCheckPort`: `traffic-port` when absent, else a port number (a string).
    pub health_check_port: Owned<Box<str>>,
    pub health_check_port_site: Option<Site>,
    /// Something in its template other than a service or a listener refers to it (an output,
    /// a nested stack's parameter): it may be attached to a load balancer elsewhere.
    pub referenced_elsewhere: bool,
}

/// A cluster, or an association of capacity providers with one: the providers it holds.
#[derive(Debug)]
pub struct LinkedCluster {
    pub id: Identity,
    /// For an association: the cluster it adds to.
    pub associates_with: Option<Link>,
    pub providers: List<Link>,
    pub referenced_elsewhere: bool,
}

/// A listener or a listener rule: the target groups it forwards to.
#[derive(Debug)]
pub struct LinkedListener {
    pub id: Identity,
    pub kind: crate::model::ListenerKind,
    pub forwards: List<Link>,
    /// A listener's load balancer, a rule's listener.
    pub parent: Link,
    /// A listener's `Protocol` (a rule has none), and where findings about it go.
    pub protocol: Owned<Box<str>>,
    pub protocol_site: Option<Site>,
}

/// A load balancer: its kind.
#[derive(Debug)]
pub struct LinkedElb {
    pub id: Identity,
    /// `Type`: `application` when absent.
    pub kind: Owned<Box<str>>,
}

impl LinkedElb {
    /// Its kind, `application` when the template leaves it out; `None` when unknown.
    pub fn kind(&self) -> Option<&str> {
        match &self.kind {
            Owned::Known(k, _) => Some(k),
            Owned::Absent => Some("application"),
            _ => None,
        }
    }
}

/// An index into the workspace's resources (32-bit: the index holds one per resource).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Id {
    TaskDef(u32),
    Service(u32),
    TargetGroup(u32),
    Listener(u32),
    Cluster(u32),
    Elb(u32),
}

fn id_index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Every linked resource of the run, and the indexes that resolve references.
#[derive(Debug, Default)]
pub struct Workspace {
    pub task_defs: Vec<LinkedTaskDef>,
    pub services: Vec<LinkedService>,
    pub target_groups: Vec<LinkedTargetGroup>,
    pub listeners: Vec<LinkedListener>,
    pub clusters: Vec<LinkedCluster>,
    pub elbs: Vec<LinkedElb>,
    by_name: HashMap<(ResourceKind, Box<str>), Vec<Id>>,
    by_logical_id: HashMap<(FileId, Box<str>), Id>,
    by_arn: HashMap<Box<str>, Id>,
    /// The listeners and the clusters of each file (rules look them up by file, for every
    /// service).
    listeners_by_file: HashMap<FileId, Vec<u32>>,
    clusters_by_file: HashMap<FileId, Vec<u32>>,
    /// Terraform: the files of one directory are one module, whose resources refer to each
    /// other by address across its files. Each `.tf` file's scope is the first file of its
    /// directory; any other file is its own scope (a template's logical ids are its own).
    modules: HashMap<Box<str>, FileId>,
    scopes: HashMap<FileId, FileId>,
    /// Deployment configurations, and the task definition file of each service definition
    /// file they pair ([`Workspace::pair_deployments`]).
    deployments: Vec<LinkedDeployment>,
    paired: HashMap<FileId, FileId>,
}

impl Workspace {
    /// Notes where `file` (displayed as `display`) lies, before its resources are added: the
    /// `.tf` and `.tf.json` files of a directory share their logical ids (resource addresses).
    pub fn add_file(&mut self, file: FileId, display: &str) {
        let lower = display.to_ascii_lowercase();
        if !(lower.ends_with(".tf") || lower.ends_with(".tf.json")) {
            return;
        }
        let dir = display.rsplit_once(['/', '\\']).map_or("", |(d, _)| d);
        let scope = *self.modules.entry(Box::from(dir)).or_insert(file);
        if scope != file {
            self.scopes.insert(file, scope);
        }
    }

    /// The scope whose logical ids `file`'s references resolve in.
    fn scope(&self, file: FileId) -> FileId {
        self.scopes.get(&file).copied().unwrap_or(file)
    }

    /// Adds a file's resources (files are added in file order, so indexes list them in it).
    pub fn add(&mut self, resource: Linked) {
        let (kind, id, identity) = match resource {
            Linked::Deployment(d) => {
                self.deployments.push(d);
                return;
            }
            Linked::TaskDef(t) => {
                self.task_defs.push(t);
                let i = self.task_defs.len() - 1;
                (
                    ResourceKind::TaskDef,
                    Id::TaskDef(id_index(i)),
                    &self.task_defs[i].id,
                )
            }
            Linked::Service(s) => {
                self.services.push(s);
                let i = self.services.len() - 1;
                (
                    ResourceKind::Service,
                    Id::Service(id_index(i)),
                    &self.services[i].id,
                )
            }
            Linked::TargetGroup(t) => {
                self.target_groups.push(t);
                let i = self.target_groups.len() - 1;
                (
                    ResourceKind::TargetGroup,
                    Id::TargetGroup(id_index(i)),
                    &self.target_groups[i].id,
                )
            }
            Linked::Listener(l) => {
                let scope = self.scope(l.id.file);
                self.listeners_by_file
                    .entry(scope)
                    .or_default()
                    .push(id_index(self.listeners.len()));
                self.listeners.push(l);
                let i = self.listeners.len() - 1;
                (
                    ResourceKind::Listener,
                    Id::Listener(id_index(i)),
                    &self.listeners[i].id,
                )
            }
            Linked::Cluster(c) => {
                let scope = self.scope(c.id.file);
                self.clusters_by_file
                    .entry(scope)
                    .or_default()
                    .push(id_index(self.clusters.len()));
                self.clusters.push(c);
                let i = self.clusters.len() - 1;
                (
                    ResourceKind::Cluster,
                    Id::Cluster(id_index(i)),
                    &self.clusters[i].id,
                )
            }
            Linked::Elb(lb) => {
                self.elbs.push(lb);
                let i = self.elbs.len() - 1;
                (ResourceKind::Elb, Id::Elb(id_index(i)), &self.elbs[i].id)
            }
        };
        if let Some(name) = identity.name.as_known() {
            self.by_name
                .entry((kind, name.clone()))
                .or_default()
                .push(id);
        }
        if let Some(logical) = &identity.logical_id {
            let scope = self.scopes.get(&identity.file).copied();
            self.by_logical_id
                .insert((scope.unwrap_or(identity.file), logical.clone()), id);
        }
        if let Some(arn) = &identity.arn {
            self.by_arn.insert(arn.clone(), id);
        }
    }

    /// Pairs the files each deployment configuration names, once every file was added:
    /// `display_of` gives a file's path as shown, `id_of` the file shown at a path.
    pub fn pair_deployments(
        &mut self,
        display_of: &dyn Fn(FileId) -> Option<String>,
        id_of: &dyn Fn(&str) -> Option<FileId>,
    ) {
        for d in &self.deployments {
            let Some(config) = display_of(d.file) else {
                continue;
            };
            let dir = std::path::Path::new(&config)
                .parent()
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default();
            let file = |rel: &str| id_of(&crate::discover::join_shown(&dir, rel));
            if let (Some(service), Some(task_def)) =
                (file(&d.service_definition), file(&d.task_definition))
            {
                self.paired.entry(service).or_insert(task_def);
                // The configuration names the service its definition does not.
                if let Some(name) = &d.service {
                    for s in self.services.iter_mut().filter(|s| s.id.file == service) {
                        if s.id.name.as_known().is_none() && s.id.logical_id.is_none() {
                            s.id.name = Owned::Known(name.clone(), s.id.anchor);
                        }
                    }
                }
            }
        }
    }

    /// Whether any deployment configuration was added (then [`Workspace::pair_deployments`]
    /// is worth its index of paths).
    pub fn has_deployments(&self) -> bool {
        !self.deployments.is_empty()
    }

    /// The task definitions of the file a deployment configuration pairs with the service's.
    fn paired_task_defs(&self, service: &LinkedService) -> Vec<&LinkedTaskDef> {
        let Some(&file) = self.paired.get(&service.id.file) else {
            return Vec::new();
        };
        // Task definitions are added in file order.
        let first = self.task_defs.partition_point(|t| t.id.file < file);
        self.task_defs[first..]
            .iter()
            .take_while(|t| t.id.file == file)
            .collect()
    }

    /// The resources of `kind` called `name`, in file order.
    pub fn named(&self, kind: ResourceKind, name: &str) -> &[Id] {
        self.by_name
            .get(&(kind, Box::from(name)))
            .map_or(&[], Vec::as_slice)
    }

    /// The target group a service's load balancer entry forwards from (by logical id within
    /// the service's file).
    pub fn target_group_of(
        &self,
        service: &LinkedService,
        lb: &LinkedLoadBalancer,
    ) -> Option<&LinkedTargetGroup> {
        self.target_group_in(service.id.file, &lb.target_group)
    }

    /// The target group `link` names in `file` (by logical id).
    pub fn target_group_in(&self, file: FileId, link: &Link) -> Option<&LinkedTargetGroup> {
        let Link::LogicalId(logical) = link else {
            return None;
        };
        match self
            .by_logical_id
            .get(&(self.scope(file), logical.clone()))?
        {
            Id::TargetGroup(i) => self.target_groups.get(*i as usize),
            _ => None,
        }
    }

    /// The load balancer a listener belongs to, or a listener rule's listener does (by
    /// logical id within its file).
    pub fn load_balancer_of(&self, listener: &LinkedListener) -> Option<&LinkedElb> {
        let file = self.scope(listener.id.file);
        let resolve = |link: &Link| match link {
            Link::LogicalId(logical) => self.by_logical_id.get(&(file, logical.clone())),
            _ => None,
        };
        let parent = match (listener.kind, resolve(&listener.parent)?) {
            (crate::model::ListenerKind::Listener, Id::Elb(i)) => {
                return self.elbs.get(*i as usize)
            }
            (crate::model::ListenerKind::Rule, Id::Listener(i)) => {
                self.listeners.get(*i as usize)?
            }
            _ => return None,
        };
        match (parent.kind, resolve(&parent.parent)?) {
            (crate::model::ListenerKind::Listener, Id::Elb(i)) => self.elbs.get(*i as usize),
            _ => None,
        }
    }

    /// The capacity providers associated with the cluster of `file` called `logical`: its own
    /// and those its template's associations add; `None` when the cluster is not in the file,
    /// may get providers elsewhere, or a list cannot be read whole.
    pub fn providers_of_cluster(&self, file: FileId, logical: &str) -> Option<Vec<&Link>> {
        let file = self.scope(file);
        let cluster = match self.by_logical_id.get(&(file, Box::from(logical)))? {
            Id::Cluster(i) => self.clusters.get(*i as usize)?,
            _ => return None,
        };
        if cluster.associates_with.is_some() || cluster.referenced_elsewhere {
            return None;
        }
        let mut out: Vec<&Link> = cluster.providers.complete()?.iter().collect();
        let of_file = self
            .clusters_by_file
            .get(&file)
            .map_or(&[][..], Vec::as_slice);
        for a in of_file
            .iter()
            .filter_map(|&i| self.clusters.get(i as usize))
        {
            match &a.associates_with {
                None => {}
                Some(Link::LogicalId(id)) if &**id == logical => {
                    out.extend(a.providers.complete()?.iter());
                }
                Some(Link::LogicalId(_)) => {}
                // An association with a cluster it names otherwise may be this one.
                Some(_) => return None,
            }
        }
        Some(out)
    }

    /// The listeners and listener rules of `file` that forward to the resource `logical`
    /// (`None` when one of the file's listeners forwards somewhere it cannot read).
    pub fn forwarding_to(&self, file: FileId, logical: &str) -> Option<Vec<&LinkedListener>> {
        let file = self.scope(file);
        let mut out = Vec::new();
        let of_file = self
            .listeners_by_file
            .get(&file)
            .map_or(&[][..], Vec::as_slice);
        for l in of_file
            .iter()
            .filter_map(|&i| self.listeners.get(i as usize))
        {
            let all = l.forwards.complete()?;
            if all.iter().any(|f| matches!(f, Link::Unknown)) {
                return None;
            }
            if all
                .iter()
                .any(|f| matches!(f, Link::LogicalId(id) if &**id == logical))
            {
                out.push(l);
            }
        }
        Some(out)
    }

    pub fn task_def(&self, id: Id) -> Option<&LinkedTaskDef> {
        match id {
            Id::TaskDef(i) => self.task_defs.get(i as usize),
            Id::Service(_) | Id::TargetGroup(_) | Id::Listener(_) | Id::Cluster(_) | Id::Elb(_) => {
                None
            }
        }
    }

    /// The task definitions a service's `taskDefinition` may mean: by logical id within the
    /// service's file; by ARN when a file states that ARN; else by family. A `family:revision`
    /// reference prefers files that state that revision; files that state no revision
    /// (register input, which becomes the next revision) or one they leave unknown also
    /// count; files stating a different revision never do. Empty when the reference is unknown or names nothing here.
    pub fn task_defs_of(&self, service: &LinkedService) -> Vec<&LinkedTaskDef> {
        match &service.task_definition {
            // ecspresso registers the task definition its configuration names and points the
            // service at it: a service definition names none, or a placeholder.
            Link::Absent | Link::Unknown => self.paired_task_defs(service),
            Link::Name(_) => Vec::new(),
            Link::LogicalId(logical) => self
                .by_logical_id
                .get(&(self.scope(service.id.file), logical.clone()))
                .and_then(|id| self.task_def(*id))
                .into_iter()
                .collect(),
            Link::TaskDef(r) => {
                if let Some(t) = r.arn.as_deref().and_then(|a| self.by_arn.get(a)) {
                    if let Some(t) = self.task_def(*t) {
                        return vec![t];
                    }
                }
                self.by_family(r)
            }
        }
    }

    fn by_family(&self, r: &TaskDefRef) -> Vec<&LinkedTaskDef> {
        let same_family = self
            .named(ResourceKind::TaskDef, &r.family)
            .iter()
            .filter_map(|id| self.task_def(*id));
        match r.revision {
            None => same_family.collect(),
            Some(rev) => {
                let exact: Vec<&LinkedTaskDef> = same_family
                    .clone()
                    .filter(|t| t.revision.known() == Some(rev))
                    .collect();
                if exact.is_empty() {
                    // No revision stated, or one the file does not resolve (`${REVISION}`):
                    // it may be the one named.
                    same_family
                        .filter(|t| t.revision.known().is_none())
                        .collect()
                } else {
                    exact
                }
            }
        }
    }
}

/// The linkable form of a resource `file` holds (`doc` is its document, for pointers).
pub fn linked(file: FileId, resource: &Resource<'_>, doc: &Node<'_>) -> Option<Linked> {
    match resource {
        Resource::TaskDef(td) => linked_task_def(file, td).map(Linked::TaskDef),
        Resource::Service(s) => Some(Linked::Service(linked_service(file, s, doc))),
        Resource::TargetGroup(tg) => linked_target_group(file, tg, doc).map(Linked::TargetGroup),
        Resource::Listener(l) => linked_listener(file, l, doc).map(Linked::Listener),
        Resource::Cluster(c) => linked_cluster(file, c).map(Linked::Cluster),
        Resource::Elb(lb) => linked_elb(file, lb).map(Linked::Elb),
        Resource::Deployment(d) => {
            match (d.service_definition.known(), d.task_definition.known()) {
                (Some(sd), Some(td)) => Some(Linked::Deployment(LinkedDeployment {
                    file,
                    service: d.service.known().map(Box::from),
                    service_definition: sd.into(),
                    task_definition: td.into(),
                })),
                _ => None,
            }
        }
    }
}

/// A value owned: a reference becomes unknown (what it names is a [`Link`]).
fn owned<T, U>(v: Val<'_, T>, f: impl FnOnce(T) -> U) -> Owned<U> {
    match v {
        Val::Known(t, s) => Owned::Known(f(t), s),
        Val::Absent => Owned::Absent,
        Val::Unknown(s) | Val::Ref(_, s) => Owned::Unknown(s),
    }
}

/// Where findings about `field` of the object at `object` go: its pointer and stable path
/// are the object's (`base`, computed once) with the field's key appended.
fn field_site(
    file: FileId,
    base: &(String, String),
    field: &crate::model::Field,
    dialect: Dialect,
    span: Option<Span>,
) -> Option<Site> {
    let key = field.key(dialect)?;
    let escaped = key.replace('~', "~0").replace('/', "~1");
    Some(Site {
        file,
        span: span?,
        pointer: format!("{}/{escaped}", base.0).into(),
        stable: format!("{}/{escaped}", base.1).into(),
    })
}

fn linked_service(file: FileId, s: &Service<'_>, doc: &Node<'_>) -> LinkedService {
    let task_definition = match s.task_definition {
        Val::Known(text, _) => TaskDefRef::parse(text).map_or(Link::Unknown, Link::TaskDef),
        Val::Ref(target, _) => Link::LogicalId(target.id.into()),
        Val::Unknown(_) => Link::Unknown,
        Val::Absent => Link::Absent,
    };
    use crate::model::fields::load_balancer;
    let items = s
        .load_balancers
        .iter()
        .map(|lb| {
            let pointer = path_to(doc, lb.node)
                .unwrap_or_else(|| pointer_at(doc, lb.anchor))
                .to_string();
            let stable = stable_path(doc, &pointer);
            let base = (pointer, stable);
            let known = |v: Option<Span>, known: bool| v.filter(|_| known);
            LinkedLoadBalancer {
                container_name: owned(lb.container_name, Box::from),
                container_port: owned(lb.container_port, |p| p),
                target_group: reference_link(lb.target_group_arn),
                target_group_site: field_site(
                    file,
                    &base,
                    &load_balancer::TARGET_GROUP_ARN,
                    lb.dialect,
                    matches!(lb.target_group_arn, Val::Ref(..))
                        .then(|| lb.target_group_arn.span())
                        .flatten(),
                ),
                container_name_site: field_site(
                    file,
                    &base,
                    &load_balancer::CONTAINER_NAME,
                    lb.dialect,
                    known(
                        lb.container_name.span(),
                        lb.container_name.known().is_some(),
                    ),
                ),
                load_balancer_name_site: field_site(
                    file,
                    &base,
                    &load_balancer::LOAD_BALANCER_NAME,
                    lb.dialect,
                    match lb.load_balancer_name {
                        Val::Known(_, span) | Val::Ref(_, span) => Some(span),
                        _ => None,
                    },
                ),
                container_port_site: field_site(
                    file,
                    &base,
                    &load_balancer::CONTAINER_PORT,
                    lb.dialect,
                    known(
                        lb.container_port.span(),
                        lb.container_port.known().is_some(),
                    ),
                ),
            }
        })
        .collect();
    LinkedService {
        input: s.is_input(),
        registries: registries(file, s, doc),
        role: match s.view().text(&crate::model::fields::service::ROLE) {
            // `""`: a CLI skeleton's leftover, which ECS reads as no role.
            Val::Known("", _) => None,
            Val::Known(_, span) | Val::Ref(_, span) => Some(site_at(file, doc, span)),
            _ => None,
        },
        execute_command: match s
            .view()
            .boolean(&crate::model::fields::service::ENABLE_EXECUTE_COMMAND)
        {
            Val::Known(true, span) => Some(site_at(file, doc, span)),
            _ => None,
        },
        port_names: service_port_names(file, s, doc),
        noun: s.shape.noun(),
        id: Identity {
            file,
            dialect: s.dialect,
            name: owned(s.name, Box::from),
            logical_id: s.logical_id.map(Box::from),
            arn: None,
            anchor: s.anchor,
        },
        task_definition,
        load_balancers: List::new(items, s.load_balancers.is_complete()),
        depends_on: s
            .depends_on
            .as_ref()
            .map(|ds| ds.iter().map(|d| Box::from(*d)).collect()),
        launch_type: owned(s.launch_type, Box::from),
        cluster: named_link(s.cluster),
        health_check_grace_period: owned(s.health_check_grace_period, |g| g),
        health_check_grace_period_span: s.health_check_grace_period.known_at().map(|(_, sp)| sp),
        vpc_lattice: owned(s.vpc_lattice, |n| n),
        capacity_providers: List::new(
            s.capacity_providers
                .iter()
                .map(|p| {
                    (
                        named_link(*p),
                        p.span().map(|span| site_at(file, doc, span)),
                    )
                })
                .collect(),
            s.capacity_providers.is_complete(),
        ),
        launch_type_span: s.launch_type.known_at().map(|(_, sp)| sp),
        // update-service input keeps the service's; an `EXTERNAL` deployment controller's
        // task sets carry their own.
        network_configuration: match (s.shape, s.deployment_controller.known()) {
            (crate::model::ServiceShape::UpdateInput, _) => Owned::Unknown(s.anchor),
            (_, Some(dc)) if dc.eq_ignore_ascii_case("EXTERNAL") => Owned::Unknown(s.anchor),
            _ => owned(s.network_configuration, |()| ()),
        },
        site: {
            let pointer = path_to(doc, s.node)
                .unwrap_or_else(|| pointer_at(doc, s.anchor))
                .to_string();
            let stable = stable_path(doc, &pointer);
            Site {
                file,
                span: s.anchor,
                pointer: pointer.into(),
                stable: stable.into(),
            }
        },
    }
}

/// A service's `serviceRegistries` entries.
fn registries(file: FileId, s: &Service<'_>, doc: &Node<'_>) -> Vec<LinkedRegistry> {
    use crate::model::fields::{service, service_registry};
    s.view()
        .objects(&service::SERVICE_REGISTRIES)
        .iter()
        .map(|r| LinkedRegistry {
            container_name: match r.text(&service_registry::CONTAINER_NAME) {
                Val::Known(n, span) => Some((Box::from(n), site_at(file, doc, span))),
                _ => None,
            },
            container_port: match r.int(&service_registry::CONTAINER_PORT) {
                Val::Known(p, span) => Some((p, site_at(file, doc, span))),
                _ => None,
            },
            port: r.get(&service_registry::PORT).is_some(),
            lacks_container: r.node.open_member().is_none()
                && [
                    &service_registry::CONTAINER_NAME,
                    &service_registry::CONTAINER_PORT,
                ]
                .iter()
                .any(|f| r.get(f).is_none()),
            site: site_at(file, doc, r.span()),
        })
        .collect()
}

/// The names of a container's port mappings.
fn port_names(c: &crate::model::Container<'_>) -> List<Box<str>> {
    use crate::model::fields::{container, port_mapping};
    let mappings = c.view().objects(&container::PORT_MAPPINGS);
    let mut complete = mappings.is_complete();
    let mut names = Vec::new();
    for m in &mappings {
        match m.text(&port_mapping::NAME) {
            Val::Known(n, _) => names.push(Box::from(n)),
            Val::Absent => {}
            _ => complete = false,
        }
    }
    List::new(names, complete)
}

/// The port names a service's Service Connect services and VPC Lattice configurations give.
fn service_port_names(
    file: FileId,
    s: &Service<'_>,
    doc: &Node<'_>,
) -> Vec<(Box<str>, &'static str, Site)> {
    use crate::model::fields::service;
    let view = s.view();
    let mut out = Vec::new();
    let mut add = |items: &List<crate::model::View<'_>>, what: &'static str| {
        for item in items {
            if let Val::Known(name, span) = item.text(&service::PORT_NAME) {
                out.push((Box::from(name), what, site_at(file, doc, span)));
            }
        }
    };
    if let Val::Known(sc, _) = view.object(&service::SERVICE_CONNECT_CONFIGURATION) {
        add(
            &sc.objects(&service::SERVICE_CONNECT_SERVICES),
            "Service Connect",
        );
    }
    add(
        &view.objects(&service::VPC_LATTICE_CONFIGURATIONS),
        "VPC Lattice",
    );
    out
}

/// The site of a value at `span` (its pointer and stable path from the document).
fn site_at(file: FileId, doc: &Node<'_>, span: Span) -> Site {
    let pointer = pointer_at(doc, span).to_string();
    let stable = stable_path(doc, &pointer);
    Site {
        file,
        span,
        pointer: pointer.into(),
        stable: stable.into(),
    }
}

/// What a reference names: a resource of the same file by logical id; a literal or an
/// expression is not followed.
fn reference_link(v: Val<'_, &str>) -> Link {
    match v {
        Val::Ref(target, _) => Link::LogicalId(target.id.into()),
        Val::Absent => Link::Absent,
        Val::Known(..) | Val::Unknown(_) => Link::Unknown,
    }
}

/// Target groups are linked by logical id (services and listeners in their template name
/// them so).
fn linked_target_group(
    file: FileId,
    tg: &TargetGroup<'_>,
    doc: &Node<'_>,
) -> Option<LinkedTargetGroup> {
    let logical_id = tg.logical_id?;
    let target_type_site = match tg.target_type {
        Val::Known(_, span) => {
            let pointer = pointer_at(doc, span).to_string();
            let stable = stable_path(doc, &pointer);
            Some(Site {
                file,
                span,
                pointer: pointer.into(),
                stable: stable.into(),
            })
        }
        Val::Absent => {
            let pointer = path_to(doc, tg.node)
                .unwrap_or_else(|| pointer_at(doc, tg.anchor))
                .to_string();
            let stable = stable_path(doc, &pointer);
            Some(Site {
                file,
                span: tg.anchor,
                pointer: pointer.into(),
                stable: stable.into(),
            })
        }
        _ => None,
    };
    Some(LinkedTargetGroup {
        id: Identity {
            file,
            dialect: tg.dialect,
            name: Owned::Absent,
            logical_id: Some(logical_id.into()),
            arn: None,
            anchor: tg.anchor,
        },
        target_type: owned(tg.target_type, Box::from),
        target_type_site,
        port: owned(tg.port, |p| p),
        protocol: owned(tg.protocol, Box::from),
        protocol_site: tg
            .protocol
            .known_at()
            .map(|(_, span)| site_at(file, doc, span)),
        health_check_port: owned(tg.health_check_port, Box::from),
        health_check_port_site: tg
            .health_check_port
            .known_at()
            .map(|(_, span)| site_at(file, doc, span)),
        referenced_elsewhere: tg.referenced_elsewhere,
    })
}

/// A name or a reference: what a capacity provider or a cluster is named by.
fn named_link(v: Val<'_, &str>) -> Link {
    match v {
        Val::Known(name, _) => Link::Name(name.into()),
        other => reference_link(other),
    }
}

fn linked_cluster(file: FileId, c: &crate::model::Cluster<'_>) -> Option<LinkedCluster> {
    let logical_id = c.logical_id?;
    Some(LinkedCluster {
        id: Identity {
            file,
            dialect: c.dialect,
            name: Owned::Absent,
            logical_id: Some(logical_id.into()),
            arn: None,
            anchor: c.anchor,
        },
        associates_with: c.associates_with.map(named_link),
        providers: List::new(
            c.providers.iter().map(|p| named_link(*p)).collect(),
            c.providers.is_complete(),
        ),
        referenced_elsewhere: c.referenced_elsewhere,
    })
}

fn linked_elb(file: FileId, lb: &crate::model::Elb<'_>) -> Option<LinkedElb> {
    Some(LinkedElb {
        id: Identity {
            file,
            dialect: lb.dialect,
            name: Owned::Absent,
            logical_id: Some(lb.logical_id?.into()),
            arn: None,
            anchor: lb.anchor,
        },
        kind: owned(lb.kind, Box::from),
    })
}

fn linked_listener(file: FileId, l: &Listener<'_>, doc: &Node<'_>) -> Option<LinkedListener> {
    let logical_id = l.logical_id?;
    let forwards = l.forwards.iter().map(|f| reference_link(*f)).collect();
    Some(LinkedListener {
        id: Identity {
            file,
            dialect: l.dialect,
            name: Owned::Absent,
            logical_id: Some(logical_id.into()),
            arn: None,
            anchor: l.anchor,
        },
        kind: l.kind,
        forwards: List::new(forwards, l.forwards.is_complete()),
        parent: reference_link(l.parent),
        protocol: owned(l.protocol, Box::from),
        protocol_site: l
            .protocol
            .known_at()
            .map(|(_, span)| site_at(file, doc, span)),
    })
}

/// Only task definitions with a known family or a logical id are linked: nothing could name
/// the others.
fn linked_task_def(file: FileId, td: &TaskDef<'_>) -> Option<LinkedTaskDef> {
    if td.family.known().is_none() && td.logical_id.is_none() {
        return None;
    }
    let containers = td
        .containers
        .iter()
        .map(|c| {
            let mappings: Vec<LinkedPortMapping> = c
                .port_mappings
                .iter()
                .map(|pm| LinkedPortMapping {
                    container_port: owned(pm.container_port.map(|p| i32::try_from(p).ok()), |p| p),
                    dynamic_host_port: match pm.host_port {
                        Val::Absent | Val::Known(0, _) => crate::model::Tri::Yes,
                        Val::Known(..) => crate::model::Tri::No,
                        _ => crate::model::Tri::Unknown,
                    },
                    container_port_range: owned(
                        pm.container_port_range.map(|r| {
                            let (a, b) = crate::domain::ports::parse(r)?;
                            Some((u16::try_from(a).ok()?, u16::try_from(b).ok()?))
                        }),
                        |r| r,
                    ),
                    udp: match pm.protocol {
                        Val::Known(p, _) if p.eq_ignore_ascii_case("udp") => crate::model::Tri::Yes,
                        Val::Known(..) | Val::Absent => crate::model::Tri::No,
                        _ => crate::model::Tri::Unknown,
                    },
                })
                .collect();
            LinkedContainer {
                name: owned(c.name, Box::from),
                port_mappings_key: c.port_mappings_key,
                port_mappings: List::new(mappings, c.port_mappings.is_complete()),
                health_check: match c.health_check {
                    Val::Known(..) => crate::model::Tri::Yes,
                    Val::Absent => crate::model::Tri::No,
                    _ => crate::model::Tri::Unknown,
                },
                port_names: port_names(c),
            }
        })
        .collect();
    let arn = td
        .node
        .and_then(|n| n.get("taskDefinitionArn"))
        .and_then(Node::as_str)
        .filter(|_| td.dialect == Dialect::Api)
        .map(Box::from);
    Some(LinkedTaskDef {
        id: Identity {
            file,
            dialect: td.dialect,
            name: owned(td.family, Box::from),
            logical_id: td.logical_id.map(Box::from),
            arn,
            anchor: td.container_list_key.unwrap_or(td.anchor),
        },
        revision: owned(td.revision, |r| r),
        network_mode: match td.network_mode {
            Val::Known(m, span) => {
                NetworkMode::parse(m).map_or(Owned::Unknown(span), |m| Owned::Known(m, span))
            }
            Val::Absent => Owned::Absent,
            Val::Unknown(span) | Val::Ref(_, span) => Owned::Unknown(span),
        },
        fargate: td.is_fargate(),
        task_role: match td.view() {
            None => crate::model::Tri::Unknown,
            Some(v) => match v.text(&crate::model::fields::task::TASK_ROLE_ARN) {
                Val::Absent => crate::model::Tri::No,
                _ => crate::model::Tri::Yes,
            },
        },
        containers: List::new(containers, td.containers.is_complete()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task_def(file: FileId, family: &str, logical_id: Option<&str>) -> Linked {
        Linked::TaskDef(LinkedTaskDef {
            network_mode: Owned::Absent,
            fargate: crate::model::Tri::Unknown,
            id: Identity {
                file,
                dialect: Dialect::Api,
                name: Owned::Known(family.into(), Span::default()),
                logical_id: logical_id.map(Box::from),
                arn: None,
                anchor: Span::default(),
            },
            revision: Owned::Absent,
            containers: List::absent(),
            task_role: crate::model::Tri::Unknown,
        })
    }

    fn service(file: FileId, task_definition: Link) -> LinkedService {
        LinkedService {
            input: true,
            registries: Vec::new(),
            role: None,
            execute_command: None,
            port_names: Vec::new(),
            noun: "service",
            depends_on: Some(Vec::new()),
            launch_type: Owned::Absent,
            launch_type_span: None,
            cluster: Link::Absent,
            health_check_grace_period: Owned::Absent,
            health_check_grace_period_span: None,
            vpc_lattice: Owned::Absent,
            capacity_providers: List::absent(),
            network_configuration: Owned::Absent,
            site: Site {
                file,
                span: Span::new(0, 0),
                pointer: String::new().into(),
                stable: String::new().into(),
            },
            id: Identity {
                file,
                dialect: Dialect::Api,
                name: Owned::Known("api".into(), Span::default()),
                logical_id: None,
                arn: None,
                anchor: Span::default(),
            },
            task_definition,
            load_balancers: List::absent(),
        }
    }

    #[test]
    fn logical_ids_resolve_within_their_file_only() {
        let mut ws = Workspace::default();
        ws.add(task_def(0, "web", Some("TaskDef")));
        ws.add(task_def(1, "other", Some("TaskDef")));
        let same_file = service(0, Link::LogicalId("TaskDef".into()));
        let families: Vec<_> = ws
            .task_defs_of(&same_file)
            .iter()
            .map(|t| t.id.name.as_known().map(|n| n.to_string()))
            .collect();
        assert_eq!(families, vec![Some("web".to_string())]);
        let elsewhere = service(2, Link::LogicalId("TaskDef".into()));
        assert!(ws.task_defs_of(&elsewhere).is_empty());
        assert!(ws.task_defs_of(&service(0, Link::Unknown)).is_empty());
    }

    #[test]
    fn an_unknown_revision_may_be_the_one_named() {
        let mut ws = Workspace::default();
        let Linked::TaskDef(mut td) = task_def(0, "web", None) else {
            panic!("a task definition")
        };
        td.revision = Owned::Unknown(Span::default());
        ws.add(Linked::TaskDef(td));
        let named = service(1, Link::TaskDef(TaskDefRef::parse("web:7").expect("ref")));
        assert_eq!(ws.task_defs_of(&named).len(), 1);
    }

    #[test]
    fn families_and_revisions() {
        let mut ws = Workspace::default();
        ws.add(task_def(0, "web", None));
        let by_family = service(1, Link::TaskDef(TaskDefRef::parse("web:7").expect("ref")));
        assert_eq!(ws.task_defs_of(&by_family).len(), 1);
        let other = service(1, Link::TaskDef(TaskDefRef::parse("api").expect("ref")));
        assert!(ws.task_defs_of(&other).is_empty());
        assert_eq!(ws.named(ResourceKind::TaskDef, "web"), &[Id::TaskDef(0)]);
        assert!(ws.named(ResourceKind::Service, "web").is_empty());
    }
}
