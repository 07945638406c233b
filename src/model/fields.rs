//! The field table: every field the model reads, with its spelling in each format ECS
//! configuration is written in. The model reads documents through it, and rules name fields
//! through it, so a rule is written once and its messages use the file's own spelling
//! (`hostPort` in API JSON, `HostPort` in a CloudFormation template).
//!
//! - **API**: the ECS API's camelCase (`register-task-definition` input, `describe-*` output).
//! - **CloudFormation**: `AWS::ECS::*` resource properties, PascalCase.
//! - **Terraform**: the `aws_ecs_*` resources' snake_case attributes and blocks, for messages.
//!   A Terraform resource is rewritten into the API's shape when it is read
//!   (`recognise::terraform`), so the model reads it with the API's keys. Container
//!   definitions are a JSON document inside HCL (`jsonencode`, a heredoc), written in the API's
//!   spelling, so container-level fields spell Terraform like the API.
//! - **Compose**: Docker Compose service keys, where a key means the same thing.

/// The spelling a resource was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    Api,
    CloudFormation,
    Terraform,
    Compose,
}

/// One field of a resource kind, spelled per dialect (`None`: the format has no such key).
#[derive(Debug)]
pub struct Field {
    pub api: &'static str,
    pub cloudformation: &'static str,
    pub terraform: Option<&'static str>,
    pub compose: Option<&'static str>,
}

impl Field {
    /// The key that holds this field in `dialect`, if the format has one.
    pub fn key(&self, dialect: Dialect) -> Option<&'static str> {
        match dialect {
            Dialect::Api => Some(self.api),
            Dialect::CloudFormation => Some(self.cloudformation),
            // A Terraform resource is read in the API's shape (recognise::terraform).
            Dialect::Terraform => Some(self.api),
            Dialect::Compose => self.compose,
        }
    }

    /// The field's name for a message about a file in `dialect` (the API's spelling when the
    /// format has no key of its own).
    pub fn name(&self, dialect: Dialect) -> &'static str {
        match dialect {
            Dialect::Terraform => self.terraform.unwrap_or(self.api),
            _ => self.key(dialect).unwrap_or(self.api),
        }
    }
}

impl Dialect {
    /// `field`'s name in this dialect, for messages and help.
    pub fn name(self, field: &Field) -> &'static str {
        field.name(self)
    }
}

/// A field spelled the same way in the API and in Terraform's JSON, PascalCase in
/// CloudFormation.
macro_rules! field {
    ($api:literal, $cfn:literal) => {
        Field {
            api: $api,
            cloudformation: $cfn,
            terraform: Some($api),
            compose: None,
        }
    };
    ($api:literal, $cfn:literal, tf: $tf:expr, compose: $compose:expr) => {
        Field {
            api: $api,
            cloudformation: $cfn,
            terraform: $tf,
            compose: $compose,
        }
    };
}

/// Task definition fields (`AWS::ECS::TaskDefinition`, `aws_ecs_task_definition`).
pub mod task {
    use super::Field;
    pub static FAMILY: Field = field!("family", "Family", tf: Some("family"), compose: None);
    pub static REVISION: Field =
        field!("revision", "Revision", tf: Some("revision"), compose: None);
    pub static NETWORK_MODE: Field =
        field!("networkMode", "NetworkMode", tf: Some("network_mode"), compose: None);
    pub static REQUIRES_COMPATIBILITIES: Field = field!(
        "requiresCompatibilities",
        "RequiresCompatibilities",
        tf: Some("requires_compatibilities"),
        compose: None
    );
    pub static CPU: Field = field!("cpu", "Cpu", tf: Some("cpu"), compose: None);
    pub static MEMORY: Field = field!("memory", "Memory", tf: Some("memory"), compose: None);
    pub static RUNTIME_PLATFORM: Field = field!(
        "runtimePlatform",
        "RuntimePlatform",
        tf: Some("runtime_platform"),
        compose: None
    );
    pub static OPERATING_SYSTEM_FAMILY: Field = field!(
        "operatingSystemFamily",
        "OperatingSystemFamily",
        tf: Some("operating_system_family"),
        compose: None
    );
    /// `ephemeralStorage` (`sizeInGiB`): Fargate's task storage.
    pub static EPHEMERAL_STORAGE: Field = field!(
        "ephemeralStorage",
        "EphemeralStorage",
        tf: Some("ephemeral_storage"),
        compose: None
    );
    /// `runtimePlatform.cpuArchitecture` (`X86_64`, `ARM64`).
    pub static CPU_ARCHITECTURE: Field = field!(
        "cpuArchitecture",
        "CpuArchitecture",
        tf: Some("cpu_architecture"),
        compose: None
    );
    pub static CONTAINER_DEFINITIONS: Field = field!(
        "containerDefinitions",
        "ContainerDefinitions",
        tf: Some("container_definitions"),
        compose: Some("services")
    );
    pub static EXECUTION_ROLE_ARN: Field = field!(
        "executionRoleArn",
        "ExecutionRoleArn",
        tf: Some("execution_role_arn"),
        compose: None
    );
    pub static TASK_ROLE_ARN: Field =
        field!("taskRoleArn", "TaskRoleArn", tf: Some("task_role_arn"), compose: None);
    /// A Terraform `placement_constraints` block may repeat; it is the list.
    pub static PLACEMENT_CONSTRAINTS: Field = field!(
        "placementConstraints",
        "PlacementConstraints",
        tf: Some("placement_constraints"),
        compose: None
    );
    /// A Terraform `volume` block may repeat; it is the list.
    pub static VOLUMES: Field = field!("volumes", "Volumes", tf: Some("volume"), compose: None);
    /// The App Mesh proxy's configuration.
    pub static PROXY_CONFIGURATION: Field = field!(
        "proxyConfiguration",
        "ProxyConfiguration",
        tf: Some("proxy_configuration"),
        compose: None
    );
    pub static PID_MODE: Field = field!("pidMode", "PidMode", tf: Some("pid_mode"), compose: None);
    pub static IPC_MODE: Field = field!("ipcMode", "IpcMode", tf: Some("ipc_mode"), compose: None);
    /// Fields only `describe-task-definition` output has (read-only in every other format).
    pub static READ_ONLY: [&str; 8] = [
        "taskDefinitionArn",
        "revision",
        "status",
        "requiresAttributes",
        "compatibilities",
        "registeredAt",
        "registeredBy",
        "deregisteredAt",
    ];
}

/// Container definition fields (`containerDefinitions[]`; a Compose service).
pub mod container {
    use super::Field;
    pub static NAME: Field = field!("name", "Name");
    pub static IMAGE: Field = field!("image", "Image", tf: Some("image"), compose: Some("image"));
    pub static ESSENTIAL: Field = field!("essential", "Essential");
    pub static PRIVILEGED: Field = field!(
        "privileged",
        "Privileged",
        tf: Some("privileged"),
        compose: Some("privileged")
    );
    pub static CPU: Field = field!("cpu", "Cpu");
    pub static MEMORY: Field = field!("memory", "Memory");
    pub static MEMORY_RESERVATION: Field = field!("memoryReservation", "MemoryReservation");
    pub static PORT_MAPPINGS: Field = field!(
        "portMappings",
        "PortMappings",
        tf: Some("portMappings"),
        compose: Some("ports")
    );
    pub static ENVIRONMENT: Field = field!(
        "environment",
        "Environment",
        tf: Some("environment"),
        compose: Some("environment")
    );
    pub static SECRETS: Field = field!("secrets", "Secrets");
    pub static LOG_CONFIGURATION: Field = field!(
        "logConfiguration",
        "LogConfiguration",
        tf: Some("logConfiguration"),
        compose: Some("logging")
    );
    pub static COMMAND: Field =
        field!("command", "Command", tf: Some("command"), compose: Some("command"));
    pub static ENTRY_POINT: Field = field!(
        "entryPoint",
        "EntryPoint",
        tf: Some("entryPoint"),
        compose: Some("entrypoint")
    );
    pub static HEALTH_CHECK: Field = field!(
        "healthCheck",
        "HealthCheck",
        tf: Some("healthCheck"),
        compose: Some("healthcheck")
    );
    pub static MOUNT_POINTS: Field = field!("mountPoints", "MountPoints");
    pub static DEPENDS_ON: Field = field!("dependsOn", "DependsOn");
    /// A path, for messages: where Linux capabilities are added.
    pub static LINUX_CAPABILITIES_ADD: Field = field!(
        "linuxParameters.capabilities.add",
        "LinuxParameters.Capabilities.Add"
    );
    pub static LINKS: Field = field!("links", "Links", tf: Some("links"), compose: Some("links"));
    pub static HOSTNAME: Field =
        field!("hostname", "Hostname", tf: Some("hostname"), compose: Some("hostname"));
    pub static DNS_SERVERS: Field =
        field!("dnsServers", "DnsServers", tf: Some("dnsServers"), compose: Some("dns"));
    pub static DNS_SEARCH_DOMAINS: Field = field!(
        "dnsSearchDomains",
        "DnsSearchDomains",
        tf: Some("dnsSearchDomains"),
        compose: Some("dns_search")
    );
    pub static EXTRA_HOSTS: Field = field!("extraHosts", "ExtraHosts");
    pub static VOLUMES_FROM: Field = field!("volumesFrom", "VolumesFrom");
    pub static REPOSITORY_CREDENTIALS: Field =
        field!("repositoryCredentials", "RepositoryCredentials");
    pub static LINUX_PARAMETERS: Field = field!("linuxParameters", "LinuxParameters");
    pub static FIRELENS_CONFIGURATION: Field =
        field!("firelensConfiguration", "FirelensConfiguration");
    pub static ENVIRONMENT_FILES: Field = field!("environmentFiles", "EnvironmentFiles");
    pub static DISABLE_NETWORKING: Field = field!("disableNetworking", "DisableNetworking");
    pub static DOCKER_SECURITY_OPTIONS: Field =
        field!("dockerSecurityOptions", "DockerSecurityOptions");
    pub static RESOURCE_REQUIREMENTS: Field =
        field!("resourceRequirements", "ResourceRequirements");
    pub static ULIMITS: Field = field!("ulimits", "Ulimits");
    pub static READONLY_ROOT_FILESYSTEM: Field =
        field!("readonlyRootFilesystem", "ReadonlyRootFilesystem");
    /// Kernel parameters (`net.core.somaxconn`); not for Windows containers.
    pub static SYSTEM_CONTROLS: Field = field!("systemControls", "SystemControls");
    pub static INTERACTIVE: Field = field!("interactive", "Interactive");
    pub static PSEUDO_TERMINAL: Field = field!("pseudoTerminal", "PseudoTerminal");
    pub static USER: Field = field!("user", "User", tf: Some("user"), compose: Some("user"));
}

/// `resourceRequirements[]` entries of a container.
pub mod resource_requirement {
    use super::Field;
    pub static TYPE: Field = field!("type", "Type");
}

/// `dependsOn[]` entries of a container.
pub mod depends_on {
    use super::Field;
    pub static CONTAINER_NAME: Field = field!("containerName", "ContainerName");
    pub static CONDITION: Field = field!("condition", "Condition");
}

/// `mountPoints[]` entries of a container.
pub mod mount_point {
    use super::Field;
    pub static SOURCE_VOLUME: Field = field!("sourceVolume", "SourceVolume");
    pub static CONTAINER_PATH: Field = field!("containerPath", "ContainerPath");
}

/// `volumesFrom[]` entries of a container.
pub mod volume_from {
    use super::Field;
    pub static SOURCE_CONTAINER: Field = field!("sourceContainer", "SourceContainer");
}

/// `healthCheck` of a container (Compose: `healthcheck`, whose durations are strings).
pub mod health_check {
    use super::Field;
    pub static COMMAND: Field = field!("command", "Command");
    pub static INTERVAL: Field = field!("interval", "Interval");
    pub static TIMEOUT: Field = field!("timeout", "Timeout");
    pub static RETRIES: Field = field!("retries", "Retries");
    pub static START_PERIOD: Field = field!("startPeriod", "StartPeriod");
}

/// `linuxParameters` of a container.
pub mod linux_parameters {
    use super::Field;
    pub static DEVICES: Field = field!("devices", "Devices");
    pub static SHARED_MEMORY_SIZE: Field = field!("sharedMemorySize", "SharedMemorySize");
    pub static TMPFS: Field = field!("tmpfs", "Tmpfs");
    pub static CAPABILITIES: Field = field!("capabilities", "Capabilities");
    /// `capabilities.add`.
    pub static ADD: Field = field!("add", "Add");
    pub static MAX_SWAP: Field = field!("maxSwap", "MaxSwap");
    pub static SWAPPINESS: Field = field!("swappiness", "Swappiness");
}

/// `logConfiguration` of a container (Compose: `logging`).
pub mod log_configuration {
    use super::Field;
    pub static LOG_DRIVER: Field = field!(
        "logDriver",
        "LogDriver",
        tf: Some("logDriver"),
        compose: Some("driver")
    );
    pub static SECRET_OPTIONS: Field = field!("secretOptions", "SecretOptions");
    /// Option names are the driver's own (`awslogs-group`) in every format.
    pub static OPTIONS: Field =
        field!("options", "Options", tf: Some("options"), compose: Some("options"));
}

/// Port mapping fields (`portMappings[]`; Compose's long `ports` syntax).
pub mod port_mapping {
    use super::Field;
    pub static CONTAINER_PORT: Field = field!(
        "containerPort",
        "ContainerPort",
        tf: Some("containerPort"),
        compose: Some("target")
    );
    pub static HOST_PORT: Field = field!(
        "hostPort",
        "HostPort",
        tf: Some("hostPort"),
        compose: Some("published")
    );
    pub static PROTOCOL: Field = field!(
        "protocol",
        "Protocol",
        tf: Some("protocol"),
        compose: Some("protocol")
    );
    pub static CONTAINER_PORT_RANGE: Field = field!("containerPortRange", "ContainerPortRange");
    pub static NAME: Field = field!("name", "Name");
}

/// `ulimits[]` entries of a container.
pub mod ulimit {
    use super::Field;
    pub static NAME: Field = field!("name", "Name");
    pub static SOFT_LIMIT: Field = field!("softLimit", "SoftLimit");
    pub static HARD_LIMIT: Field = field!("hardLimit", "HardLimit");
}

/// `placementConstraints[]` and `placementStrategy[]` entries of a service.
pub mod placement {
    use super::Field;
    pub static TYPE: Field = field!("type", "Type", tf: Some("type"), compose: None);
    pub static EXPRESSION: Field =
        field!("expression", "Expression", tf: Some("expression"), compose: None);
    pub static FIELD: Field = field!("field", "Field", tf: Some("field"), compose: None);
}

/// `environment[]` entries.
/// `volumes[]` entries of a task definition.
pub mod volume {
    use super::Field;
    pub static NAME: Field = field!("name", "Name", tf: Some("name"), compose: None);
    pub static EFS_VOLUME_CONFIGURATION: Field = field!(
        "efsVolumeConfiguration",
        "EFSVolumeConfiguration",
        tf: Some("efs_volume_configuration"),
        compose: None
    );
    pub static HOST: Field = field!("host", "Host", tf: None, compose: None);
    /// `host.sourcePath` (Terraform: `host_path` on the `volume` block).
    pub static SOURCE_PATH: Field =
        field!("sourcePath", "SourcePath", tf: Some("host_path"), compose: None);
    pub static DOCKER_VOLUME_CONFIGURATION: Field = field!(
        "dockerVolumeConfiguration",
        "DockerVolumeConfiguration",
        tf: Some("docker_volume_configuration"),
        compose: None
    );
    /// `efsVolumeConfiguration.rootDirectory`.
    pub static ROOT_DIRECTORY: Field = field!(
        "rootDirectory",
        "RootDirectory",
        tf: Some("root_directory"),
        compose: None
    );
    /// `efsVolumeConfiguration.authorizationConfig`.
    pub static AUTHORIZATION_CONFIG: Field = field!(
        "authorizationConfig",
        "AuthorizationConfig",
        tf: Some("authorization_config"),
        compose: None
    );
    pub static ACCESS_POINT_ID: Field = field!(
        "accessPointId",
        "AccessPointId",
        tf: Some("access_point_id"),
        compose: None
    );
    pub static IAM: Field = field!("iam", "IAM", tf: Some("iam"), compose: None);
    pub static FSX_WINDOWS_FILE_SERVER_VOLUME_CONFIGURATION: Field = field!(
        "fsxWindowsFileServerVolumeConfiguration",
        "FSxWindowsFileServerVolumeConfiguration",
        tf: Some("fsx_windows_file_server_volume_configuration"),
        compose: None
    );
    pub static S3FILES_VOLUME_CONFIGURATION: Field = field!(
        "s3filesVolumeConfiguration",
        "S3FilesVolumeConfiguration",
        tf: None,
        compose: None
    );
    pub static CONFIGURED_AT_LAUNCH: Field = field!(
        "configuredAtLaunch",
        "ConfiguredAtLaunch",
        tf: Some("configure_at_launch"),
        compose: None
    );
    /// `dockerVolumeConfiguration.scope` (`task` or `shared`).
    pub static SCOPE: Field = field!("scope", "Scope", tf: Some("scope"), compose: None);
    /// `dockerVolumeConfiguration.autoprovision`.
    pub static AUTOPROVISION: Field =
        field!("autoprovision", "Autoprovision", tf: Some("autoprovision"), compose: None);
    /// `efsVolumeConfiguration.transitEncryption`.
    pub static TRANSIT_ENCRYPTION: Field = field!(
        "transitEncryption",
        "TransitEncryption",
        tf: Some("transit_encryption"),
        compose: None
    );
}

pub mod env_var {
    use super::Field;
    pub static NAME: Field = field!("name", "Name");
    pub static VALUE: Field = field!("value", "Value");
}

/// `serviceRegistries[]` entries of a service.
pub mod service_registry {
    use super::Field;
    pub static CONTAINER_NAME: Field =
        field!("containerName", "ContainerName", tf: Some("container_name"), compose: None);
    pub static CONTAINER_PORT: Field =
        field!("containerPort", "ContainerPort", tf: Some("container_port"), compose: None);
    pub static PORT: Field = field!("port", "Port", tf: Some("port"), compose: None);
}

/// `systemControls[]` entries of a container.
pub mod system_control {
    use super::Field;
    pub static NAMESPACE: Field = field!("namespace", "Namespace");
    pub static VALUE: Field = field!("value", "Value");
}

/// Tags of a task definition, a service or a cluster (a map in Terraform).
pub mod tag {
    use super::Field;
    pub static TAGS: Field = field!("tags", "Tags", tf: Some("tags"), compose: None);
    pub static KEY: Field = field!("key", "Key", tf: Some("key"), compose: None);
    pub static VALUE: Field = field!("value", "Value", tf: Some("value"), compose: None);
}

/// A container's `firelensConfiguration`.
pub mod firelens_configuration {
    use super::Field;
    pub static TYPE: Field = field!("type", "Type");
    /// Option names are FireLens's own (`config-file-type`) in every format.
    pub static OPTIONS: Field = field!("options", "Options");
}

/// A task definition's `proxyConfiguration` (App Mesh's Envoy proxy).
pub mod proxy_configuration {
    use super::Field;
    pub static CONTAINER_NAME: Field = field!("containerName", "ContainerName");
}

/// `environmentFiles[]` entries of a container.
pub mod environment_file {
    use super::Field;
    pub static VALUE: Field = field!("value", "Value");
    pub static TYPE: Field = field!("type", "Type");
}

/// `secrets[]` entries of a container.
pub mod secret {
    use super::Field;
    pub static NAME: Field = field!("name", "Name");
    pub static VALUE_FROM: Field = field!("valueFrom", "ValueFrom");
}

/// Service fields (`AWS::ECS::Service`, `aws_ecs_service`).
pub mod service {
    use super::Field;
    pub static SERVICE_NAME: Field =
        field!("serviceName", "ServiceName", tf: Some("name"), compose: None);
    pub static TASK_DEFINITION: Field = field!(
        "taskDefinition",
        "TaskDefinition",
        tf: Some("task_definition"),
        compose: None
    );
    pub static LAUNCH_TYPE: Field =
        field!("launchType", "LaunchType", tf: Some("launch_type"), compose: None);
    pub static CLUSTER: Field = field!("cluster", "Cluster", tf: Some("cluster"), compose: None);
    pub static DESIRED_COUNT: Field =
        field!("desiredCount", "DesiredCount", tf: Some("desired_count"), compose: None);
    pub static SCHEDULING_STRATEGY: Field = field!(
        "schedulingStrategy",
        "SchedulingStrategy",
        tf: Some("scheduling_strategy"),
        compose: None
    );
    pub static DEPLOYMENT_CONTROLLER: Field = field!(
        "deploymentController",
        "DeploymentController",
        tf: Some("deployment_controller"),
        compose: None
    );
    /// `deploymentController.type`.
    pub static DEPLOYMENT_CONTROLLER_TYPE: Field =
        field!("type", "Type", tf: Some("type"), compose: None);
    pub static HEALTH_CHECK_GRACE_PERIOD: Field = field!(
        "healthCheckGracePeriodSeconds",
        "HealthCheckGracePeriodSeconds",
        tf: Some("health_check_grace_period_seconds"),
        compose: None
    );
    pub static VPC_LATTICE_CONFIGURATIONS: Field = field!(
        "vpcLatticeConfigurations",
        "VpcLatticeConfigurations",
        tf: Some("vpc_lattice_configurations"),
        compose: None
    );
    pub static CAPACITY_PROVIDER_STRATEGY: Field = field!(
        "capacityProviderStrategy",
        "CapacityProviderStrategy",
        tf: Some("capacity_provider_strategy"),
        compose: None
    );
    pub static NETWORK_CONFIGURATION: Field = field!(
        "networkConfiguration",
        "NetworkConfiguration",
        tf: Some("network_configuration"),
        compose: None
    );
    /// `networkConfiguration.awsvpcConfiguration` (Terraform's `network_configuration` block
    /// holds its fields itself).
    pub static AWSVPC_CONFIGURATION: Field = field!(
        "awsvpcConfiguration",
        "AwsvpcConfiguration",
        tf: None,
        compose: None
    );
    /// `awsvpcConfiguration.securityGroups`.
    pub static SECURITY_GROUPS: Field = field!(
        "securityGroups",
        "SecurityGroups",
        tf: Some("security_groups"),
        compose: None
    );
    /// `serviceConnectConfiguration.accessLogConfiguration` (the proxy's access logs).
    pub static ACCESS_LOG_CONFIGURATION: Field = field!(
        "accessLogConfiguration",
        "AccessLogConfiguration",
        tf: Some("access_log_configuration"),
        compose: None
    );
    /// A Service Connect service's `clientAliases`.
    pub static CLIENT_ALIASES: Field =
        field!("clientAliases", "ClientAliases", tf: Some("client_alias"), compose: None);
    /// `serviceConnectConfiguration.logConfiguration` (the Service Connect proxy's logs).
    pub static LOG_CONFIGURATION: Field = field!(
        "logConfiguration",
        "LogConfiguration",
        tf: Some("log_configuration"),
        compose: None
    );
    /// `awsvpcConfiguration.assignPublicIp` (`ENABLED`/`DISABLED`; a boolean in Terraform).
    pub static ASSIGN_PUBLIC_IP: Field = field!(
        "assignPublicIp",
        "AssignPublicIp",
        tf: Some("assign_public_ip"),
        compose: None
    );

    /// [`ASSIGN_PUBLIC_IP`]'s value as `dialect` writes it: `ENABLED`/`DISABLED`, or
    /// `true`/`false` in Terraform.
    pub fn public_ip_value(dialect: super::Dialect, on: bool) -> &'static str {
        match (dialect, on) {
            (super::Dialect::Terraform, true) => "true",
            (super::Dialect::Terraform, false) => "false",
            (_, true) => "ENABLED",
            (_, false) => "DISABLED",
        }
    }
    /// Terraform flattens `deploymentConfiguration` into the service's own arguments.
    pub static DEPLOYMENT_CONFIGURATION: Field = field!(
        "deploymentConfiguration",
        "DeploymentConfiguration",
        tf: None,
        compose: None
    );
    pub static MINIMUM_HEALTHY_PERCENT: Field = field!(
        "minimumHealthyPercent",
        "MinimumHealthyPercent",
        tf: Some("deployment_minimum_healthy_percent"),
        compose: None
    );
    pub static MAXIMUM_PERCENT: Field = field!(
        "maximumPercent",
        "MaximumPercent",
        tf: Some("deployment_maximum_percent"),
        compose: None
    );
    /// `deploymentConfiguration.strategy` (`ROLLING`, `BLUE_GREEN`…).
    pub static DEPLOYMENT_STRATEGY: Field =
        field!("strategy", "Strategy", tf: Some("deployment_strategy"), compose: None);
    /// `deploymentConfiguration.deploymentCircuitBreaker` (a block of the service in
    /// Terraform).
    pub static DEPLOYMENT_CIRCUIT_BREAKER: Field = field!(
        "deploymentCircuitBreaker",
        "DeploymentCircuitBreaker",
        tf: Some("deployment_circuit_breaker"),
        compose: None
    );
    /// `deploymentConfiguration.alarms` (a block of the service in Terraform).
    pub static ALARMS: Field = field!("alarms", "Alarms", tf: Some("alarms"), compose: None);
    /// The circuit breaker's and the alarms' `enable`.
    pub static ENABLE: Field = field!("enable", "Enable", tf: Some("enable"), compose: None);
    /// The circuit breaker's and the alarms' `rollback`.
    pub static ROLLBACK: Field =
        field!("rollback", "Rollback", tf: Some("rollback"), compose: None);
    pub static SERVICE_CONNECT_CONFIGURATION: Field = field!(
        "serviceConnectConfiguration",
        "ServiceConnectConfiguration",
        tf: Some("service_connect_configuration"),
        compose: None
    );
    /// `serviceConnectConfiguration.services` (a repeatable `service` block in Terraform).
    pub static SERVICE_CONNECT_SERVICES: Field =
        field!("services", "Services", tf: Some("service"), compose: None);
    /// A Service Connect service's or a VPC Lattice configuration's `portName`: the `name` of
    /// a port mapping of the task definition.
    pub static PORT_NAME: Field =
        field!("portName", "PortName", tf: Some("port_name"), compose: None);
    /// The IAM role ECS registers the tasks with a Classic or bridge/host load balancer with.
    pub static ROLE: Field = field!("role", "Role", tf: Some("iam_role"), compose: None);
    pub static PROPAGATE_TAGS: Field =
        field!("propagateTags", "PropagateTags", tf: Some("propagate_tags"), compose: None);
    pub static ENABLE_ECS_MANAGED_TAGS: Field = field!(
        "enableECSManagedTags",
        "EnableECSManagedTags",
        tf: Some("enable_ecs_managed_tags"),
        compose: None
    );
    /// Cloud Map service registries (a repeatable `service_registries` block in Terraform).
    pub static SERVICE_REGISTRIES: Field = field!(
        "serviceRegistries",
        "ServiceRegistries",
        tf: Some("service_registries"),
        compose: None
    );
    /// `serviceConnectConfiguration.enabled`.
    pub static ENABLED: Field = field!("enabled", "Enabled", tf: Some("enabled"), compose: None);
    pub static PLATFORM_VERSION: Field = field!(
        "platformVersion",
        "PlatformVersion",
        tf: Some("platform_version"),
        compose: None
    );
    pub static ENABLE_EXECUTE_COMMAND: Field = field!(
        "enableExecuteCommand",
        "EnableExecuteCommand",
        tf: Some("enable_execute_command"),
        compose: None
    );
    /// `deploymentConfiguration.linearConfiguration` (the `LINEAR` strategy's steps).
    pub static LINEAR_CONFIGURATION: Field =
        field!("linearConfiguration", "LinearConfiguration", tf: None, compose: None);
    /// `deploymentConfiguration.canaryConfiguration` (the `CANARY` strategy's canary).
    pub static CANARY_CONFIGURATION: Field =
        field!("canaryConfiguration", "CanaryConfiguration", tf: None, compose: None);
    /// `deploymentConfiguration.earlySuccessCriteria` (rolling deployments only).
    pub static EARLY_SUCCESS_CRITERIA: Field =
        field!("earlySuccessCriteria", "EarlySuccessCriteria", tf: None, compose: None);
    /// A Terraform `load_balancer` block may repeat; it is the list.
    pub static LOAD_BALANCERS: Field = field!(
        "loadBalancers",
        "LoadBalancers",
        tf: Some("load_balancer"),
        compose: None
    );
    /// A Terraform `placement_constraints` block may repeat; it is the list.
    pub static PLACEMENT_CONSTRAINTS: Field = field!(
        "placementConstraints",
        "PlacementConstraints",
        tf: Some("placement_constraints"),
        compose: None
    );
    /// Terraform's block is `ordered_placement_strategy`.
    pub static PLACEMENT_STRATEGY: Field = field!(
        "placementStrategy",
        "PlacementStrategies",
        tf: Some("ordered_placement_strategy"),
        compose: None
    );
}

/// `capacityProviderStrategy[]` entries of a service, and clusters' capacity providers.
pub mod capacity_provider {
    use super::Field;
    pub static CAPACITY_PROVIDER: Field = field!(
        "capacityProvider",
        "CapacityProvider",
        tf: Some("capacity_provider"),
        compose: None
    );
    /// A capacity provider strategy item's `base` and `weight`.
    pub static BASE: Field = field!("base", "Base", tf: Some("base"), compose: None);
    pub static WEIGHT: Field = field!("weight", "Weight", tf: Some("weight"), compose: None);
    /// A cluster's (`AWS::ECS::Cluster`) or an association's list of provider names.
    pub static CAPACITY_PROVIDERS: Field = field!(
        "capacityProviders",
        "CapacityProviders",
        tf: Some("capacity_providers"),
        compose: None
    );
    /// `AWS::ECS::ClusterCapacityProviderAssociations`' cluster.
    pub static CLUSTER: Field =
        field!("cluster", "Cluster", tf: Some("cluster_name"), compose: None);
}

/// Clusters (`create-cluster` input, `AWS::ECS::Cluster`, `aws_ecs_cluster`).
pub mod cluster {
    use super::Field;
    /// The cluster's settings (`containerInsights`); a repeatable block in Terraform.
    pub static SETTINGS: Field =
        field!("settings", "ClusterSettings", tf: Some("setting"), compose: None);
    /// A setting's name and value.
    pub static NAME: Field = field!("name", "Name", tf: Some("name"), compose: None);
    pub static VALUE: Field = field!("value", "Value", tf: Some("value"), compose: None);
    /// The cluster's `configuration` (a block in Terraform).
    pub static CONFIGURATION: Field =
        field!("configuration", "Configuration", tf: Some("configuration"), compose: None);
    /// `configuration.executeCommandConfiguration`.
    pub static EXECUTE_COMMAND_CONFIGURATION: Field = field!(
        "executeCommandConfiguration",
        "ExecuteCommandConfiguration",
        tf: Some("execute_command_configuration"),
        compose: None
    );
    /// `executeCommandConfiguration.logging`: `NONE`, `DEFAULT` or `OVERRIDE`.
    pub static LOGGING: Field = field!("logging", "Logging", tf: Some("logging"), compose: None);
}

/// `loadBalancers[]` entries of a service.
pub mod load_balancer {
    use super::Field;
    pub static CONTAINER_NAME: Field = field!(
        "containerName",
        "ContainerName",
        tf: Some("container_name"),
        compose: None
    );
    pub static CONTAINER_PORT: Field = field!(
        "containerPort",
        "ContainerPort",
        tf: Some("container_port"),
        compose: None
    );
    pub static TARGET_GROUP_ARN: Field = field!(
        "targetGroupArn",
        "TargetGroupArn",
        tf: Some("target_group_arn"),
        compose: None
    );
    pub static LOAD_BALANCER_NAME: Field = field!(
        "loadBalancerName",
        "LoadBalancerName",
        tf: Some("elb_name"),
        compose: None
    );
    /// The alternate target group, listener rules and role of an ECS blue/green, linear or
    /// canary deployment.
    pub static ADVANCED_CONFIGURATION: Field = field!(
        "advancedConfiguration",
        "AdvancedConfiguration",
        tf: Some("advanced_configuration"),
        compose: None
    );
}

/// A field of an Elastic Load Balancing v2 resource: PascalCase in its API and in
/// CloudFormation alike, snake_case in Terraform.
macro_rules! elb_field {
    ($name:literal, $tf:literal) => {
        Field {
            api: $name,
            cloudformation: $name,
            terraform: Some($tf),
            compose: None,
        }
    };
}

/// Target groups (`AWS::ElasticLoadBalancingV2::TargetGroup`, `aws_lb_target_group`,
/// `describe-target-groups` output).
pub mod target_group {
    use super::Field;
    pub static PORT: Field = elb_field!("Port", "port");
    pub static PROTOCOL: Field = elb_field!("Protocol", "protocol");
    pub static TARGET_TYPE: Field = elb_field!("TargetType", "target_type");
    pub static HEALTH_CHECK_PORT: Field = elb_field!("HealthCheckPort", "port");
    pub static HEALTH_CHECK_PROTOCOL: Field = elb_field!("HealthCheckProtocol", "protocol");
    pub static HEALTH_CHECK_PATH: Field = elb_field!("HealthCheckPath", "path");
}

/// Load balancers (`AWS::ElasticLoadBalancingV2::LoadBalancer`, `aws_lb`).
pub mod elb {
    use super::Field;
    /// `application` (the default), `network` or `gateway`.
    pub static TYPE: Field = elb_field!("Type", "load_balancer_type");
}

/// Listeners and listener rules (`AWS::ElasticLoadBalancingV2::Listener`, `…::ListenerRule`).
pub mod listener {
    use super::Field;
    pub static DEFAULT_ACTIONS: Field = elb_field!("DefaultActions", "default_action");
    pub static ACTIONS: Field = elb_field!("Actions", "action");
    pub static TARGET_GROUP_ARN: Field = elb_field!("TargetGroupArn", "target_group_arn");
    pub static FORWARD_CONFIG: Field = elb_field!("ForwardConfig", "forward");
    pub static TARGET_GROUPS: Field = elb_field!("TargetGroups", "target_group");
    pub static LOAD_BALANCER_ARN: Field = elb_field!("LoadBalancerArn", "load_balancer_arn");
    /// A listener rule's listener.
    pub static LISTENER_ARN: Field = elb_field!("ListenerArn", "listener_arn");
    pub static PROTOCOL: Field = elb_field!("Protocol", "protocol");
    /// An action's `Type` (`forward`, `redirect`, `fixed-response`…).
    pub static TYPE: Field = elb_field!("Type", "type");
    pub static REDIRECT_CONFIG: Field = elb_field!("RedirectConfig", "redirect");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_per_dialect() {
        let f = &port_mapping::HOST_PORT;
        assert_eq!(Dialect::Api.name(f), "hostPort");
        assert_eq!(Dialect::CloudFormation.name(f), "HostPort");
        assert_eq!(Dialect::Compose.name(f), "published");
        assert_eq!(Dialect::Terraform.name(&task::NETWORK_MODE), "network_mode");
        // A format without the key is named in the API's spelling.
        assert_eq!(service::CLUSTER.key(Dialect::Compose), None);
        assert_eq!(Dialect::Compose.name(&service::CLUSTER), "cluster");
    }
}
