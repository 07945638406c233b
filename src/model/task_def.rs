//! Task definitions and their container definitions, as typed views over the document tree.

use super::fields::{self, container, env_var, port_mapping, task, Dialect, Field};
use super::value::{boolean, count_member, int, task_cpu, task_memory, text, List, Tri, Val};
use crate::load::tree::{complete_list, objects};
use crate::load::{Member, Node};
use crate::span::Span;

/// How the file spelled the task definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskDefShape {
    /// `register-task-definition --cli-input-json` input.
    RegisterInput,
    /// `describe-task-definition` output without the wrapper (has read-only fields).
    Describe,
    /// `{"taskDefinition": {...}, "tags": [...]}`.
    DescribeWrapped,
    /// A bare array of container definitions (Terraform `container_definitions` files).
    ContainerArray,
    /// A single container definition object.
    SingleContainer,
    /// An `AWS::ECS::TaskDefinition` resource of a CloudFormation template (its `Properties`).
    Template,
    /// An `aws_ecs_task_definition` resource of a Terraform file.
    Terraform,
}

impl TaskDefShape {
    pub fn describe(self) -> &'static str {
        match self {
            TaskDefShape::RegisterInput => "task definition (register-task-definition input)",
            TaskDefShape::Describe => "task definition (describe-task-definition output)",
            TaskDefShape::DescribeWrapped => {
                "task definition (describe-task-definition output, wrapped)"
            }
            TaskDefShape::ContainerArray => "container definitions (array)",
            TaskDefShape::SingleContainer => "container definition",
            TaskDefShape::Template => "task definition (AWS::ECS::TaskDefinition)",
            TaskDefShape::Terraform => "task definition (aws_ecs_task_definition)",
        }
    }

    /// Shapes that hold only containers: task-level settings live elsewhere and are unknown.
    pub fn containers_only(self) -> bool {
        matches!(
            self,
            TaskDefShape::ContainerArray | TaskDefShape::SingleContainer
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkMode {
    Bridge,
    Host,
    Awsvpc,
    None,
    /// Windows on EC2 when the mode is omitted (NAT).
    Default,
}

impl NetworkMode {
    pub fn parse(s: &str) -> Option<NetworkMode> {
        match s {
            "bridge" => Some(NetworkMode::Bridge),
            "host" => Some(NetworkMode::Host),
            "awsvpc" => Some(NetworkMode::Awsvpc),
            "none" => Some(NetworkMode::None),
            "default" => Some(NetworkMode::Default),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NetworkMode::Bridge => "bridge",
            NetworkMode::Host => "host",
            NetworkMode::Awsvpc => "awsvpc",
            NetworkMode::None => "none",
            NetworkMode::Default => "default",
        }
    }
}

#[derive(Debug)]
pub struct TaskDef<'t> {
    /// The task definition's object in the tree (none for a bare container array): a
    /// data-driven check reads any field by path from here.
    pub node: Option<&'t Node<'t>>,
    pub shape: TaskDefShape,
    /// The spelling of its fields.
    pub dialect: Dialect,
    /// Where a finding about a missing task-level field points.
    pub anchor: Span,
    /// Its logical id, in a template.
    pub logical_id: Option<&'t str>,
    /// The template's `Parameters`, for the rules that judge a parameter's default value.
    pub parameters: Option<&'t Node<'t>>,
    pub family: Val<'t, &'t str>,
    pub revision: Val<'t, i64>,
    pub network_mode: Val<'t, &'t str>,
    /// Each `requiresCompatibilities` entry; `None` when the key is absent.
    pub requires_compatibilities: Option<Vec<Val<'t, &'t str>>>,
    /// Known when `requiresCompatibilities` is present but not a list we can read.
    pub requires_compatibilities_unknown: bool,
    pub cpu: Val<'t, i64>,
    pub memory: Val<'t, i64>,
    pub os_family: Val<'t, &'t str>,
    /// `containerDefinitions`: its number of items (with the array's span) when it is an array.
    pub container_list: Val<'t, usize>,
    pub container_list_key: Option<Span>,
    /// Not complete when `containerDefinitions` is not a list, holds an item that is not an
    /// object (a placeholder), or the file is one container of a task defined elsewhere.
    pub containers: List<Container<'t>>,
    pub volumes: List<Volume<'t>>,
    /// `placementConstraints`, by its number of items, at its key (see
    /// [`crate::model::value::count_member`]).
    pub placement_constraints: Val<'t, usize>,
}

#[derive(Debug)]
pub struct Container<'t> {
    /// The container definition's object in the tree.
    pub node: &'t Node<'t>,
    pub dialect: Dialect,
    pub index: usize,
    pub anchor: Span,
    pub name: Val<'t, &'t str>,
    pub image: Val<'t, &'t str>,
    /// The image as written, placeholders included (`${REPO}:latest`): a template may leave
    /// the repository unknown and still state the tag.
    pub image_text: Option<&'t str>,
    pub essential: Val<'t, bool>,
    pub privileged: Val<'t, bool>,
    pub cpu: Val<'t, i64>,
    pub memory: Val<'t, i64>,
    pub memory_reservation: Val<'t, i64>,
    pub port_mappings_key: Option<Span>,
    /// Not complete when `portMappings` is not a list, or holds an item that is not a mapping
    /// (a placeholder).
    pub port_mappings: List<PortMapping<'t>>,
    pub environment: List<EnvVar<'t>>,
    /// Whether it has a `healthCheck` (an object the file states).
    pub health_check: Val<'t, ()>,
    /// `logConfiguration`: known when it is an object the file states.
    pub log_configuration: Val<'t, LogConfiguration<'t>>,
}

/// A container's `logConfiguration`.
#[derive(Clone, Copy, Debug)]
pub struct LogConfiguration<'t> {
    pub node: &'t Node<'t>,
    pub driver: Val<'t, &'t str>,
    /// `options`: known when it is an object the file states (its members may still be open,
    /// see [`Node::open_member`]).
    pub options: Val<'t, &'t Node<'t>>,
    /// The `options` key, when there is one.
    pub options_key: Option<Span>,
}

impl<'t> LogConfiguration<'t> {
    fn read(node: Option<&'t Node<'t>>, dialect: Dialect) -> Val<'t, LogConfiguration<'t>> {
        match node {
            None => Val::Absent,
            Some(n) if n.is_null() => Val::Absent,
            Some(n) if n.is_item_object() => {
                let options_member = member(n, &fields::log_configuration::OPTIONS, dialect);
                let options = match options_member.map(|m| &m.value) {
                    None => Val::Absent,
                    Some(o) if o.is_null() => Val::Absent,
                    Some(o) if o.is_item_object() => Val::Known(o, o.span),
                    Some(o) => Val::Unknown(o.span),
                };
                Val::Known(
                    LogConfiguration {
                        node: n,
                        driver: text(get(n, &fields::log_configuration::LOG_DRIVER, dialect)),
                        options,
                        options_key: options_member.map(|m| m.key_span),
                    },
                    n.span,
                )
            }
            Some(n) => Val::Unknown(n.span),
        }
    }

    /// The value of option `name` (`awslogs-group`): `Absent` only when `options` is an object
    /// whose members are all known and none is `name`.
    pub fn option(&self, name: &str) -> Val<'t, &'t str> {
        match self.options {
            Val::Known(o, _) => match o.get(name) {
                Some(v) => text(Some(v)),
                None if o.open_member().is_some() => Val::Unknown(o.span),
                None => Val::Absent,
            },
            Val::Absent => Val::Absent,
            Val::Unknown(s) | Val::Ref(_, s) => Val::Unknown(s),
        }
    }
}

/// A `volumes` entry; only what the rules read.
#[derive(Debug)]
pub struct Volume<'t> {
    pub dialect: Dialect,
    pub anchor: Span,
    pub name: Val<'t, &'t str>,
    /// `efsVolumeConfiguration`, when the volume is an EFS file system: where it is, and its
    /// `transitEncryption`.
    pub efs: Option<(Span, Val<'t, &'t str>)>,
}

impl<'t> Volume<'t> {
    fn from_object(n: &'t Node<'t>, dialect: Dialect) -> Volume<'t> {
        let efs = get(n, &fields::volume::EFS_VOLUME_CONFIGURATION, dialect).map(|e| {
            let transit = if e.is_item_object() {
                text(get(e, &fields::volume::TRANSIT_ENCRYPTION, dialect))
            } else {
                Val::Unknown(e.span)
            };
            (e.span, transit)
        });
        Volume {
            dialect,
            anchor: n.span,
            name: text(get(n, &fields::volume::NAME, dialect)),
            efs,
        }
    }
}

/// An `environment` entry: `{"name": …, "value": …}`.
#[derive(Debug)]
pub struct EnvVar<'t> {
    pub name: Val<'t, &'t str>,
    pub value: Val<'t, &'t str>,
    /// What secret the value is in plain text, if it is one (decided once: the rule that
    /// reports it and the masking of every printed excerpt both need it).
    pub secret: Option<crate::secrets::SecretKind>,
}

#[derive(Debug)]
pub struct PortMapping<'t> {
    pub dialect: Dialect,
    pub anchor: Span,
    pub container_port: Val<'t, i64>,
    pub host_port: Val<'t, i64>,
    pub protocol: Val<'t, &'t str>,
    pub container_port_range: Val<'t, &'t str>,
}

/// Where a finding points and what its pointer names. `span` is what the caret is under.
/// `within`, when set, is the node the finding is about (a container, a task definition): the
/// pointer is that node's path in the document, found by identity, then `span`'s path inside
/// it. Spans alone are not enough: a YAML alias or merge key copies nodes, spans and all, into
/// several containers. `whole`: the pointer names `within` itself (a field it lacks).
#[derive(Clone, Copy, Debug)]
pub struct At<'t> {
    pub span: Span,
    pub within: Option<&'t Node<'t>>,
    pub whole: bool,
}

impl From<Span> for At<'_> {
    fn from(span: Span) -> Self {
        At {
            span,
            within: None,
            whole: false,
        }
    }
}

/// Resources and their parts name their fields in their own dialect.
pub trait Spelled {
    fn dialect(&self) -> Dialect;

    /// `field` as the file spells it, for a message or a help text.
    fn key(&self, field: &Field) -> &'static str {
        field.name(self.dialect())
    }
}

macro_rules! spelled {
    ($($t:ident),*) => {
        $(impl Spelled for $t<'_> {
            fn dialect(&self) -> Dialect {
                self.dialect
            }
        })*
    };
}
spelled!(TaskDef, Container, PortMapping);

/// The member that holds `field` in `dialect`.
fn member<'t>(node: &'t Node<'t>, field: &Field, dialect: Dialect) -> Option<&'t Member<'t>> {
    node.field(field.key(dialect)?)
}

/// The value of `field` in `dialect` (an open object's placeholder when it does not show it).
fn get<'t>(node: &'t Node<'t>, field: &Field, dialect: Dialect) -> Option<&'t Node<'t>> {
    node.get(field.key(dialect)?)
}

/// One pass over an object's members: the value of each of `wanted` (the last of a repeated
/// key wins, as in `Node::member`). In an open object (a placeholder stands for some
/// members), a field it does not show is the placeholder: unknown, not absent.
fn fields_of<'t, const N: usize>(
    node: &'t Node<'t>,
    wanted: &[&Field; N],
    dialect: Dialect,
) -> [Option<&'t Member<'t>>; N] {
    let mut found: [Option<&'t Member<'t>>; N] = [None; N];
    for m in node.as_object().unwrap_or_default() {
        if m.value.is_no_value() {
            continue;
        }
        if let Some(i) = wanted
            .iter()
            .position(|f| f.key(dialect) == Some(m.key.as_ref()))
        {
            found[i] = Some(m);
        }
    }
    if let Some(open) = node.open_member() {
        for f in found.iter_mut().filter(|f| f.is_none()) {
            *f = Some(open);
        }
    }
    found
}

fn value<'t>(m: Option<&'t Member<'t>>) -> Option<&'t Node<'t>> {
    m.map(|m| &m.value)
}

static PORT_MAPPING_FIELDS: [&Field; 4] = [
    &port_mapping::CONTAINER_PORT,
    &port_mapping::HOST_PORT,
    &port_mapping::PROTOCOL,
    &port_mapping::CONTAINER_PORT_RANGE,
];

impl<'t> PortMapping<'t> {
    fn from_object(n: &'t Node<'t>, dialect: Dialect) -> PortMapping<'t> {
        let [container_port, host_port, protocol, range] =
            fields_of(n, &PORT_MAPPING_FIELDS, dialect);
        PortMapping {
            dialect,
            anchor: n.span,
            container_port: int(value(container_port)),
            host_port: int(value(host_port)),
            protocol: text(value(protocol)),
            container_port_range: text(value(range)),
        }
    }
}

impl<'t> TaskDef<'t> {
    /// The span of the `FARGATE` entry in `requiresCompatibilities`.
    pub fn fargate_span(&self) -> Option<Span> {
        self.requires_compatibilities
            .as_ref()?
            .iter()
            .find_map(|v| {
                v.known_at()
                    .filter(|(s, _)| *s == "FARGATE")
                    .map(|(_, span)| span)
            })
    }

    /// `value` when the file states it; else, for a rule that says so, the `Default` of the
    /// template parameter it refers to (`Cpu: !Ref TaskCpu`), read with `read`, and the
    /// parameter's name: the value the stack gets when nobody overrides it. The span is the
    /// reference's.
    pub fn known_or_default<T: Copy>(
        &self,
        value: Val<'t, T>,
        read: fn(Option<&'t Node<'t>>) -> Val<'t, T>,
    ) -> Option<(T, Span, Option<&'t str>)> {
        match value {
            Val::Known(v, span) => Some((v, span, None)),
            Val::Ref(target, span) if target.attribute.is_none() => {
                let default = self.parameters?.get(target.id)?.get("Default");
                read(default).known().map(|v| (v, span, Some(target.id)))
            }
            _ => None,
        }
    }

    /// The task definition's object, to read any task-level field (none for a bare list of
    /// container definitions, whose task-level settings are elsewhere and unknown).
    pub fn view(&self) -> Option<super::View<'t>> {
        self.node
            .filter(|_| !self.shape.containers_only())
            .map(|n| super::View::new(n, self.dialect))
    }

    /// The task definition's `volumes`, read into [`Volume`]s.
    pub fn volume_names(&self) -> Option<Vec<&'t str>> {
        let volumes = self.volumes.complete()?;
        volumes.iter().map(|v| v.name.known()).collect()
    }

    /// The names of every container, when the list is known whole and each name is known.
    pub fn container_names(&self) -> Option<Vec<&'t str>> {
        let containers = self.containers.complete()?;
        containers.iter().map(|c| c.name.known()).collect()
    }

    /// Where a finding about a task-level field the task definition lacks points.
    pub fn missing(&self) -> At<'t> {
        At {
            span: self.anchor,
            within: self.node,
            whole: self.node.is_some(),
        }
    }

    /// A task definition object (`containerDefinitions` and task-level fields).
    pub fn from_object(
        node: &'t Node<'t>,
        shape: TaskDefShape,
        dialect: Dialect,
        anchor: Span,
        text_of: &str,
    ) -> TaskDef<'t> {
        let list = member(node, &task::CONTAINER_DEFINITIONS, dialect);
        let (container_list, containers) = match list.map(|m| &m.value) {
            None => (Val::Absent, Vec::new()),
            Some(n) if n.is_null() => (Val::Absent, Vec::new()),
            Some(n) => match n.as_array() {
                Some(items) => (
                    Val::Known(items.len(), n.span),
                    containers(items, dialect, text_of),
                ),
                None => (Val::Unknown(n.span), Vec::new()),
            },
        };
        let containers = List::new(containers, complete_list(list.map(|m| &m.value)));
        let (requires_compatibilities, requires_compatibilities_unknown) =
            match get(node, &task::REQUIRES_COMPATIBILITIES, dialect) {
                None => (None, false),
                Some(n) if n.is_null() => (None, false),
                Some(n) => match n.as_array() {
                    Some(items) => (Some(items.iter().map(|i| text(Some(i))).collect()), false),
                    None => (None, true),
                },
            };
        let os_family = match get(node, &task::RUNTIME_PLATFORM, dialect) {
            None => Val::Absent,
            Some(rp) if rp.is_null() => Val::Absent,
            Some(rp) if rp.as_object().is_some() && !rp.is_intrinsic() => {
                text(get(rp, &task::OPERATING_SYSTEM_FAMILY, dialect))
            }
            Some(rp) => Val::Unknown(rp.span),
        };
        TaskDef {
            node: Some(node),
            shape,
            dialect,
            anchor,
            logical_id: None,
            parameters: None,
            family: text(get(node, &task::FAMILY, dialect)),
            revision: int(get(node, &task::REVISION, dialect)),
            network_mode: text(get(node, &task::NETWORK_MODE, dialect)),
            requires_compatibilities,
            requires_compatibilities_unknown,
            cpu: task_cpu(get(node, &task::CPU, dialect)),
            memory: task_memory(get(node, &task::MEMORY, dialect)),
            os_family,
            container_list,
            container_list_key: list.map(|m| m.key_span),
            containers,
            volumes: {
                let v = get(node, &task::VOLUMES, dialect);
                let items = v
                    .and_then(Node::as_array)
                    .map(|items| {
                        objects(items)
                            .map(|(_, n)| Volume::from_object(n, dialect))
                            .collect()
                    })
                    .unwrap_or_default();
                List::new(items, complete_list(v))
            },
            placement_constraints: count_member(member(
                node,
                &task::PLACEMENT_CONSTRAINTS,
                dialect,
            )),
        }
    }

    /// Container definitions on their own: every task-level value is unknown.
    pub fn from_containers(
        items: &'t [Node<'t>],
        shape: TaskDefShape,
        dialect: Dialect,
        span: Span,
        text_of: &str,
    ) -> TaskDef<'t> {
        let unknown = Val::Unknown(span);
        let complete =
            shape == TaskDefShape::ContainerArray && items.iter().all(|i| i.as_object().is_some());
        let containers = if shape == TaskDefShape::SingleContainer {
            items
                .iter()
                .map(|item| Container::from_object(item, 0, dialect, text_of))
                .collect()
        } else {
            containers(items, dialect, text_of)
        };
        TaskDef {
            node: None,
            shape,
            dialect,
            anchor: span,
            logical_id: None,
            parameters: None,
            containers: List::new(containers, complete),
            family: unknown,
            revision: Val::Unknown(span),
            network_mode: unknown,
            requires_compatibilities: None,
            requires_compatibilities_unknown: true,
            cpu: Val::Unknown(span),
            memory: Val::Unknown(span),
            os_family: unknown,
            container_list: Val::Known(items.len(), span),
            container_list_key: None,
            volumes: List::new(Vec::new(), false),
            placement_constraints: Val::Unknown(span),
        }
    }

    /// Whether `requiresCompatibilities` holds `FARGATE`.
    pub fn is_fargate(&self) -> Tri {
        if self.requires_compatibilities_unknown {
            return Tri::Unknown;
        }
        let Some(list) = &self.requires_compatibilities else {
            return Tri::No;
        };
        if list.iter().any(|v| v.known() == Some("FARGATE")) {
            Tri::Yes
        } else if list.iter().any(Val::is_unknown) {
            Tri::Unknown
        } else {
            Tri::No
        }
    }

    pub fn is_windows(&self) -> Tri {
        match self.os_family {
            Val::Known(f, _) if f.starts_with("WINDOWS") => Tri::Yes,
            Val::Known(..) | Val::Absent => Tri::No,
            Val::Unknown(_) | Val::Ref(..) => Tri::Unknown,
        }
    }

    /// The network mode the API applies: omitted means `bridge` (`default` on Windows EC2).
    /// `None` when the file does not say (placeholder, containers-only file, unknown spelling).
    pub fn effective_network_mode(&self) -> Option<NetworkMode> {
        match self.network_mode {
            Val::Known(s, _) => NetworkMode::parse(s),
            Val::Absent => match self.is_windows() {
                Tri::Yes => Some(NetworkMode::Default),
                Tri::No => Some(NetworkMode::Bridge),
                Tri::Unknown => None,
            },
            Val::Unknown(_) | Val::Ref(..) => None,
        }
    }
}

fn containers<'t>(items: &'t [Node<'t>], dialect: Dialect, text_of: &str) -> Vec<Container<'t>> {
    objects(items)
        .map(|(index, item)| Container::from_object(item, index, dialect, text_of))
        .collect()
}

static CONTAINER_FIELDS: [&Field; 11] = [
    &container::NAME,
    &container::IMAGE,
    &container::ESSENTIAL,
    &container::PRIVILEGED,
    &container::CPU,
    &container::MEMORY,
    &container::MEMORY_RESERVATION,
    &container::PORT_MAPPINGS,
    &container::ENVIRONMENT,
    &container::HEALTH_CHECK,
    &container::LOG_CONFIGURATION,
];

impl<'t> Container<'t> {
    /// `text_of` is the file's text, used to point at the first character of the object.
    pub fn from_object(
        node: &'t Node<'t>,
        index: usize,
        dialect: Dialect,
        text_of: &str,
    ) -> Container<'t> {
        let span = node.span.first_char(text_of);
        let [name, image, essential, privileged, cpu, memory, memory_reservation, pm, env, health, log] =
            fields_of(node, &CONTAINER_FIELDS, dialect);
        let name = text(value(name));
        let port_mappings = match value(pm).and_then(Node::as_array) {
            Some(items) => objects(items)
                .map(|(_, n)| PortMapping::from_object(n, dialect))
                .collect(),
            None => Vec::new(),
        };
        let environment = value(env)
            .and_then(Node::as_array)
            .map(|items| {
                objects(items)
                    .map(|(_, n)| {
                        let name = text(get(n, &env_var::NAME, dialect));
                        let value = text(get(n, &env_var::VALUE, dialect));
                        let secret = match (name, value) {
                            (Val::Known(name, _), Val::Known(value, _)) => {
                                crate::secrets::classify(name, value)
                            }
                            _ => None,
                        };
                        EnvVar {
                            name,
                            value,
                            secret,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        Container {
            node,
            dialect,
            index,
            // Findings about a container point at its name when the file states one (not at a
            // placeholder standing for it).
            anchor: match name {
                Val::Known(_, s) => s,
                _ => span,
            },
            name,
            image: text(value(image)),
            image_text: value(image).and_then(Node::as_str),
            essential: boolean(value(essential)),
            privileged: boolean(value(privileged)),
            cpu: int(value(cpu)),
            memory: int(value(memory)),
            memory_reservation: int(value(memory_reservation)),
            port_mappings_key: pm.map(|m| m.key_span),
            port_mappings: List::new(port_mappings, complete_list(value(pm))),
            environment: List::new(environment, complete_list(value(env))),
            health_check: match value(health) {
                None => Val::Absent,
                Some(h) if h.is_null() => Val::Absent,
                Some(h) if h.is_item_object() => Val::Known((), h.span),
                Some(h) => Val::Unknown(h.span),
            },
            log_configuration: LogConfiguration::read(value(log), dialect),
        }
    }

    /// Where a finding about a field the container lacks points.
    pub fn missing(&self) -> At<'t> {
        At {
            span: self.anchor,
            within: Some(self.node),
            whole: true,
        }
    }

    /// The container's object, to read any of its fields.
    pub fn view(&self) -> super::View<'t> {
        super::View::new(self.node, self.dialect)
    }

    /// A finding at `span`, one of this container's values (for checks over the whole task
    /// definition; container checks get this by default).
    pub fn at(&self, span: Span) -> At<'t> {
        At {
            span,
            within: Some(self.node),
            whole: false,
        }
    }

    /// `essential` as the API reads it: omitted means true.
    pub fn is_essential(&self) -> Tri {
        match self.essential {
            Val::Known(b, _) => {
                if b {
                    Tri::Yes
                } else {
                    Tri::No
                }
            }
            Val::Absent => Tri::Yes,
            Val::Unknown(_) | Val::Ref(..) => Tri::Unknown,
        }
    }

    /// The container's name for messages: `"web"`, or `#2` when it has none.
    pub fn label(&self) -> String {
        match self.name.known() {
            Some(n) => format!("`{}`", crate::domain::names::shown(n)),
            None => format!("#{}", self.index + 1),
        }
    }
}

/// Keys that, beside `family`, mark a task definition even when `containerDefinitions` is
/// missing.
pub static TASK_DEF_KEYS: [&Field; 5] = [
    &task::REQUIRES_COMPATIBILITIES,
    &task::NETWORK_MODE,
    &task::EXECUTION_ROLE_ARN,
    &task::TASK_ROLE_ARN,
    &task::RUNTIME_PLATFORM,
];

/// Keys that only a container definition has; an object with `image` needs one of them too.
pub static CONTAINER_KEYS: [&Field; 13] = [
    &container::PORT_MAPPINGS,
    &container::ESSENTIAL,
    &container::MEMORY,
    &container::MEMORY_RESERVATION,
    &container::CPU,
    &container::ENVIRONMENT,
    &container::SECRETS,
    &fields::container::LOG_CONFIGURATION,
    &fields::container::COMMAND,
    &fields::container::ENTRY_POINT,
    &fields::container::HEALTH_CHECK,
    &fields::container::MOUNT_POINTS,
    &fields::container::DEPENDS_ON,
];
