//! The rule table: every rule ecslint knows, in code order. One rule per file; each file holds
//! the rule's identity, points at its docs in `rules/`, and holds its check. Only rules live
//! here: what they know about ECS (Fargate sizes, port ranges, names, images) is in
//! [`crate::domain`], and no rule imports another.

pub mod awslogs_missing_options;
pub mod capacity_provider_not_associated;
pub mod container_cpu_exceeds_task;
pub mod container_dependency_cycle;
pub mod container_insights_disabled;
pub mod container_memory_exceeds_task;
pub mod container_memory_too_low;
pub mod container_reference_not_found;
pub mod dangerous_capability;
pub mod deployment_cannot_progress;
pub mod duplicate_container_name;
pub mod duplicate_container_port;
pub mod duplicate_environment_variable;
pub mod duplicate_mount_path;
pub mod duplicate_port_name;
pub mod duplicate_volume_name;
pub mod efs_without_transit_encryption;
pub mod empty_file;
pub mod ephemeral_host_port;
pub mod ephemeral_storage_without_fargate;
pub mod execute_command_enabled;
pub mod execute_command_logging_disabled;
pub mod execute_command_without_task_role;
pub mod execution_role_as_task_role;
pub mod expired_suppression;
pub mod exposed_firelens_port;
pub mod fargate_missing_task_size;
pub mod fargate_placement_constraints;
pub mod fargate_service_placement;
pub mod fargate_unsupported_log_driver;
pub mod fargate_unsupported_parameter;
pub mod fargate_without_awsvpc;
pub mod file_not_followed;
pub mod file_too_large;
pub mod firelens_router_not_essential;
pub mod followed_file_missing;
pub mod grace_period_without_health_check;
pub mod health_check_misses_dynamic_port;
pub mod health_check_port_not_mapped;
pub mod host_network_mode;
pub mod host_port_mismatch;
pub mod image_not_pinned_by_digest;
pub mod interactive_container;
pub mod invalid_assign_public_ip;
pub mod invalid_awslogs_option;
pub mod invalid_capacity_provider_strategy;
pub mod invalid_classic_load_balancer;
pub mod invalid_container_name;
pub mod invalid_container_port_range;
pub mod invalid_daemon_configuration;
pub mod invalid_dependency_condition;
pub mod invalid_deployment_controller;
pub mod invalid_deployment_strategy;
pub mod invalid_efs_volume;
pub mod invalid_enum_value;
pub mod invalid_environment_file;
pub mod invalid_family_name;
pub mod invalid_fargate_task_size;
pub mod invalid_firelens_configuration;
pub mod invalid_hcl;
pub mod invalid_health_check;
pub mod invalid_image_reference;
pub mod invalid_json;
pub mod invalid_launch_type;
pub mod invalid_load_balancer_entry;
pub mod invalid_placement;
pub mod invalid_port_number;
pub mod invalid_propagate_tags;
pub mod invalid_secret_reference;
pub mod invalid_service_connect_configuration;
pub mod invalid_service_role;
pub mod invalid_suppression;
pub mod invalid_system_controls;
pub mod invalid_tags;
pub mod invalid_task_size;
pub mod invalid_type;
pub mod invalid_ulimits;
pub mod invalid_value_format;
pub mod invalid_volume;
pub mod invalid_yaml;
pub mod latest_image_tag;
pub mod launch_type_with_capacity_providers;
pub mod load_balancer_container_not_found;
pub mod load_balancer_port_not_mapped;
pub mod load_balancer_protocol_mismatch;
pub mod memory_below_reservation;
pub mod missing_circuit_breaker;
pub mod missing_container_definitions;
pub mod missing_container_image;
pub mod missing_container_memory;
pub mod missing_essential_container;
pub mod missing_execution_role;
pub mod missing_firelens_router;
pub mod missing_health_check;
pub mod missing_log_configuration;
pub mod missing_network_configuration;
pub mod missing_required_field;
pub mod missing_security_groups;
pub mod missing_service_connect_logs;
pub mod missing_tags;
pub mod missing_task_definition;
pub mod mount_volume_not_found;
pub mod network_configuration_mismatch;
pub mod network_mode_unsupported_option;
pub mod null_value;
pub mod outdated_platform_version;
pub mod plaintext_http_listener;
pub mod platform_version_without_fargate;
pub mod port_mappings_with_network_none;
pub mod port_name_not_found;
pub mod privileged_container;
pub mod public_ip_assigned;
pub mod read_only_field;
pub mod reserved_host_port;
pub mod root_user;
pub mod secret_in_environment;
pub mod secret_in_log_options;
pub mod service_before_listener;
pub mod service_registry_mismatch;
pub mod shared_host_namespace;
pub mod splunk_missing_options;
pub mod swappiness_without_max_swap;
pub mod target_group_not_attached;
pub mod target_type_mismatch;
pub mod task_not_fargate_compatible;
#[cfg(test)]
mod tester;
pub mod too_many_tasks_for_service_discovery;
pub mod transport_protocol_mismatch;
pub mod unknown_field;
pub mod unsupported_daemon_scheduling;
pub mod unused_suppression;
pub mod value_out_of_range;
pub mod windows_unsupported_parameter;
pub mod writable_root_filesystem;

use crate::rule::Rule;

/// Every built-in rule, sorted by code (what [`crate::rule::Registry::builtin`] holds). Codes are stable and never reused (`tests/rules.txt` pins them).
pub static BUILT_IN: &[&Rule] = &[
    &invalid_json::RULE,
    &invalid_yaml::RULE,
    &file_too_large::RULE,
    &empty_file::RULE,
    &unknown_field::RULE,
    &read_only_field::RULE,
    &invalid_type::RULE,
    &null_value::RULE,
    &invalid_enum_value::RULE,
    &missing_required_field::RULE,
    &value_out_of_range::RULE,
    &invalid_value_format::RULE,
    &invalid_hcl::RULE,
    &followed_file_missing::RULE,
    &file_not_followed::RULE,
    &fargate_without_awsvpc::RULE,
    &fargate_missing_task_size::RULE,
    &invalid_fargate_task_size::RULE,
    &container_cpu_exceeds_task::RULE,
    &container_memory_exceeds_task::RULE,
    &missing_container_definitions::RULE,
    &duplicate_container_name::RULE,
    &missing_essential_container::RULE,
    &invalid_family_name::RULE,
    &efs_without_transit_encryption::RULE,
    &awslogs_missing_options::RULE,
    &invalid_awslogs_option::RULE,
    &fargate_unsupported_log_driver::RULE,
    &fargate_placement_constraints::RULE,
    &missing_execution_role::RULE,
    &fargate_unsupported_parameter::RULE,
    &host_network_mode::RULE,
    &shared_host_namespace::RULE,
    &missing_firelens_router::RULE,
    &duplicate_volume_name::RULE,
    &invalid_efs_volume::RULE,
    &invalid_task_size::RULE,
    &execution_role_as_task_role::RULE,
    &windows_unsupported_parameter::RULE,
    &invalid_volume::RULE,
    &ephemeral_storage_without_fargate::RULE,
    &host_port_mismatch::RULE,
    &port_mappings_with_network_none::RULE,
    &reserved_host_port::RULE,
    &ephemeral_host_port::RULE,
    &invalid_container_port_range::RULE,
    &duplicate_container_port::RULE,
    &memory_below_reservation::RULE,
    &missing_container_memory::RULE,
    &invalid_container_name::RULE,
    &privileged_container::RULE,
    &secret_in_environment::RULE,
    &latest_image_tag::RULE,
    &container_reference_not_found::RULE,
    &container_dependency_cycle::RULE,
    &mount_volume_not_found::RULE,
    &network_mode_unsupported_option::RULE,
    &invalid_dependency_condition::RULE,
    &invalid_health_check::RULE,
    &invalid_port_number::RULE,
    &writable_root_filesystem::RULE,
    &root_user::RULE,
    &missing_log_configuration::RULE,
    &duplicate_environment_variable::RULE,
    &missing_container_image::RULE,
    &invalid_image_reference::RULE,
    &invalid_secret_reference::RULE,
    &duplicate_port_name::RULE,
    &invalid_ulimits::RULE,
    &dangerous_capability::RULE,
    &swappiness_without_max_swap::RULE,
    &secret_in_log_options::RULE,
    &splunk_missing_options::RULE,
    &firelens_router_not_essential::RULE,
    &container_memory_too_low::RULE,
    &invalid_environment_file::RULE,
    &exposed_firelens_port::RULE,
    &duplicate_mount_path::RULE,
    &invalid_firelens_configuration::RULE,
    &interactive_container::RULE,
    &invalid_system_controls::RULE,
    &image_not_pinned_by_digest::RULE,
    &unsupported_daemon_scheduling::RULE,
    &launch_type_with_capacity_providers::RULE,
    &fargate_service_placement::RULE,
    &public_ip_assigned::RULE,
    &invalid_assign_public_ip::RULE,
    &deployment_cannot_progress::RULE,
    &invalid_capacity_provider_strategy::RULE,
    &invalid_placement::RULE,
    &platform_version_without_fargate::RULE,
    &invalid_daemon_configuration::RULE,
    &invalid_deployment_controller::RULE,
    &missing_circuit_breaker::RULE,
    &invalid_load_balancer_entry::RULE,
    &execute_command_enabled::RULE,
    &invalid_launch_type::RULE,
    &missing_task_definition::RULE,
    &outdated_platform_version::RULE,
    &too_many_tasks_for_service_discovery::RULE,
    &missing_security_groups::RULE,
    &missing_service_connect_logs::RULE,
    &invalid_deployment_strategy::RULE,
    &invalid_service_connect_configuration::RULE,
    &invalid_propagate_tags::RULE,
    &load_balancer_container_not_found::RULE,
    &load_balancer_port_not_mapped::RULE,
    &target_type_mismatch::RULE,
    &target_group_not_attached::RULE,
    &service_before_listener::RULE,
    &missing_network_configuration::RULE,
    &task_not_fargate_compatible::RULE,
    &health_check_misses_dynamic_port::RULE,
    &capacity_provider_not_associated::RULE,
    &grace_period_without_health_check::RULE,
    &load_balancer_protocol_mismatch::RULE,
    &transport_protocol_mismatch::RULE,
    &health_check_port_not_mapped::RULE,
    &network_configuration_mismatch::RULE,
    &port_name_not_found::RULE,
    &execute_command_without_task_role::RULE,
    &invalid_service_role::RULE,
    &invalid_classic_load_balancer::RULE,
    &service_registry_mismatch::RULE,
    &missing_health_check::RULE,
    &plaintext_http_listener::RULE,
    &container_insights_disabled::RULE,
    &execute_command_logging_disabled::RULE,
    &invalid_tags::RULE,
    &missing_tags::RULE,
    &unused_suppression::RULE,
    &expired_suppression::RULE,
    &invalid_suppression::RULE,
];
