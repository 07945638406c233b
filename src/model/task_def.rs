//! Task definitions and their container definitions, as typed views over the document tree.

use super::pointer::Pointer;
use super::value::{boolean, int, task_cpu, task_memory, text, List, Tri, Val};
use crate::load::tree::{complete_list, objects};
use crate::load::Node;
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
    /// Where a finding about a missing task-level field points.
    pub anchor: Span,
    pub pointer: Pointer,
    pub family: Val<&'t str>,
    pub revision: Val<i64>,
    pub network_mode: Val<&'t str>,
    /// Each `requiresCompatibilities` entry; `None` when the key is absent.
    pub requires_compatibilities: Option<Vec<Val<&'t str>>>,
    /// Known when `requiresCompatibilities` is present but not a list we can read.
    pub requires_compatibilities_unknown: bool,
    pub cpu: Val<i64>,
    pub memory: Val<i64>,
    pub os_family: Val<&'t str>,
    /// `containerDefinitions`: its number of items (with the array's span) when it is an array.
    pub container_list: Val<usize>,
    pub container_list_key: Option<Span>,
    /// Not complete when `containerDefinitions` is not a list, holds an item that is not an
    /// object (a placeholder), or the file is one container of a task defined elsewhere.
    pub containers: List<Container<'t>>,
}

#[derive(Debug)]
pub struct Container<'t> {
    /// The container definition's object in the tree.
    pub node: &'t Node<'t>,
    pub index: usize,
    pub anchor: Span,
    pub pointer: Pointer,
    pub name: Val<&'t str>,
    pub image: Val<&'t str>,
    /// The image as written, placeholders included (`${REPO}:latest`): a template may leave
    /// the repository unknown and still state the tag.
    pub image_text: Option<&'t str>,
    pub essential: Val<bool>,
    pub privileged: Val<bool>,
    pub cpu: Val<i64>,
    pub memory: Val<i64>,
    pub memory_reservation: Val<i64>,
    pub port_mappings_key: Option<Span>,
    /// Not complete when `portMappings` is not a list, or holds an item that is not a mapping
    /// (a placeholder).
    pub port_mappings: List<PortMapping<'t>>,
    pub environment: List<EnvVar<'t>>,
}

/// An `environment` entry: `{"name": …, "value": …}`.
#[derive(Debug)]
pub struct EnvVar<'t> {
    /// Its index in `environment` (the pointer is built only when a finding needs it).
    pub index: usize,
    pub name: Val<&'t str>,
    pub value: Val<&'t str>,
}

impl<'t> PortMapping<'t> {
    fn from_object(n: &'t Node<'t>, pointer: Pointer) -> PortMapping<'t> {
        let mut fields: [Option<&'t Node<'t>>; 4] = [None; 4];
        for m in n.as_object().unwrap_or_default() {
            let slot = match m.key.as_ref() {
                "containerPort" => 0,
                "hostPort" => 1,
                "protocol" => 2,
                "containerPortRange" => 3,
                _ => continue,
            };
            fields[slot] = Some(&m.value);
        }
        fill_open(n, &mut fields);
        let [container_port, host_port, protocol, range] = fields;
        PortMapping {
            anchor: n.span,
            pointer,
            container_port: int(container_port),
            host_port: int(host_port),
            protocol: text(protocol),
            container_port_range: text(range),
        }
    }
}

#[derive(Debug)]
pub struct PortMapping<'t> {
    pub anchor: Span,
    pub pointer: Pointer,
    pub container_port: Val<i64>,
    pub host_port: Val<i64>,
    pub protocol: Val<&'t str>,
    pub container_port_range: Val<&'t str>,
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

    /// A task definition object (`containerDefinitions` and task-level fields).
    pub fn from_object(
        node: &'t Node<'t>,
        shape: TaskDefShape,
        anchor: Span,
        pointer: Pointer,
        text_of: &str,
    ) -> TaskDef<'t> {
        let list = node.field("containerDefinitions");
        let (container_list, containers) = match list.map(|m| &m.value) {
            None => (Val::Absent, Vec::new()),
            Some(n) if n.is_null() => (Val::Absent, Vec::new()),
            Some(n) => match n.as_array() {
                Some(items) => (
                    Val::Known(items.len(), n.span),
                    containers(items, &pointer.field("containerDefinitions"), text_of),
                ),
                None => (Val::Unknown(n.span), Vec::new()),
            },
        };
        let containers = List::new(containers, complete_list(list.map(|m| &m.value)));
        let (requires_compatibilities, requires_compatibilities_unknown) =
            match node.get("requiresCompatibilities") {
                None => (None, false),
                Some(n) if n.is_null() => (None, false),
                Some(n) => match n.as_array() {
                    Some(items) => (Some(items.iter().map(|i| text(Some(i))).collect()), false),
                    None => (None, true),
                },
            };
        let os_family = match node.get("runtimePlatform") {
            None => Val::Absent,
            Some(rp) if rp.is_null() => Val::Absent,
            Some(rp) if rp.as_object().is_some() && !super::value::is_intrinsic(rp) => {
                text(rp.get("operatingSystemFamily"))
            }
            Some(rp) => Val::Unknown(rp.span),
        };
        TaskDef {
            node: Some(node),
            shape,
            anchor,
            pointer,
            family: text(node.get("family")),
            revision: int(node.get("revision")),
            network_mode: text(node.get("networkMode")),
            requires_compatibilities,
            requires_compatibilities_unknown,
            cpu: task_cpu(node.get("cpu")),
            memory: task_memory(node.get("memory")),
            os_family,
            container_list,
            container_list_key: list.map(|m| m.key_span),
            containers,
        }
    }

    /// Container definitions on their own: every task-level value is unknown.
    pub fn from_containers(
        items: &'t [Node<'t>],
        shape: TaskDefShape,
        span: Span,
        pointer: Pointer,
        text_of: &str,
    ) -> TaskDef<'t> {
        let unknown = Val::Unknown(span);
        let complete =
            shape == TaskDefShape::ContainerArray && items.iter().all(|i| i.as_object().is_some());
        let containers = if shape == TaskDefShape::SingleContainer {
            items
                .iter()
                .map(|item| Container::from_object(item, 0, pointer.clone(), text_of))
                .collect()
        } else {
            containers(items, &pointer, text_of)
        };
        TaskDef {
            node: None,
            shape,
            anchor: span,
            containers: List::new(containers, complete),
            pointer,
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
            Val::Unknown(_) => Tri::Unknown,
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
            Val::Unknown(_) => None,
        }
    }
}

/// In an open object (a placeholder stands for some members), a field it does not show is
/// the placeholder: unknown, not absent.
fn fill_open<'t, const N: usize>(node: &'t Node<'t>, fields: &mut [Option<&'t Node<'t>>; N]) {
    if let Some(open) = node.open_member() {
        for f in fields.iter_mut().filter(|f| f.is_none()) {
            *f = Some(&open.value);
        }
    }
}

fn containers<'t>(items: &'t [Node<'t>], base: &Pointer, text_of: &str) -> Vec<Container<'t>> {
    objects(items)
        .map(|(index, item)| Container::from_object(item, index, base.index(index), text_of))
        .collect()
}

impl<'t> Container<'t> {
    /// `text_of` is the file's text, used to point at the first character of the object.
    pub fn from_object(
        node: &'t Node<'t>,
        index: usize,
        pointer: Pointer,
        text_of: &str,
    ) -> Container<'t> {
        let span = node.span.first_char(text_of);
        // One pass over the members (the last of a repeated key wins, as in `Node::member`).
        let mut fields: [Option<&'t Node<'t>>; 7] = [None; 7];
        let mut pm = None;
        let mut env = None;
        for m in node.as_object().unwrap_or_default() {
            let slot = match m.key.as_ref() {
                "name" => 0,
                "image" => 1,
                "essential" => 2,
                "privileged" => 3,
                "cpu" => 4,
                "memory" => 5,
                "memoryReservation" => 6,
                "portMappings" => {
                    pm = Some(m);
                    continue;
                }
                "environment" => {
                    env = Some(&m.value);
                    continue;
                }
                _ => continue,
            };
            fields[slot] = Some(&m.value);
        }
        fill_open(node, &mut fields);
        if pm.is_none() {
            pm = node.open_member();
        }
        if env.is_none() {
            env = node.open_member().map(|m| &m.value);
        }
        let [name, image, essential, privileged, cpu, memory, memory_reservation] = fields;
        let name = text(name);
        let port_mappings_complete = complete_list(pm.map(|m| &m.value));
        let environment_complete = complete_list(env);
        let port_mappings = match pm.and_then(|m| m.value.as_array()) {
            Some(items) => {
                let base = pointer.field("portMappings");
                objects(items)
                    .map(|(i, n)| PortMapping::from_object(n, base.index(i)))
                    .collect()
            }
            None => Vec::new(),
        };
        let environment = env
            .and_then(Node::as_array)
            .map(|items| {
                objects(items)
                    .map(|(i, n)| EnvVar {
                        index: i,
                        name: text(n.get("name")),
                        value: text(n.get("value")),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Container {
            node,
            index,
            // Findings about a container point at its name when it has one.
            anchor: match name {
                Val::Known(_, s) | Val::Unknown(s) => s,
                Val::Absent => span,
            },
            pointer,
            name,
            image: text(image),
            image_text: image.and_then(Node::as_str),
            essential: boolean(essential),
            privileged: boolean(privileged),
            cpu: int(cpu),
            memory: int(memory),
            memory_reservation: int(memory_reservation),
            port_mappings_key: pm.map(|m| m.key_span),
            port_mappings: List::new(port_mappings, port_mappings_complete),
            environment: List::new(environment, environment_complete),
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
            Val::Unknown(_) => Tri::Unknown,
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
