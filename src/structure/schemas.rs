//! The JSON Schemas of the AWS API shapes ecslint reads, generated from botocore's ECS model
//! (`schemas/vendor/botocore-1.44.5/`) and the prose-only constraints of
//! `schemas/source/documented.json` by `tests/schemas.rs` (`ECSLINT_UPDATE_SCHEMAS=1 cargo test
//! --test schemas` rewrites them; the test fails when a committed schema differs from what the
//! generator makes). They are embedded: the structural rules validate against them, and
//! `ecslint schema <name>` prints one for an editor.

/// One generated schema: what it describes and where it comes from.
pub struct ApiSchema {
    /// The name `ecslint schema` takes.
    pub name: &'static str,
    /// The file under `schemas/`.
    pub file: &'static str,
    /// What it describes, for `ecslint schema --list` and the README.
    pub summary: &'static str,
    /// The botocore shape at its root.
    pub root: &'static str,
    /// A list of the root shape (a file holding only container definitions) of at most
    /// `max_items` items.
    pub list_of: Option<u64>,
    /// For an input: the output shape whose extra members are read-only (ECS sets them), the
    /// output it comes from (for the message), and the input's name for a renamed member.
    pub read_only: Option<ReadOnly>,
    /// The schema text.
    pub text: &'static str,
}

/// The output members an input refuses.
pub struct ReadOnly {
    pub output_shape: &'static str,
    /// The command whose output holds them (`describe-task-definition`).
    pub output: &'static str,
    /// The command that refuses them (`register-task-definition`).
    pub input: &'static str,
    /// Output members the input takes under another name (`roleArn` is `role`).
    pub renamed: &'static [(&'static str, &'static str)],
}

/// The botocore release the schemas are generated from.
pub const BOTOCORE_VERSION: &str = "1.44.5";

pub static API_SCHEMAS: [ApiSchema; 9] = [
    ApiSchema {
        name: "task-definition",
        file: "task-definition.schema.json",
        summary: "a task definition: register-task-definition input (`--cli-input-json`)",
        root: "RegisterTaskDefinitionRequest",
        list_of: None,
        read_only: Some(ReadOnly {
            output_shape: "TaskDefinition",
            output: "describe-task-definition",
            input: "register-task-definition",
            renamed: &[],
        }),
        text: include_str!("../../schemas/task-definition.schema.json"),
    },
    ApiSchema {
        name: "container-definition",
        file: "container-definition.schema.json",
        summary: "one container definition",
        root: "ContainerDefinition",
        list_of: None,
        read_only: None,
        text: include_str!("../../schemas/container-definition.schema.json"),
    },
    ApiSchema {
        name: "container-definitions",
        file: "container-definitions.schema.json",
        summary: "a list of container definitions (Terraform's `container_definitions` file)",
        root: "ContainerDefinition",
        list_of: Some(10),
        read_only: None,
        text: include_str!("../../schemas/container-definitions.schema.json"),
    },
    ApiSchema {
        name: "service",
        file: "service.schema.json",
        summary: "a service: create-service input",
        root: "CreateServiceRequest",
        list_of: None,
        read_only: Some(ReadOnly {
            output_shape: "Service",
            output: "describe-services",
            input: "create-service",
            renamed: &[("roleArn", "role")],
        }),
        text: include_str!("../../schemas/service.schema.json"),
    },
    ApiSchema {
        name: "update-service",
        file: "update-service.schema.json",
        summary: "update-service input",
        root: "UpdateServiceRequest",
        list_of: None,
        read_only: Some(ReadOnly {
            output_shape: "Service",
            output: "describe-services",
            input: "update-service",
            renamed: &[],
        }),
        text: include_str!("../../schemas/update-service.schema.json"),
    },
    ApiSchema {
        name: "cluster",
        file: "cluster.schema.json",
        summary: "a cluster: create-cluster input",
        root: "CreateClusterRequest",
        list_of: None,
        read_only: None,
        text: include_str!("../../schemas/cluster.schema.json"),
    },
    ApiSchema {
        name: "run-task",
        file: "run-task.schema.json",
        summary: "run-task input",
        root: "RunTaskRequest",
        list_of: None,
        read_only: None,
        text: include_str!("../../schemas/run-task.schema.json"),
    },
    ApiSchema {
        name: "describe-task-definition",
        file: "describe-task-definition.schema.json",
        summary: "describe-task-definition output",
        root: "DescribeTaskDefinitionResponse",
        list_of: None,
        read_only: None,
        text: include_str!("../../schemas/describe-task-definition.schema.json"),
    },
    ApiSchema {
        name: "describe-services",
        file: "describe-services.schema.json",
        summary: "describe-services output",
        root: "DescribeServicesResponse",
        list_of: None,
        read_only: None,
        text: include_str!("../../schemas/describe-services.schema.json"),
    },
];

/// The schema `ecslint schema <name>` names.
pub fn by_name(name: &str) -> Option<&'static ApiSchema> {
    API_SCHEMAS.iter().find(|s| s.name == name)
}

/// A CloudFormation resource provider schema, vendored from cfn-lint
/// (`schemas/vendor/cfn-lint-1.58.0/`): what a template resource's `Properties` are validated
/// against.
pub struct TemplateSchema {
    /// The resource type (`AWS::ECS::TaskDefinition`).
    pub type_name: &'static str,
    pub text: &'static str,
}

pub static TEMPLATE_SCHEMAS: [TemplateSchema; 9] = [
    TemplateSchema {
        type_name: "AWS::ECS::TaskDefinition",
        text: include_str!("../../schemas/vendor/cfn-lint-1.58.0/aws-ecs-taskdefinition.json"),
    },
    TemplateSchema {
        type_name: "AWS::ECS::Service",
        text: include_str!("../../schemas/vendor/cfn-lint-1.58.0/aws-ecs-service.json"),
    },
    TemplateSchema {
        type_name: "AWS::ECS::Cluster",
        text: include_str!("../../schemas/vendor/cfn-lint-1.58.0/aws-ecs-cluster.json"),
    },
    TemplateSchema {
        type_name: "AWS::ECS::CapacityProvider",
        text: include_str!("../../schemas/vendor/cfn-lint-1.58.0/aws-ecs-capacityprovider.json"),
    },
    TemplateSchema {
        type_name: "AWS::ECS::ClusterCapacityProviderAssociations",
        text: include_str!(
            "../../schemas/vendor/cfn-lint-1.58.0/aws-ecs-clustercapacityproviderassociations.json"
        ),
    },
    TemplateSchema {
        type_name: "AWS::ElasticLoadBalancingV2::TargetGroup",
        text: include_str!(
            "../../schemas/vendor/cfn-lint-1.58.0/aws-elasticloadbalancingv2-targetgroup.json"
        ),
    },
    TemplateSchema {
        type_name: "AWS::ElasticLoadBalancingV2::Listener",
        text: include_str!(
            "../../schemas/vendor/cfn-lint-1.58.0/aws-elasticloadbalancingv2-listener.json"
        ),
    },
    TemplateSchema {
        type_name: "AWS::ElasticLoadBalancingV2::ListenerRule",
        text: include_str!(
            "../../schemas/vendor/cfn-lint-1.58.0/aws-elasticloadbalancingv2-listenerrule.json"
        ),
    },
    TemplateSchema {
        type_name: "AWS::ElasticLoadBalancingV2::LoadBalancer",
        text: include_str!(
            "../../schemas/vendor/cfn-lint-1.58.0/aws-elasticloadbalancingv2-loadbalancer.json"
        ),
    },
];
