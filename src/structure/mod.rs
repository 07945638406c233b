//! Structural validation: each recognised resource checked against the JSON Schema of its AWS
//! API shape, the mistakes the AWS CLI (or the API) refuses before anything runs: an unknown
//! field (`portBindings`), a read-only field pasted from `describe-*` output, a wrong JSON type,
//! a value outside an enum or a range, a missing required field.

pub mod schemas;
pub mod tree_json;
pub mod validate;

pub use validate::{Problem, ProblemKind, Reader, Suggestion, Which};

use crate::load::Node;
use crate::model::{Dialect, Resource, ServiceShape, TaskDefShape};

/// The schema a resource is validated against, and the node to validate: a task definition or
/// service input (`register-task-definition`, `create-service`, `update-service`, and a task
/// definition pasted from `describe-task-definition` output), a file of container definitions,
/// or the `Properties` of a CloudFormation resource. Outputs (what AWS wrote) and the other
/// formats are not.
pub fn schema_of<'t>(doc: &'t Node<'t>, resource: &Resource<'t>) -> Option<(Which, &'t Node<'t>)> {
    use crate::model::ListenerKind;
    // A resource that states no `Properties` is read as its own properties (every field
    // absent): there is nothing of its own to validate.
    let template = |type_name: &str, node: &'t Node<'t>| {
        let is_resource = node
            .member("Type")
            .and_then(|m| m.value.as_str())
            .is_some_and(|t| t.starts_with("AWS::"));
        (!is_resource).then_some(())?;
        Some((validate::template(type_name)?, node))
    };
    match resource {
        Resource::TaskDef(td) if td.dialect == Dialect::Api => match td.shape {
            TaskDefShape::RegisterInput | TaskDefShape::Describe => {
                Some((validate::api("task-definition")?, td.node?))
            }
            TaskDefShape::ContainerArray if doc.as_array().is_some() => {
                Some((validate::api("container-definitions")?, doc))
            }
            TaskDefShape::SingleContainer if doc.as_object().is_some() => {
                Some((validate::api("container-definition")?, doc))
            }
            _ => None,
        },
        Resource::TaskDef(td) if td.shape == TaskDefShape::Terraform => {
            let list = td.node?.get("containerDefinitions")?;
            list.as_array()?;
            Some((validate::api("container-definitions")?, list))
        }
        Resource::TaskDef(td) if td.shape == TaskDefShape::Template => {
            template("AWS::ECS::TaskDefinition", td.node?)
        }
        Resource::Service(s) if s.dialect == Dialect::Api => match s.shape {
            ServiceShape::CreateInput => Some((validate::api("service")?, s.node)),
            ServiceShape::UpdateInput => Some((validate::api("update-service")?, s.node)),
            _ => None,
        },
        Resource::Service(s) if s.shape == ServiceShape::Template => {
            template("AWS::ECS::Service", s.node)
        }
        Resource::Cluster(c) if c.dialect == Dialect::CloudFormation => match c.associates_with {
            None => template("AWS::ECS::Cluster", c.node),
            Some(_) => template("AWS::ECS::ClusterCapacityProviderAssociations", c.node),
        },
        Resource::TargetGroup(t) if t.dialect == Dialect::CloudFormation => {
            template("AWS::ElasticLoadBalancingV2::TargetGroup", t.node)
        }
        Resource::Listener(l) if l.dialect == Dialect::CloudFormation => match l.kind {
            ListenerKind::Listener => template("AWS::ElasticLoadBalancingV2::Listener", l.node),
            ListenerKind::Rule => template("AWS::ElasticLoadBalancingV2::ListenerRule", l.node),
        },
        Resource::Elb(e) if e.dialect == Dialect::CloudFormation => {
            template("AWS::ElasticLoadBalancingV2::LoadBalancer", e.node)
        }
        _ => None,
    }
}

/// The structural problems of `resource` (none for a resource no schema describes).
pub fn problems_of<'t>(doc: &'t Node<'t>, resource: &Resource<'t>) -> Vec<Problem<'t>> {
    let Some((which, node)) = schema_of(doc, resource) else {
        return Vec::new();
    };
    let mut problems = validate::problems(node, which);
    if resource.dialect() == Some(Dialect::Terraform) {
        terraform(&mut problems);
        return problems;
    }
    // A service definition without `serviceName` is a deploy tool's (ecspresso's
    // `ecs-service-def.json`): the tool names the service from its own configuration, and
    // drops the fields of describe output it was made from. So does ecspresso with a task
    // definition holding its Go-template actions (`{{ must_env `IMAGE` }}`).
    let tools_file = if Some(which) == validate::api("service") {
        node.member("serviceName").is_none()
    } else {
        matches!(which, Which::Api(_))
            && problems
                .iter()
                .any(|p| matches!(p.kind, ProblemKind::ReadOnly { renamed: None, .. }))
            && holds_go_template(node, 0)
    };
    if tools_file {
        problems.retain(|p| match &p.kind {
            ProblemKind::Required { field } => {
                !(field == "serviceName" && p.shape == "CreateServiceRequest")
            }
            ProblemKind::ReadOnly { renamed: None, .. } => false,
            _ => true,
        });
    }
    problems
}

/// Container definitions in Terraform are decoded by the AWS provider with Go's
/// `encoding/json` into the SDK's structs before ECS sees them: a key matches its field in any
/// case (`entrypoint` is `entryPoint`), a key that matches no field is dropped without a word,
/// and `null` leaves a field unset. What the decoder cannot take (a string where a number
/// belongs) fails `terraform apply`; the rest ECS refuses.
fn terraform(problems: &mut Vec<Problem<'_>>) {
    problems.retain(|p| match &p.kind {
        ProblemKind::Null { .. } => false,
        ProblemKind::Unknown {
            suggestion: Some(Suggestion::Field(meant)),
        } => !meant.eq_ignore_ascii_case(&p.field),
        _ => true,
    });
    for p in problems.iter_mut() {
        p.reader = Reader::Terraform;
    }
}

/// Whether a string of the tree holds a Go-template action (`{{ … }}`), to a bounded depth.
fn holds_go_template(node: &Node<'_>, depth: usize) -> bool {
    use crate::load::Kind;
    if depth > 16 {
        return false;
    }
    match &node.kind {
        Kind::String(s) | Kind::Placeholder(s) => s.contains("{{"),
        Kind::Array(items) => items.iter().any(|i| holds_go_template(i, depth + 1)),
        Kind::Object(members) => members
            .iter()
            .any(|m| holds_go_template(&m.value, depth + 1)),
        _ => false,
    }
}

impl Problem<'_> {
    /// Who refuses the mistake: the AWS CLI (API input), CloudFormation (a template), or, for
    /// container definitions in Terraform, the provider (a value Go cannot decode) or ECS
    /// when the provider registers them.
    pub fn refusal(&self) -> &'static str {
        match (self.reader, &self.kind) {
            (Reader::AwsCli, _) => "the AWS CLI refuses the input",
            (Reader::CloudFormation, _) => "CloudFormation rejects the resource",
            (Reader::Terraform, ProblemKind::Type { .. }) => {
                "Terraform's AWS provider cannot decode the container definitions, and `terraform apply` fails"
            }
            (Reader::Terraform, _) => "ECS refuses the task definition when Terraform registers it",
        }
    }

    /// Who refuses a value the client cannot check (a range, a format): ECS, or CloudFormation.
    pub fn rejection(&self) -> &'static str {
        match self.reader {
            Reader::AwsCli => "ECS refuses the request",
            Reader::CloudFormation => "CloudFormation rejects the resource",
            Reader::Terraform => "ECS refuses the task definition when Terraform registers it",
        }
    }
}

/// What messages call an object of API shape `shape`: "a container definition", "a port
/// mapping", "a task definition (register-task-definition input)".
pub fn noun(shape: &str) -> String {
    let named = match shape {
        "" => return "the list".to_string(),
        "RegisterTaskDefinitionRequest" => {
            return "a task definition (register-task-definition input)".to_string()
        }
        "CreateServiceRequest" => return "a service (create-service input)".to_string(),
        "UpdateServiceRequest" => return "update-service input".to_string(),
        "KeyValuePair" => return "an environment variable".to_string(),
        t if t.starts_with("AWS::") => return format!("`{t}`"),
        other => other,
    };
    let chars: Vec<char> = named.chars().collect();
    let mut words = String::new();
    for (i, &c) in chars.iter().enumerate() {
        // A word starts at a capital after a small letter (`HealthCheck`), or at the last
        // capital of an acronym before a small letter (`EFSVolume`).
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1);
        let boundary = c.is_ascii_uppercase()
            && (prev.is_some_and(|p| p.is_ascii_lowercase())
                || (prev.is_some_and(|p| p.is_ascii_uppercase())
                    && next.is_some_and(char::is_ascii_lowercase)));
        if boundary {
            words.push(' ');
        }
        words.push(c.to_ascii_lowercase());
    }
    let article = if words.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {words}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn nouns() {
        assert_eq!(super::noun("ContainerDefinition"), "a container definition");
        assert_eq!(
            super::noun("EFSVolumeConfiguration"),
            "an efs volume configuration"
        );
        assert_eq!(super::noun("HealthCheck"), "a health check");
        assert_eq!(
            super::noun("AwsVpcConfiguration"),
            "an aws vpc configuration"
        );
    }
}
